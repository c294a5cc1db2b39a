/**
 * The Hall & Van de Castle (1966) norms for college students, men and women — CLINICAL-REFERENCE.md §6,
 * as data. Percent indicators are stored as proportions (67 % → 0.67); the indices as rates.
 */
import type { ProportionIndicator, RateIndicator } from './indicators.js';

export type DreamNormGroupId = 'men' | 'women';

export interface DreamNormGroup {
  id: DreamNormGroupId;
  label: string;
  source: string;
  /** Dreams in the norm sample: 500 reports per sex (100 students × 5). The base of the "dreams with ≥1" indicators. */
  dreams: number;
  proportions: Record<ProportionIndicator, number>;
  rates: Record<RateIndicator, number>;
}

const SOURCE = 'Hall & Van de Castle (1966), college students';

export const HVDC_NORMS: Record<DreamNormGroupId, DreamNormGroup> = {
  men: {
    id: 'men',
    label: 'Men (college students)',
    source: SOURCE,
    dreams: 500,
    proportions: {
      maleFemale: 0.67,
      familiarity: 0.45,
      friends: 0.31,
      family: 0.12,
      deadImaginary: 0,
      animal: 0.06,
      aggressionFriendliness: 0.59,
      befriender: 0.5,
      aggressor: 0.4,
      physicalAggression: 0.5,
      selfNegativity: 0.65,
      dreamerSuccess: 0.51,
      bodilyMisfortunes: 0.29,
      torsoAnatomy: 0.31,
      negativeEmotions: 0.8,
      indoorSetting: 0.48,
      familiarSetting: 0.62,
      dreamsWithAggression: 0.47,
      dreamsWithFriendliness: 0.38,
      dreamsWithSexuality: 0.12,
      dreamsWithMisfortune: 0.36,
      dreamsWithGoodFortune: 0.06,
      dreamsWithSuccess: 0.15,
      dreamsWithFailure: 0.15,
      dreamsWithStriving: 0.27,
    },
    rates: { aggressionsPerCharacter: 0.34, friendlinessPerCharacter: 0.21, sexualityPerCharacter: 0.06 },
  },
  women: {
    id: 'women',
    label: 'Women (college students)',
    source: SOURCE,
    dreams: 500,
    proportions: {
      maleFemale: 0.48,
      familiarity: 0.58,
      friends: 0.37,
      family: 0.19,
      deadImaginary: 0.01,
      animal: 0.04,
      aggressionFriendliness: 0.51,
      befriender: 0.47,
      aggressor: 0.33,
      physicalAggression: 0.34,
      selfNegativity: 0.66,
      dreamerSuccess: 0.42,
      bodilyMisfortunes: 0.35,
      torsoAnatomy: 0.2,
      negativeEmotions: 0.8,
      indoorSetting: 0.61,
      familiarSetting: 0.79,
      dreamsWithAggression: 0.44,
      dreamsWithFriendliness: 0.42,
      dreamsWithSexuality: 0.04,
      dreamsWithMisfortune: 0.33,
      dreamsWithGoodFortune: 0.06,
      dreamsWithSuccess: 0.08,
      dreamsWithFailure: 0.1,
      dreamsWithStriving: 0.15,
    },
    rates: { aggressionsPerCharacter: 0.24, friendlinessPerCharacter: 0.22, sexualityPerCharacter: 0.01 },
  },
};
