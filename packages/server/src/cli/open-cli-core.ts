import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { masterKeyFile } from '../crypto/master-key.js';
import { openCore, type Started } from '../runtime.js';
import { CliUsageError } from './cli-io.js';

/**
 * Opens the database for an admin command, through the same `openCore` the server uses.
 *
 * Embedded database: `openCore` takes the data-directory lock, so the CLI refuses (exit 3) while the
 * server runs on the same data directory — PostgreSQL's files may only be opened by one process.
 * External database (DATABASE_URL): the data directory holds nothing but the master key and the lock,
 * so the CLI takes no lock and works alongside running servers.
 */
export async function openCliCore(config: Config, log: Logger, options: { mayCreate: boolean }): Promise<Started> {
  const keyFile = masterKeyFile(config.dataDir);
  if (!options.mayCreate && !config.masterKey && !fs.existsSync(keyFile)) {
    throw new CliUsageError(
      `There is no master key at ${keyFile} and UNDERCURRENT_MASTER_KEY is not set, so this is not the data ` +
        'directory of an existing Undercurrent. Run the command from the directory you start Undercurrent in, or ' +
        'set UNDERCURRENT_DATA_DIR (and DATABASE_URL, UNDERCURRENT_MASTER_KEY) as the server has them.',
    );
  }
  if (!config.databaseUrl) {
    if (!options.mayCreate && !fs.existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
      throw new CliUsageError(
        `There is no Undercurrent database in ${config.dataDir} yet. Run the command from the directory you start ` +
          'Undercurrent in, or set UNDERCURRENT_DATA_DIR (or DATABASE_URL) as the server has it.',
      );
    }
    return openCore(config, log);
  }
  return openCore(config, log, { lockDataDir: false });
}
