import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../api/frame-types';
import { waivableIds } from './ledger-rules';

function entry(id: string, kind: LedgerEntry['kind'], amountPence: number, reversed = false): LedgerEntry {
  return {
    id,
    clientId: 'c',
    appointmentId: 'a1',
    appointmentStartsAt: null,
    kind,
    amountPence,
    currency: 'GBP',
    description: id,
    reversesId: kind === 'reversal' ? 'fee' : null,
    reversed,
    createdAt: '2027-01-01T00:00:00.000Z',
  };
}

describe('which charges can still be waived', () => {
  it('offers a standing charge of each chargeable kind', () => {
    const entries = [
      entry('fee', 'session_fee', 7000),
      entry('late', 'late_cancellation', 3500),
      entry('dna', 'did_not_attend', 7000),
      entry('hour', 'hour_is_yours', 7000),
      entry('adj', 'adjustment', 500),
    ];
    expect([...waivableIds(entries)].sort()).toEqual(['adj', 'dna', 'fee', 'hour', 'late']);
  });

  it('offers nothing already reversed, no reversal, no credit and no free miss', () => {
    const entries = [
      entry('fee', 'session_fee', 7000, true),
      entry('undo', 'reversal', -7000),
      entry('credit', 'adjustment', -500),
      entry('free', 'free_missed', 0),
    ];
    expect([...waivableIds(entries)]).toEqual([]);
  });
});
