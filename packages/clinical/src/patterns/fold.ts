/**
 * The record-level state the pattern aids are computed from: cached per-entry analyses, keyed by
 * entry id, folded in one at a time. Folding is order-independent (folding entries one by one
 * gives exactly what a full recompute gives) and an entry folded again replaces its earlier
 * analysis (an edited entry). A filter decides which entries a view may use: the staff view uses
 * shared and therapist material only, never the client's private space.
 */
import type { EntryAnalysis, EntryKind, EntrySource } from './types.js';

export interface PatternFilter {
  /** Sources the view may use; all when left out. */
  sources?: readonly EntrySource[];
  /** Kinds the view may use; all when left out. */
  kinds?: readonly EntryKind[];
}

/** What the therapist may see: material the client shared, and the therapist's own notes. */
export const STAFF_VIEW: PatternFilter = { sources: ['shared', 'therapist'] };
/** What the client may see: their own material, shared or private; never the therapist's notes. */
export const CLIENT_VIEW: PatternFilter = { sources: ['shared', 'private'] };

export interface PatternState {
  readonly filter: PatternFilter;
  /** Analyses in the view, by entry id. */
  readonly analyses: Map<string, EntryAnalysis>;
  /** Theme candidates: term → entry id → sentences, kept up to date as entries are folded. */
  readonly termEntries: Map<string, Map<string, readonly number[]>>;
}

export function allows(filter: PatternFilter, analysis: Pick<EntryAnalysis, 'source' | 'kind'>): boolean {
  return (
    (filter.sources === undefined || filter.sources.includes(analysis.source)) &&
    (filter.kinds === undefined || filter.kinds.includes(analysis.kind))
  );
}

export function createPatternState(filter: PatternFilter = {}): PatternState {
  return { filter, analyses: new Map(), termEntries: new Map() };
}

/** Take an entry's analysis out of the state (an entry deleted, or made private again). */
export function removeEntry(state: PatternState, entryId: string): void {
  const old = state.analyses.get(entryId);
  if (!old) return;
  state.analyses.delete(entryId);
  for (const term of Object.keys(old.terms)) {
    const entries = state.termEntries.get(term);
    entries?.delete(entryId);
    if (entries && entries.size === 0) state.termEntries.delete(term);
  }
}

/**
 * Fold one entry's analysis into the state, replacing an earlier analysis of the same entry.
 * An entry the filter does not allow is removed if present and otherwise ignored. Returns whether
 * the entry is now in the view.
 */
export function foldEntry(state: PatternState, analysis: EntryAnalysis): boolean {
  removeEntry(state, analysis.entryId);
  if (!allows(state.filter, analysis)) return false;
  state.analyses.set(analysis.entryId, analysis);
  for (const [term, sentences] of Object.entries(analysis.terms)) {
    let entries = state.termEntries.get(term);
    if (!entries) {
      entries = new Map();
      state.termEntries.set(term, entries);
    }
    entries.set(analysis.entryId, sentences);
  }
  return true;
}

/** A state holding every allowed analysis: the full recompute. */
export function foldAll(analyses: Iterable<EntryAnalysis>, filter: PatternFilter = {}): PatternState {
  const state = createPatternState(filter);
  for (const analysis of analyses) foldEntry(state, analysis);
  return state;
}
