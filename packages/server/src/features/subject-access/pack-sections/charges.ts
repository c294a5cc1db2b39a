import { iso } from '../../journal/entry-record.js';
import { packSection, words } from '../pack-section.js';

/** The charges ledger: every fee, cancellation charge, waiver and correction, and the balance. */
export interface ChargesData {
  entries: { at: string; kind: string; amountPence: number; currency: string; description: string }[];
  balance: { amountPence: number; currency: string }[];
}

export const chargesSection = packSection<ChargesData>({
  key: 'charges',
  title: 'Your charges',
  async assemble(tx, scope) {
    const rows = await tx.query<{
      created_at: Date;
      kind: string;
      amount_pence: number;
      currency: string;
      description: string;
    }>(
      `SELECT created_at, kind, amount_pence, currency, description
         FROM ledger_entries WHERE client_id = $1 ORDER BY created_at, id`,
      [scope.clientId],
    );
    const totals = new Map<string, number>();
    for (const r of rows.rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amount_pence);
    return {
      entries: rows.rows.map((r) => ({
        at: iso(r.created_at),
        kind: r.kind,
        amountPence: r.amount_pence,
        currency: r.currency,
        description: r.description,
      })),
      balance: [...totals].map(([currency, amountPence]) => ({ currency, amountPence })),
    };
  },
  toPdf(data, print) {
    if (data.entries.length === 0) return [{ kind: 'paragraph', text: 'No charges are recorded.' }];
    return [
      ...data.entries.map((e) => ({
        kind: 'paragraph' as const,
        text: `${print.dateTime(e.at)} · ${words(e.kind)} · ${print.money(e.amountPence, e.currency)} · ${e.description}`,
      })),
      {
        kind: 'fields',
        rows: data.balance.map((b) => ['Total charged', print.money(b.amountPence, b.currency)] as const),
      },
    ];
  },
});
