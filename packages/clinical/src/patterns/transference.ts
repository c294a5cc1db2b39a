/**
 * Transference markers: references to the therapist or the therapy in the client's material
 * (shared entries and dreams) alongside the therapist's countertransference notes, on one timeline.
 * A reference is a place to look, not a judgement that transference is present.
 */
import type { PatternState } from './fold.js';
import { citationOf, pickCitations, compareText } from './observations.js';
import type { Citation, EntryAnalysis, EntryKind, EntrySource } from './types.js';

export interface TransferenceMarker {
  entryId: string;
  date: string;
  kind: EntryKind;
  source: EntrySource;
  /** The client's reference to the therapist or therapy, or the therapist's countertransference note. */
  marker: 'client-reference' | 'countertransference';
  /** The words found ("my therapist", "session"); empty for a countertransference note. */
  terms: string[];
  citations: Citation[];
  how: string;
}

/** The marker of one entry, or null when it has none. */
export function transferenceMarkerOf(a: EntryAnalysis): TransferenceMarker | null {
  if (a.kind === 'countertransference') {
    return {
      entryId: a.entryId,
      date: a.date,
      kind: a.kind,
      source: a.source,
      marker: 'countertransference',
      terms: [],
      citations: a.sentences.length > 0 ? [citationOf(a, 0)] : [],
      how: "The therapist's countertransference note of this day, placed on the same timeline.",
    };
  }
  if (a.therapyReferences.length > 0 && a.source !== 'therapist') {
    const terms = [...new Set(a.therapyReferences.map((r) => r.term.toLowerCase()))].sort();
    return {
      entryId: a.entryId,
      date: a.date,
      kind: a.kind,
      source: a.source,
      marker: 'client-reference',
      terms,
      citations: pickCitations(a.therapyReferences.map((r) => citationOf(a, r.sentence))),
      how: `The client's ${a.kind === 'dream' ? 'dream' : 'entry'} mentions ${terms.map((t) => `"${t}"`).join(', ')}.`,
    };
  }
  return null;
}

/** Markers on one timeline: by date, then entry id. */
export const byTimeline = (x: TransferenceMarker, y: TransferenceMarker) =>
  compareText(x.date, y.date) || compareText(x.entryId, y.entryId);

export function transferenceTimeline(state: PatternState): TransferenceMarker[] {
  const markers: TransferenceMarker[] = [];
  for (const a of state.analyses.values()) {
    const marker = transferenceMarkerOf(a);
    if (marker) markers.push(marker);
  }
  return markers.sort(byTimeline);
}
