import crypto from 'node:crypto';
import type pg from 'pg';
import { unwrapKey, wrapKey } from './aead.js';
import type { MasterKey } from './master-key.js';

/**
 * Per-practice data keys (one series for clinical text, a separate one for process notes), stored
 * wrapped by the master key in practice_keys and unwrapped into memory on first use. Every query
 * here runs inside a transaction already scoped to the practice, so row-level security applies.
 *
 * Only keys whose row is committed are remembered. A key created (or a row touched) by the
 * transaction still running may yet be rolled back, and another node may then create a different
 * key under the same version: remembering the lost one would make this node write text nobody else
 * can read, and fail to read theirs.
 */

/** True when the row was written by the transaction still running (so it is not committed yet). */
const UNCOMMITTED = `coalesce(xmin = xid(pg_current_xact_id_if_assigned()), false) AS uncommitted`;

export type KeyPurpose = 'clinical' | 'process';

export interface DataKey {
  version: number;
  key: Buffer;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

function wrapAad(practiceId: string, purpose: KeyPurpose, version: number): string {
  return `undercurrent-data-key|${practiceId}|${purpose}|${version}`;
}

export class KeyRing {
  private readonly cache = new Map<string, Buffer>();
  /** Counts rotations made through this ring, so a transaction holding the active key knows to ask again. */
  rotations = 0;

  constructor(private readonly master: MasterKey) {}

  get masterKeyId(): string {
    return this.master.id;
  }

  private remember(practiceId: string, purpose: KeyPurpose, version: number, key: Buffer): DataKey {
    this.cache.set(`${practiceId}:${purpose}:${version}`, key);
    return { version, key };
  }

  /** The key new ciphertext is written with; created on first use. */
  async active(tx: Queryable, practiceId: string, purpose: KeyPurpose): Promise<DataKey> {
    const found = await tx.query<{ version: number; wrapped_key: string; uncommitted: boolean }>(
      `SELECT version, wrapped_key, ${UNCOMMITTED} FROM practice_keys
        WHERE practice_id = $1 AND purpose = $2 AND retired_at IS NULL ORDER BY version DESC LIMIT 1`,
      [practiceId, purpose],
    );
    const row = found.rows[0];
    if (row?.uncommitted) {
      return { version: row.version, key: this.unwrap(practiceId, purpose, row.version, row.wrapped_key) };
    }
    if (row) {
      const cached = this.cache.get(`${practiceId}:${purpose}:${row.version}`);
      if (cached) return { version: row.version, key: cached };
      return this.remember(
        practiceId,
        purpose,
        row.version,
        this.unwrap(practiceId, purpose, row.version, row.wrapped_key),
      );
    }
    return this.create(tx, practiceId, purpose);
  }

  /** A specific version, to decrypt what was written before a rotation. */
  async version(tx: Queryable, practiceId: string, purpose: KeyPurpose, version: number): Promise<Buffer> {
    const cached = this.cache.get(`${practiceId}:${purpose}:${version}`);
    if (cached) return cached;
    const found = await tx.query<{ wrapped_key: string; uncommitted: boolean }>(
      `SELECT wrapped_key, ${UNCOMMITTED} FROM practice_keys
        WHERE practice_id = $1 AND purpose = $2 AND version = $3`,
      [practiceId, purpose, version],
    );
    const row = found.rows[0];
    if (!row) throw new Error(`No ${purpose} data key version ${version} for this practice.`);
    if (row.uncommitted) return this.unwrap(practiceId, purpose, version, row.wrapped_key);
    return this.remember(practiceId, purpose, version, this.unwrap(practiceId, purpose, version, row.wrapped_key)).key;
  }

  /** Starts a new key version; the old one is retired but still decrypts. */
  async rotate(tx: Queryable, practiceId: string, purpose: KeyPurpose): Promise<DataKey> {
    this.rotations += 1;
    await tx.query(
      'UPDATE practice_keys SET retired_at = now() WHERE practice_id = $1 AND purpose = $2 AND retired_at IS NULL',
      [practiceId, purpose],
    );
    return this.create(tx, practiceId, purpose);
  }

  /** Re-wraps every key of the practice under a new master key (the data keys themselves are unchanged). */
  async rewrap(tx: Queryable, practiceId: string, next: MasterKey): Promise<number> {
    const rows = await tx.query<{ purpose: KeyPurpose; version: number; wrapped_key: string }>(
      'SELECT purpose, version, wrapped_key FROM practice_keys WHERE practice_id = $1',
      [practiceId],
    );
    for (const row of rows.rows) {
      const key = this.unwrap(practiceId, row.purpose, row.version, row.wrapped_key);
      await tx.query(
        `UPDATE practice_keys SET wrapped_key = $4, master_key_id = $5
          WHERE practice_id = $1 AND purpose = $2 AND version = $3`,
        [
          practiceId,
          row.purpose,
          row.version,
          wrapKey(next.key, key, wrapAad(practiceId, row.purpose, row.version)),
          next.id,
        ],
      );
    }
    return rows.rowCount ?? 0;
  }

  private unwrap(practiceId: string, purpose: KeyPurpose, version: number, wrapped: string): Buffer {
    try {
      return unwrapKey(this.master.key, wrapped, wrapAad(practiceId, purpose, version));
    } catch {
      throw new Error(
        'A practice data key could not be unwrapped: the master key does not match the one this database was ' +
          'written with. Check UNDERCURRENT_MASTER_KEY or the master.key file in the data directory.',
      );
    }
  }

  private async create(tx: Queryable, practiceId: string, purpose: KeyPurpose): Promise<DataKey> {
    const next = await tx.query<{ v: number }>(
      'SELECT coalesce(max(version), 0) + 1 AS v FROM practice_keys WHERE practice_id = $1 AND purpose = $2',
      [practiceId, purpose],
    );
    const version = next.rows[0]?.v ?? 1;
    const key = crypto.randomBytes(32);
    const inserted = await tx.query(
      `INSERT INTO practice_keys (practice_id, purpose, version, wrapped_key, master_key_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [
        practiceId,
        purpose,
        version,
        wrapKey(this.master.key, key, wrapAad(practiceId, purpose, version)),
        this.master.id,
      ],
    );
    if (inserted.rowCount === 0) return this.active(tx, practiceId, purpose); // another node won the race
    return { version, key }; // remembered once committed, when next read (see UNCOMMITTED)
  }
}
