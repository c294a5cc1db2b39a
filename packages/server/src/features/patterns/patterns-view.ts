import {
  HVDC_NORMS,
  SMALL_SERIES_CAUTION,
  codeContents,
  codeDream,
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
  foldEntry,
  summarisePatterns,
  type PatternFilter,
  type PatternsSummary,
} from '@undercurrent/clinical/patterns';
import { analysisOf } from './analysis-cache.js';
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
  dreams: { count: number; profile: HProfile | null; caution: string | null };
}

/**
 * Folds the material the caller was allowed to read into the pattern aids. The filter is applied
 * again here (STAFF_VIEW never folds a private entry, whatever was passed), and only folded entries
 * are listed as sources.
 */
export function buildPatterns(
  material: readonly Material[],
  filter: PatternFilter,
  options: {
    rated?: readonly RatedNote[];
    confirmedEpisodes?: readonly ScoredEpisode[];
    ccrt?: CcrtSummaryOptions;
    norm: DreamNormGroupId;
  },
): PatternsView {
  const state = createPatternState(filter);
  const sources: PassageSource[] = [];
  const dreams: Material[] = [];
  for (const item of material) {
    if (!foldEntry(state, analysisOf(item.entry, item.version))) continue;
    sources.push({ entryId: item.entry.id, kind: item.entry.kind, date: item.entry.date, link: item.link });
    if (item.dream) dreams.push(item);
  }
  const summary = summarisePatterns<string>(state, {
    confirmedEpisodes: options.confirmedEpisodes ?? [],
    ...(options.ccrt ? { ccrt: options.ccrt } : {}),
    ratedOccasions: (options.rated ?? []).map((note) => ({
      at: note.day,
      ratings: note.defences.filter(isDefenceId),
    })),
  });
  const series = dreams.map((d) => codeContents(codeDream(d.entry.text)));
  const profile = series.length > 0 ? hProfile(dreamIndicators(series), HVDC_NORMS[options.norm]) : null;
  return {
    summary,
    sources,
    dreams: { count: series.length, profile, caution: profile?.caution ? SMALL_SERIES_CAUTION : null },
  };
}
