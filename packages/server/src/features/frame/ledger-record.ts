import type { Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import type { LedgerKind } from '../../frame/frame-types.js';
import type { Ledger, LedgerEntry } from './frame-schemas.js';

/**
 * The per-client charges ledger. Append-only (the database refuses UPDATE and DELETE): a charge is
 * corrected by a `reversal` entry that points at it (reverses_id) with the opposite amount.
 * Amounts are integer pence in the practice's currency.
 */
export type LedgerEntryView = Static<typeof LedgerEntry>;
export type LedgerView = Static<typeof Ledger>;

interface LedgerEntryRow {
  id: string;
  client_id: string;
  therapist_id: string;
  appointment_id: string | null;
  appointment_starts_at: Date | null;
  kind: LedgerKind;
  amount_pence: number;
  currency: string;
  description: string;
  reverses_id: string | null;
  reversed: boolean;
  created_at: Date;
}

/** An entry with what the routes need to know about it beyond what they show. */
export interface StoredLedgerEntry {
  view: LedgerEntryView;
  therapistId: string;
  reversesId: string | null;
  reversed: boolean;
}

export interface LedgerFilter {
  clientId?: string;
  /** Only the entries this therapist made (a therapist sees their own charges to a client). */
  therapistId?: string;
  ids?: string[];
  appointmentId?: string;
}

const SELECT_ENTRIES = `
  SELECT e.id, e.client_id, e.therapist_id, e.appointment_id, a.starts_at AS appointment_starts_at, e.kind,
         e.amount_pence, e.currency, e.description, e.reverses_id,
         EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id) AS reversed, e.created_at
    FROM ledger_entries e
    LEFT JOIN appointments a ON a.id = e.appointment_id
   WHERE ($1::uuid IS NULL OR e.client_id = $1)
     AND ($2::uuid IS NULL OR e.therapist_id = $2)
     AND ($3::uuid[] IS NULL OR e.id = ANY($3))
     AND ($4::uuid IS NULL OR e.appointment_id = $4)
   ORDER BY e.created_at, (e.kind <> 'reversal'), e.id`;

export async function findLedgerEntries(tx: Scoped, filter: LedgerFilter): Promise<StoredLedgerEntry[]> {
  const result = await tx.query<LedgerEntryRow>(SELECT_ENTRIES, [
    filter.clientId ?? null,
    filter.therapistId ?? null,
    filter.ids ?? null,
    filter.appointmentId ?? null,
  ]);
  return result.rows.map((row) => ({
    view: {
      id: row.id,
      clientId: row.client_id,
      appointmentId: row.appointment_id,
      appointmentStartsAt: row.appointment_starts_at?.toISOString() ?? null,
      kind: row.kind,
      amountPence: row.amount_pence,
      currency: row.currency,
      description: row.description,
      reversesId: row.reverses_id,
      reversed: row.reversed,
      createdAt: row.created_at.toISOString(),
    },
    therapistId: row.therapist_id,
    reversesId: row.reverses_id,
    reversed: row.reversed,
  }));
}

/** A client's ledger (all of it, or only one therapist's entries) with its balance. */
export async function findLedger(tx: Scoped, clientId: string, therapistId?: string): Promise<LedgerView> {
  const [entries, currency] = [await findLedgerEntries(tx, { clientId, therapistId }), await practiceCurrency(tx)];
  return {
    entries: entries.map((e) => e.view),
    balancePence: entries.reduce((sum, e) => sum + e.view.amountPence, 0),
    currency,
  };
}

/** The practice's currency (ISO 4217, e.g. GBP). */
export async function practiceCurrency(tx: Scoped): Promise<string> {
  const result = await tx.query<{ currency: string }>('SELECT currency FROM practices WHERE id = $1', [
    tx.actor.practiceId,
  ]);
  return result.rows[0]?.currency ?? 'GBP';
}

export interface NewLedgerEntry {
  clientId: string;
  therapistId: string;
  appointmentId: string | null;
  kind: LedgerKind;
  amountPence: number;
  currency: string;
  description: string;
  reversesId?: string | null;
  /**
   * When it happened (e.g. when a session was marked); the database's clock when absent. The time
   * spent in the transaction so far is added, so entries written one after another keep their order.
   */
  at?: Date;
}

/** Appends one entry; returns its id. */
export async function insertLedgerEntry(tx: Scoped, entry: NewLedgerEntry): Promise<string> {
  const result = await tx.query<{ id: string }>(
    `INSERT INTO ledger_entries (practice_id, client_id, therapist_id, appointment_id, kind, amount_pence, currency,
                                 description, reverses_id, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
             coalesce($10::timestamptz + (clock_timestamp() - transaction_timestamp()), clock_timestamp()), $11)
     RETURNING id`,
    [
      tx.actor.practiceId,
      entry.clientId,
      entry.therapistId,
      entry.appointmentId,
      entry.kind,
      entry.amountPence,
      entry.currency,
      entry.description,
      entry.reversesId ?? null,
      entry.at ?? null,
      tx.actor.userId,
    ],
  );
  const id = result.rows[0]?.id;
  if (!id) throw new Error('the ledger entry was not written');
  return id;
}

/** The entry that reverses `original`: the opposite amount, pointing at it. */
export async function insertReversal(
  tx: Scoped,
  original: StoredLedgerEntry,
  description: string,
  at?: Date,
): Promise<string> {
  return insertLedgerEntry(tx, {
    clientId: original.view.clientId,
    therapistId: original.therapistId,
    appointmentId: original.view.appointmentId,
    kind: 'reversal',
    amountPence: -original.view.amountPence,
    currency: original.view.currency,
    description,
    reversesId: original.view.id,
    ...(at ? { at } : {}),
  });
}
