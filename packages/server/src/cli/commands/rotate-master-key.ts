import fs from 'node:fs';
import { systemActor } from '../../access/actor.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import { masterKeyFile, MasterKeyError, parseMasterKey, type MasterKey } from '../../crypto/master-key.js';
import { CliUsageError, EXIT, type CliIo } from '../cli-io.js';
import { label } from '../practices.js';

/**
 * `rotate-master-key --new-key-file <path>`: re-wraps every practice's data keys under a new master
 * key (the data keys, and so every ciphertext, stay as they are). One transaction per practice; a
 * practice already wrapped by the new key is skipped, so a run that stopped part-way can be repeated.
 * Afterwards the operator swaps the key the server starts with.
 */
export function readNewMasterKey(file: string): MasterKey {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(`Cannot read the new key file ${file}: ${(error as Error).message}`);
  }
  try {
    return parseMasterKey(text);
  } catch (error) {
    if (error instanceof MasterKeyError) {
      throw new CliUsageError(
        `${file} does not hold a master key: it must contain 32 random bytes in base64, for example from\n` +
          "  node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\" > new-master.key",
      );
    }
    throw error;
  }
}

/** Re-wraps one practice's data keys under `next`; 0 when they already are (a repeated run). */
export async function rewrapPractice(ctx: AppContext, practiceId: string, next: MasterKey): Promise<number> {
  return ctx.access.run(systemActor(practiceId), async (tx) => {
    const ids = await tx.query<{ master_key_id: string }>(
      'SELECT DISTINCT master_key_id FROM practice_keys WHERE practice_id = $1',
      [practiceId],
    );
    if (ids.rows.every((r) => r.master_key_id === next.id)) return 0;
    const count = await ctx.access.keys.rewrap(tx.client, practiceId, next);
    tx.audit({
      action: 'keys.master_rewrapped',
      subjectType: 'practice_key',
      details: { keys: count, fromMasterKeyId: ctx.access.keys.masterKeyId, toMasterKeyId: next.id, via: 'cli' },
    });
    return count;
  });
}

export async function rotateMasterKeyCommand(
  ctx: AppContext,
  config: Config,
  options: { newKeyFile: string },
  io: CliIo,
): Promise<number> {
  const next = readNewMasterKey(options.newKeyFile);
  const current = ctx.access.keys.masterKeyId;
  if (next.id === current) {
    throw new CliUsageError(
      `${options.newKeyFile} holds the master key already in use (id ${current}). Nothing to do.`,
    );
  }
  if ((fs.statSync(options.newKeyFile).mode & 0o077) !== 0) {
    io.err(`Warning: ${options.newKeyFile} is readable by other users. Run: chmod 600 ${options.newKeyFile}`);
  }
  let rewrapped = 0;
  for (const practice of await ctx.access.listPractices()) {
    const n = await rewrapPractice(ctx, practice.id, next);
    rewrapped += n;
    io.out(
      `${label(practice)}: ${n === 0 ? 'already wrapped by the new key (or no keys yet)' : `${n} data key(s) re-wrapped`}.`,
    );
  }
  io.out('');
  io.out(
    `Every practice data key is now wrapped by the new master key (id ${next.id}); ${rewrapped} re-wrapped in this run.`,
  );
  io.out('Undercurrent will not start with the old key any more. Before starting it again:');
  if (config.masterKey) {
    io.out(
      '  set UNDERCURRENT_MASTER_KEY to the contents of the new key file, wherever the server’s environment is set',
    );
    io.out('  (on every node).');
  } else {
    io.out(`  replace ${masterKeyFile(config.dataDir)} with the new key file (keep it chmod 600), e.g.`);
    io.out(`    install -m 600 ${options.newKeyFile} ${masterKeyFile(config.dataDir)}`);
  }
  io.out('Keep a copy of the old key with your backups: backups taken before now still need it.');
  return EXIT.ok;
}
