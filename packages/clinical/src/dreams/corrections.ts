/**
 * A therapist's corrections to a dream's codes: add a code, remove one, or change what one says. The
 * corrected set is what the indicators use. Applying the same corrections again changes nothing.
 */
import type { DreamCode, DreamCodeContent, EvidenceSpan } from './dream-codes.js';

export type DreamCodeCorrection =
  /** Adds a code (or replaces the code with the same id); the therapist cites the words behind it. */
  | { action: 'add'; id: string; code: DreamCodeContent; evidence: readonly EvidenceSpan[] }
  | { action: 'remove'; id: string }
  /** Replaces what the code says; its evidence stays unless new evidence is given. */
  | { action: 'change'; id: string; code: DreamCodeContent; evidence?: readonly EvidenceSpan[] };

export interface CorrectedCodes {
  codes: DreamCode[];
  /** Remove and change corrections that name no code (e.g. the dream was recoded since); nothing is done for them. */
  unmatched: DreamCodeCorrection[];
}

/**
 * Applies corrections in order. Changed and added codes are marked `source: 'therapist'`. The result is
 * in the order of the words the codes cite, whatever the order of the corrections.
 */
export function applyCorrections(
  codes: readonly DreamCode[],
  corrections: readonly DreamCodeCorrection[],
): CorrectedCodes {
  const result = new Map<string, DreamCode>(codes.map((c) => [c.id, c]));
  const unmatched: DreamCodeCorrection[] = [];
  for (const correction of corrections) {
    if (correction.action === 'add') {
      result.set(correction.id, {
        ...correction.code,
        id: correction.id,
        evidence: [...correction.evidence],
        source: 'therapist',
      });
    } else if (correction.action === 'remove') {
      if (!result.delete(correction.id)) unmatched.push(correction);
    } else {
      const current = result.get(correction.id);
      if (!current) {
        unmatched.push(correction);
        continue;
      }
      result.set(correction.id, {
        ...correction.code,
        id: correction.id,
        evidence: correction.evidence ? [...correction.evidence] : current.evidence,
        source: 'therapist',
      });
    }
  }
  return { codes: [...result.values()].sort(byPlaceInText), unmatched };
}

/** Codes in the order of their first words in the text (codes citing none last), then by id. */
function byPlaceInText(a: DreamCode, b: DreamCode): number {
  const at = (c: DreamCode) => c.evidence[0]?.start ?? Number.MAX_SAFE_INTEGER;
  return at(a) - at(b) || a.id.localeCompare(b.id, 'en', { numeric: true });
}

/** What a correction's evidence gets wrong against the dream text, as sentences a person can act on; empty when right. */
export function evidenceProblems(text: string, evidence: readonly EvidenceSpan[]): string[] {
  const problems: string[] = [];
  if (evidence.length === 0) problems.push('Choose the words in the dream that this code rests on.');
  evidence.forEach((e, i) => {
    const n = i + 1;
    if (
      !Number.isInteger(e.start) ||
      !Number.isInteger(e.end) ||
      e.start < 0 ||
      e.end > text.length ||
      e.start >= e.end
    ) {
      problems.push(`Quote ${n} is not a stretch of the dream's text: choose the words again.`);
    } else if (text.slice(e.start, e.end) !== e.text) {
      problems.push(`Quote ${n} no longer matches the dream's text ("${e.text}"): choose the words again.`);
    }
  });
  return problems;
}

/** The codes with what they say only, in the form the indicators count. */
export function codeContents(codes: readonly DreamCode[]): DreamCodeContent[] {
  return codes.map(({ id: _id, evidence: _evidence, source: _source, ...content }) => content as DreamCodeContent);
}
