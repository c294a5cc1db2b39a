import {
  HVDC_NORMS,
  SMALL_SERIES_CAUTION,
  codeContents,
  dreamIndicators,
  hProfile,
  isDefenceId,
  type CcrtSummaryOptions,
  type DreamNormGroupId,
  type HProfile,
  type ScoredEpisode,
} from '@undercurrent/clinical';
import {
  createPatternState,
  createSummaryCache,
  foldEntry,
  removeEntry,
  summariseIncrementally,
  type PatternFilter,
  type PatternsSummary,
} from '@undercurrent/clinical/patterns';
import { analysisOf } from './analysis-cache.js';
import { keptSummary } from './kept-summaries.js';
import { correctedCodes } from './dream-codes-detail.js';
import type { StoredCorrections } from './dream-corrections-record.js';
import type { Material, RatedNote } from './patterns-sources.js';

export interface PassageSource {
  entryId: string;
  kind: string;
  date: string;
  /** The page the viewer may open for this passage. */
  link: string;
}

export interface PatternsView {
  summary: PatternsSummary;
  /** Every entry id a citation can name, with the page to open for it. */
  sources: PassageSource[];
  dreams: { count: number; corrected: number; profile: HProfile | null; caution: string | null; how: string };
}

/**
 * Folds the material the caller was allowed to read into the pattern aids. The filter is applied
 * again here (STAFF_VIEW never folds a private entry, whatever was passed), and only folded entries
 * are listed as sources. With a `viewKey` (practice, viewer, client), the viewer's state and running
 * summary are kept between views (`kept-summaries.ts`): entries whose analysis is unchanged are not
 * folded again, entries no longer in the material are taken out, and the summary does work in
 * proportion to what changed (`summariseIncrementally`, equal to a full summary).
 */
export function buildPatterns(
  material: readonly Material[],
  filter: PatternFilter,
  options: {
    rated?: readonly RatedNote[];
    confirmedEpisodes?: readonly ScoredEpisode[];
    ccrt?: CcrtSummaryOptions;
    norm: DreamNormGroupId;
    /** The therapist's corrections of dream codes, by entry id (the staff view only). */
    corrections?: ReadonlyMap<string, StoredCorrections>;
    /** Keep this viewer's state and running summary between views under this key. */
    viewKey?: string;
  },
): PatternsView {
  const { state, cache } = options.viewKey
    ? keptSummary(options.viewKey, filter)
    : { state: createPatternState(filter), cache: createSummaryCache() };
  const sources: PassageSource[] = [];
  const dreams: Material[] = [];
  const present = new Set<string>();
  for (const item of material) {
    const analysis = analysisOf(item.entry, item.version);
    present.add(item.entry.id);
    if (state.analyses.get(item.entry.id) !== analysis) foldEntry(state, analysis);
    if (!state.analyses.has(item.entry.id)) continue;
    sources.push({ entryId: item.entry.id, kind: item.entry.kind, date: item.entry.date, link: item.link });
    if (item.dream) dreams.push(item);
  }
  for (const id of [...state.analyses.keys()]) if (!present.has(id)) removeEntry(state, id);
  const summary = summariseIncrementally<string>(state, cache, {
    confirmedEpisodes: options.confirmedEpisodes ?? [],
    ...(options.ccrt ? { ccrt: options.ccrt } : {}),
    ratedOccasions: (options.rated ?? []).map((note) => ({
      at: note.day,
      ratings: note.defences.filter(isDefenceId),
    })),
  });
  let corrected = 0;
  const series = dreams.map((d) => {
    const stored = options.corrections?.get(d.entry.id);
    if (stored) corrected++;
    const dream = { entryId: d.entry.id, version: d.version, date: d.entry.date, text: d.entry.text, link: d.link };
    return codeContents(correctedCodes(dream, stored).codes);
  });
  const profile = series.length > 0 ? hProfile(dreamIndicators(series), HVDC_NORMS[options.norm]) : null;
  return {
    summary,
    sources,
    dreams: {
      count: series.length,
      corrected,
      profile,
      caution: profile?.caution ? SMALL_SERIES_CAUTION : null,
      how: dreamsHow(series.length, corrected, options.corrections !== undefined),
    },
  };
}

/** How the dream indicators were computed, with how many dreams the therapist corrected. */
export function dreamsHow(count: number, corrected: number, correctable: boolean): string {
  const coded = `${count === 1 ? 'The one dream was' : `All ${count} dreams were`} coded automatically in Hall–Van de Castle terms from our own word lists`;
  if (!correctable) return `${coded}; the indicators count those codes.`;
  return corrected === 0
    ? `${coded}; none corrected by the therapist yet, so the indicators count the automatic codes.`
    : `${coded}; ${corrected} of ${count} ${count === 1 ? 'dream' : 'dreams'} corrected by the therapist, and the indicators count the corrected codes.`;
}
