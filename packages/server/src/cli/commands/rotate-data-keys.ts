import { systemActor } from '../../access/actor.js';
import type { AppContext } from '../../context.js';
import { ENCRYPTED_COLUMNS } from '../../crypto/encrypted-columns.js';
import type { KeyPurpose } from '../../crypto/key-ring.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { label, practicesFor } from '../practices.js';
import { reencryptColumn } from '../reencrypt.js';

/**
 * `rotate-data-keys [--practice <slug>]`: starts a new version of each data key a practice has, then
 * re-encrypts every registered encrypted column (crypto/encrypted-columns.ts) under it. Old versions
 * stay (retired) so anything missed — a row written mid-rotation — still decrypts; run it again to
 * pick those up. Safe while servers run against the same external database.
 */
export async function rotateDataKeysCommand(ctx: AppContext, options: { practice?: string | undefined }, io: CliIo) {
  const practices = await practicesFor(ctx, options.practice);
  if (practices.length === 0) {
    io.out('There are no practices yet, so there are no data keys to rotate.');
    return EXIT.ok;
  }
  let unreadable = 0;
  for (const practice of practices) {
    const rotated = await ctx.access.run(systemActor(practice.id), async (tx) => {
      const purposes = await tx.query<{ purpose: KeyPurpose }>(
        'SELECT DISTINCT purpose FROM practice_keys WHERE practice_id = $1 ORDER BY purpose',
        [practice.id],
      );
      const versions: { purpose: KeyPurpose; version: number }[] = [];
      for (const { purpose } of purposes.rows) {
        const key = await ctx.access.keys.rotate(tx.client, practice.id, purpose);
        tx.audit({
          action: 'keys.rotated',
          subjectType: 'practice_key',
          details: { purpose, version: key.version, via: 'cli' },
        });
        versions.push({ purpose, version: key.version });
      }
      return versions;
    });
    if (rotated.length === 0) {
      io.out(`${label(practice)}: no data keys yet (nothing has been encrypted), nothing to rotate.`);
      continue;
    }
    io.out(`${label(practice)}: new key version ${rotated.map((k) => `${k.purpose} v${k.version}`).join(', ')}.`);
    for (const column of ENCRYPTED_COLUMNS) {
      const result = await reencryptColumn(ctx.access, practice.id, column);
      unreadable += result.unreadable;
      await ctx.access.run(systemActor(practice.id), async (tx) => {
        tx.audit({
          action: 'keys.data_reencrypted',
          subjectType: 'practice_key',
          details: { table: column.table, column: column.column, ...result, via: 'cli' },
        });
      });
      io.out(
        `  ${column.table}.${column.column}: ${result.rewritten} re-encrypted` +
          (result.current ? `, ${result.current} already current` : '') +
          (result.unreadable ? `, ${result.unreadable} COULD NOT BE DECRYPTED (left as they were)` : '') +
          '.',
      );
    }
  }
  if (unreadable > 0) {
    io.out('');
    io.out(
      `${unreadable} value(s) could not be decrypted and were left unchanged. They were already unreadable before ` +
        'this rotation (altered, or moved between rows); restore them from a backup if you need them.',
    );
    return EXIT.problem;
  }
  return EXIT.ok;
}
