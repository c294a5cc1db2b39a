import type { LedgerEntry } from '../../api/frame-types';

/** Charges a therapist may waive (a credit, a reversal or a free miss has nothing to waive). */
const WAIVABLE = new Set(['session_fee', 'late_cancellation', 'did_not_attend', 'hour_is_yours', 'adjustment']);

/** Entries that can still be waived: a standing charge (positive, of a chargeable kind, not already reversed). */
export function waivableIds(entries: readonly LedgerEntry[]): Set<string> {
  return new Set(
    entries
      .filter((entry) => WAIVABLE.has(entry.kind) && entry.amountPence > 0 && !entry.reversed)
      .map((entry) => entry.id),
  );
}
