import crypto from 'node:crypto';
import type { DreamCodeCorrection } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';

/**
 * The therapist's corrections of dream codes (migration 0017), one row per dream, the corrections
 * encrypted with the practice's clinical key (their evidence quotes the dream). Row-level security
 * lets only a therapist currently caring for the client read or write them.
 */
export interface StoredCorrections {
  id: string;
  entryId: string;
  entryVersion: number;
  corrections: DreamCodeCorrection[];
  version: number;
  updatedAt: string;
}

const context = (id: string) => `dream_code_corrections.corrections_enc:${id}`;

interface Row {
  id: string;
  entry_id: string;
  entry_version: number;
  corrections_enc: string;
  version: number;
  updated_at: Date;
}

async function fromRow(tx: Scoped, row: Row): Promise<StoredCorrections> {
  return {
    id: row.id,
    entryId: row.entry_id,
    entryVersion: row.entry_version,
    corrections: JSON.parse(await tx.decrypt(context(row.id), row.corrections_enc)) as DreamCodeCorrection[],
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The client's corrected dreams by entry id (`entryId` narrows it to one dream). */
export async function loadCorrections(
  tx: Scoped,
  clientId: string,
  entryId?: string,
): Promise<Map<string, StoredCorrections>> {
  const result = await tx.query<Row>(
    `SELECT id, entry_id, entry_version, corrections_enc, version, updated_at
       FROM dream_code_corrections
      WHERE client_id = $1 AND ($2::uuid IS NULL OR entry_id = $2::uuid)`,
    [clientId, entryId ?? null],
  );
  const out = new Map<string, StoredCorrections>();
  for (const row of result.rows) out.set(row.entry_id, await fromRow(tx, row));
  return out;
}

/**
 * Stores the corrections over `baseVersion`: a new row when the dream had none (base 0), otherwise an
 * update of exactly that version. Null when the stored version is another one (the caller answers 409).
 */
export async function storeCorrections(
  tx: Scoped,
  input: {
    clientId: string;
    entryId: string;
    entryVersion: number;
    corrections: readonly DreamCodeCorrection[];
    baseVersion: number;
    by: string;
  },
): Promise<StoredCorrections | null> {
  const json = JSON.stringify(input.corrections);
  if (input.baseVersion === 0) {
    const id = crypto.randomUUID();
    const inserted = await tx.query<Row>(
      `INSERT INTO dream_code_corrections (id, practice_id, client_id, entry_id, entry_version, corrections_enc,
                                           corrections_count, updated_by)
       VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7)
       ON CONFLICT (practice_id, entry_id) DO NOTHING
       RETURNING id, entry_id, entry_version, corrections_enc, version, updated_at`,
      [
        id,
        input.clientId,
        input.entryId,
        input.entryVersion,
        await tx.encrypt('clinical', context(id), json),
        input.corrections.length,
        input.by,
      ],
    );
    return inserted.rows[0] ? fromRow(tx, inserted.rows[0]) : null;
  }
  const current = await tx.query<{ id: string }>(
    `SELECT id FROM dream_code_corrections WHERE entry_id = $1 AND version = $2 FOR UPDATE`,
    [input.entryId, input.baseVersion],
  );
  const id = current.rows[0]?.id;
  if (!id) return null;
  const updated = await tx.query<Row>(
    `UPDATE dream_code_corrections
        SET corrections_enc = $2, corrections_count = $3, entry_version = $4, updated_by = $5,
            version = version + 1, updated_at = now()
      WHERE id = $1
      RETURNING id, entry_id, entry_version, corrections_enc, version, updated_at`,
    [id, await tx.encrypt('clinical', context(id), json), input.corrections.length, input.entryVersion, input.by],
  );
  return fromRow(tx, updated.rows[0]!);
}

/** Removes the dream's corrections if they are still at `baseVersion`; false when they are not. */
export async function deleteCorrections(tx: Scoped, entryId: string, baseVersion: number): Promise<boolean> {
  const deleted = await tx.query(`DELETE FROM dream_code_corrections WHERE entry_id = $1 AND version = $2`, [
    entryId,
    baseVersion,
  ]);
  return (deleted.rowCount ?? 0) > 0;
}
