/**
 * The h-profile of a dream series against a norm group — CLINICAL-REFERENCE.md §6: Cohen's h for each
 * proportion indicator, two-proportion z-tests corrected by Benjamini–Hochberg, the A/C, F/C and S/C
 * rates shown separately (h applies to proportions only), and the dream count with a caution below
 * about 75 dreams. A description of dream content against published norms, never a diagnosis.
 */
import type { DreamIndicators, Proportion, ProportionIndicator, RateIndicator } from './indicators.js';
import { INDICATOR_LABELS, PROPORTION_INDICATORS, RATE_INDICATORS } from './indicators.js';
import type { DreamNormGroup } from './norms.js';
import type { EffectSize } from './statistics.js';
import { benjaminiHochberg, cohensH, effectSize, twoProportionZTest } from './statistics.js';

/** Indicators are unstable below about 75–100 dreams from one person. */
export const RECOMMENDED_MINIMUM_DREAMS = 75;

export const SMALL_SERIES_CAUTION =
  'Fewer than about 75 dreams: Hall–Van de Castle indicators move a lot between small samples (Male/Female % by about ±8 points at 50 dreams, ±14 at 25), so read these figures as tentative.';

export interface HProfileEntry {
  indicator: ProportionIndicator;
  label: string;
  value: Proportion;
  norm: number;
  /** Cohen's h of the series against the norm; null when the indicator has no base in this series. */
  h: number | null;
  effect: EffectSize | null;
  /** Two-sided p of the two-proportion z-test, and its Benjamini–Hochberg q across the profile. */
  p: number | null;
  q: number | null;
  /** q ≤ α (0.05 by default). */
  significant: boolean;
  /** 'norm-sample' when the norm's base is known (the 500 dreams); 'norm-as-population' otherwise. */
  test: 'norm-sample' | 'norm-as-population';
}

export interface HProfileRate {
  indicator: RateIndicator;
  label: string;
  value: Proportion;
  norm: number;
  /** value − norm, in characters; null when the series has no characters. */
  difference: number | null;
}

export interface HProfile {
  normGroup: DreamNormGroup['id'];
  normLabel: string;
  dreams: number;
  /** True below `RECOMMENDED_MINIMUM_DREAMS`: show `SMALL_SERIES_CAUTION` with the count. */
  caution: boolean;
  proportions: HProfileEntry[];
  rates: HProfileRate[];
}

const DREAM_BASED: ReadonlySet<ProportionIndicator> = new Set(
  PROPORTION_INDICATORS.filter((i) => i.startsWith('dreamsWith')),
);

export function hProfile(
  indicators: DreamIndicators,
  norm: DreamNormGroup,
  options: { alpha?: number } = {},
): HProfile {
  const alpha = options.alpha ?? 0.05;
  const entries: HProfileEntry[] = PROPORTION_INDICATORS.map((indicator) => {
    const value = indicators.proportions[indicator];
    const normValue = norm.proportions[indicator];
    const test = DREAM_BASED.has(indicator) ? ('norm-sample' as const) : ('norm-as-population' as const);
    if (value.value === null) {
      return {
        indicator,
        label: INDICATOR_LABELS[indicator],
        value,
        norm: normValue,
        h: null,
        effect: null,
        p: null,
        q: null,
        significant: false,
        test,
      };
    }
    const h = cohensH(value.value, normValue);
    const { p } = twoProportionZTest(
      value.numerator,
      value.denominator,
      normValue,
      test === 'norm-sample' ? norm.dreams : undefined,
    );
    return {
      indicator,
      label: INDICATOR_LABELS[indicator],
      value,
      norm: normValue,
      h,
      effect: effectSize(h),
      p,
      q: null,
      significant: false,
      test,
    };
  });
  const tested = entries.filter((e) => e.p !== null);
  const q = benjaminiHochberg(tested.map((e) => e.p!));
  tested.forEach((e, i) => {
    e.q = q[i]!;
    e.significant = e.q <= alpha;
  });
  const rates: HProfileRate[] = RATE_INDICATORS.map((indicator) => {
    const value = indicators.rates[indicator];
    const normValue = norm.rates[indicator];
    return {
      indicator,
      label: INDICATOR_LABELS[indicator],
      value,
      norm: normValue,
      difference: value.value === null ? null : value.value - normValue,
    };
  });
  return {
    normGroup: norm.id,
    normLabel: norm.label,
    dreams: indicators.dreams,
    caution: indicators.dreams < RECOMMENDED_MINIMUM_DREAMS,
    proportions: entries,
    rates,
  };
}
