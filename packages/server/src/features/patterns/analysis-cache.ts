import { ANALYSIS_VERSION, analyseEntry, type EntryAnalysis, type PatternEntry } from '@undercurrent/clinical/patterns';

/**
 * Per-entry analyses, kept in memory in this process. The key is the entry's id, the version of its
 * text (journal_entries.version, progress_notes.version), who may see it (`source`: an entry made
 * private again is analysed again as private) and `ANALYSIS_VERSION`, so a changed entry, a change of
 * sharing or a new analyser never reads a stale analysis. Analyses hold only offsets, lemmas of role,
 * feeling and theme terms and dates — still clinical, so they never leave the process and are bounded
 * (least recently used out first). A restart empties it; the first view after it analyses again.
 */
const MAX_ENTRIES = 20_000;
const cache = new Map<string, EntryAnalysis>();

export function analysisOf(entry: PatternEntry, version: number): EntryAnalysis {
  const key = `${entry.id}|${version}|${entry.source}|${entry.kind}|${entry.date}|${ANALYSIS_VERSION}`;
  const found = cache.get(key);
  if (found) {
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  const analysis = analyseEntry(entry);
  cache.set(key, analysis);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return analysis;
}
