import {
  createPatternState,
  createSummaryCache,
  type PatternFilter,
  type PatternState,
  type SummaryCache,
} from '@undercurrent/clinical/patterns';

/**
 * Each viewer's folded state and running summary of one client's patterns, kept in memory in this
 * process so the next view folds in only what changed (a new or edited entry, a share withdrawn)
 * instead of summarising the whole record again. The key names the practice, the viewer, the client
 * and the view (staff or the client's own), so no two viewers ever share a state; every view still
 * reads its material afresh under row-level security and the state is brought to exactly that
 * material. Bounded (least recently used out first); a restart starts again from the analyses.
 */
const MAX_VIEWS = 200;
const kept = new Map<string, { state: PatternState; cache: SummaryCache }>();

export function keptSummary(key: string, filter: PatternFilter): { state: PatternState; cache: SummaryCache } {
  const fullKey = `${key}|${JSON.stringify(filter)}`;
  let found = kept.get(fullKey);
  if (found) kept.delete(fullKey);
  else found = { state: createPatternState(filter), cache: createSummaryCache() };
  kept.set(fullKey, found);
  if (kept.size > MAX_VIEWS) {
    const oldest = kept.keys().next().value;
    if (oldest !== undefined) kept.delete(oldest);
  }
  return found;
}
