import type { Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import { iso } from '../journal/entry-record.js';
import { decryptOptional, toSummary, type RequestRow } from './request-record.js';
import type { AuthorCount, SarDetailView } from './subject-access-schemas.js';

/** One request whole, for the admin: its facts, deadline, process-note counts, packs and deliveries. */
export async function toDetail(
  tx: Scoped,
  row: RequestRow,
  counts: Static<typeof AuthorCount>[],
  today: string,
): Promise<SarDetailView> {
  const packs = await tx.query<{
    id: string;
    version: number;
    sha256: string;
    byte_size: number;
    included_process_notes: number;
    prepared_at: Date;
    prepared_by: string;
    prepared_by_name: string;
  }>(
    `SELECT p.id, p.version, p.sha256, p.byte_size, p.included_process_notes, p.prepared_at, p.prepared_by,
            u.display_name AS prepared_by_name
       FROM subject_access_packs p JOIN users u ON u.practice_id = p.practice_id AND u.id = p.prepared_by
      WHERE p.request_id = $1 ORDER BY p.version DESC`,
    [row.id],
  );
  const deliveries = await tx.query<{
    id: string;
    pack_id: string;
    version: number;
    method: SarDetailView['deliveries'][number]['method'];
    delivered_on: string;
    recorded_by: string;
    recorded_by_name: string;
    recorded_at: Date;
  }>(
    `SELECT d.id, d.pack_id, p.version, d.method, to_char(d.delivered_on, 'YYYY-MM-DD') AS delivered_on,
            d.recorded_by, u.display_name AS recorded_by_name, d.recorded_at
       FROM subject_access_deliveries d
       JOIN subject_access_packs p ON p.practice_id = d.practice_id AND p.id = d.pack_id
       JOIN users u ON u.practice_id = d.practice_id AND u.id = d.recorded_by
      WHERE d.request_id = $1 ORDER BY d.recorded_at DESC, d.id`,
    [row.id],
  );
  const extensionReason = await decryptOptional(tx, 'extension_reason_enc', row.id, row.extension_reason_enc);
  return {
    ...toSummary(row, today),
    channel: row.channel,
    requester: row.requester,
    representative: await decryptOptional(tx, 'representative_enc', row.id, row.representative_enc),
    identityCheckedOn: row.identity_checked_on,
    identityMethod: row.identity_method,
    notes: (await decryptOptional(tx, 'notes_enc', row.id, row.notes_enc)) ?? '',
    extension:
      row.extended_due_on && row.extension_told_on && extensionReason !== null
        ? { dueOn: row.extended_due_on, reason: extensionReason, clientToldOn: row.extension_told_on }
        : null,
    closedReason: await decryptOptional(tx, 'closed_reason_enc', row.id, row.closed_reason_enc),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    processNotes: counts,
    packs: packs.rows.map((p) => ({
      id: p.id,
      version: p.version,
      sha256: p.sha256,
      byteSize: p.byte_size,
      includedProcessNotes: p.included_process_notes,
      preparedAt: iso(p.prepared_at),
      preparedBy: { id: p.prepared_by, displayName: p.prepared_by_name },
    })),
    deliveries: deliveries.rows.map((d) => ({
      id: d.id,
      packId: d.pack_id,
      packVersion: d.version,
      method: d.method,
      deliveredOn: d.delivered_on,
      recordedBy: { id: d.recorded_by, displayName: d.recorded_by_name },
      recordedAt: iso(d.recorded_at),
    })),
  };
}
