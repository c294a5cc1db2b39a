import type { AccessLayer } from '../access/access-layer.js';
import { systemActor } from '../access/actor.js';
import { keyVersionOf } from '../crypto/envelope.js';
import type { EncryptedColumn } from '../crypto/encrypted-columns.js';
import type { KeyPurpose } from '../crypto/key-ring.js';

/**
 * Re-encrypts one registered column of one practice under the current data key versions, in batches
 * of short transactions (keyset order on the id columns, so it always finishes). A value is only
 * replaced if it is still the one that was read, so a concurrent write by a running server wins.
 * Values that cannot be decrypted are counted and left as they are.
 */
export interface ReencryptResult {
  rewritten: number;
  current: number;
  unreadable: number;
}

export async function reencryptColumn(
  access: AccessLayer,
  practiceId: string,
  column: EncryptedColumn,
  batchSize = 200,
): Promise<ReencryptResult> {
  const result: ReencryptResult = { rewritten: 0, current: 0, unreadable: 0 };
  let cursor: unknown[] | undefined;
  for (;;) {
    const batch = await access.run(systemActor(practiceId), async (tx) => {
      const id = (name: string) => tx.client.escapeIdentifier(name);
      const ids = column.idColumns.map(id).join(', ');
      const table = id(column.table);
      const value = id(column.column);
      const after = cursor ? `AND (${ids}) > (${column.idColumns.map((_, i) => `$${i + 2}`).join(', ')})` : '';
      const rows = await tx.query<Record<string, unknown>>(
        `SELECT ${ids}, ${value} AS value FROM ${table} WHERE practice_id = $1 AND ${value} IS NOT NULL ${after}
          ORDER BY ${ids} LIMIT ${batchSize} FOR UPDATE`,
        [practiceId, ...(cursor ?? [])],
      );
      const activeVersion = new Map<KeyPurpose, number>();
      for (const row of rows.rows) {
        const stored = String(row.value);
        const version = keyVersionOf(stored);
        if (!version) {
          result.unreadable += 1;
          continue;
        }
        if (!activeVersion.has(version.purpose)) {
          activeVersion.set(
            version.purpose,
            (await access.keys.active(tx.client, practiceId, version.purpose)).version,
          );
        }
        if (activeVersion.get(version.purpose) === version.version) {
          result.current += 1;
          continue;
        }
        const context = column.context(row);
        let plaintext: string;
        try {
          plaintext = await tx.decrypt(context, stored);
        } catch {
          result.unreadable += 1;
          continue;
        }
        const fresh = await tx.encrypt(version.purpose, context, plaintext);
        const where = column.idColumns.map((name, i) => `${id(name)} = $${i + 4}`).join(' AND ');
        const updated = await tx.query(
          `UPDATE ${table} SET ${value} = $2 WHERE practice_id = $1 AND ${value} = $3 AND ${where}`,
          [practiceId, fresh, stored, ...column.idColumns.map((name) => row[name])],
        );
        result.rewritten += updated.rowCount ?? 0;
      }
      const last = rows.rows.at(-1);
      return { count: rows.rows.length, last: last ? column.idColumns.map((name) => last[name]) : undefined };
    });
    if (batch.count < batchSize || !batch.last) break;
    cursor = batch.last;
  }
  return result;
}
