import { parseArgs, type ParseArgsConfig } from 'node:util';
import pino, { type Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { AppContext } from '../context.js';
import { MasterKeyError } from '../crypto/master-key.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import type { Started } from '../runtime.js';
import { CliUsageError, EXIT, processIo, type CliIo } from './cli-io.js';
import { auditVerifyCommand } from './commands/audit-verify.js';
import {
  checkAdminPassword,
  createPracticeCommand,
  readPassword,
  validateCreatePractice,
} from './commands/create-practice.js';
import { helpCommand } from './commands/help.js';
import { resetMfaCommand } from './commands/reset-mfa.js';
import { rotateDataKeysCommand } from './commands/rotate-data-keys.js';
import { rotateMasterKeyCommand } from './commands/rotate-master-key.js';
import { openCliCore } from './open-cli-core.js';

/**
 * The admin CLI: parses the command line, checks it before touching the database, opens the
 * database through openCore, runs the command and returns its exit code. `main.ts` is the
 * executable; tests call `runCli` with their own environment and IO.
 */
export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  io?: CliIo;
  open?: (config: Config, log: Logger, options: { mayCreate: boolean }) => Promise<Started>;
}

type Work = (ctx: AppContext, config: Config) => Promise<number>;

interface Planned {
  mayCreate: boolean;
  work: Work;
}

function parse(args: string[], options: ParseArgsConfig['options'], command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    throw new CliUsageError(`${command}: ${(error as Error).message.replace(/^\w+: /, '')} (see: npm run cli -- help)`);
  }
}

function text(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function plan(argv: string[], io: CliIo): Promise<Planned | number> {
  const [first, second, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') return helpCommand(io);
  switch (first) {
    case 'create-practice': {
      const v = parse(
        argv.slice(1),
        {
          name: { type: 'string' },
          'admin-email': { type: 'string' },
          'admin-name': { type: 'string' },
          slug: { type: 'string' },
          'time-zone': { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
        first,
      );
      const options = validateCreatePractice({
        name: text(v.name),
        adminEmail: text(v['admin-email']),
        adminName: text(v['admin-name']),
        slug: text(v.slug),
        timeZone: text(v['time-zone']),
      });
      const password = v['password-stdin'] ? await readPassword(io) : undefined;
      if (password !== undefined) checkAdminPassword(options, password);
      return { mayCreate: true, work: (ctx) => createPracticeCommand(ctx, { ...options, password }, io) };
    }
    case 'reset-mfa': {
      const v = parse(argv.slice(1), { practice: { type: 'string' }, email: { type: 'string' } }, first);
      const practice = text(v.practice);
      const email = text(v.email);
      if (!practice || !email) {
        throw new CliUsageError('reset-mfa needs --practice <slug> and --email <e-mail>.');
      }
      return { mayCreate: false, work: (ctx) => resetMfaCommand(ctx, { practice, email }, io) };
    }
    case 'audit': {
      if (second !== 'verify') {
        throw new CliUsageError('The audit command is "audit verify [--practice <slug>]".');
      }
      const v = parse(rest, { practice: { type: 'string' } }, 'audit verify');
      return { mayCreate: false, work: (ctx) => auditVerifyCommand(ctx, { practice: text(v.practice) }, io) };
    }
    case 'rotate-data-keys': {
      const v = parse(argv.slice(1), { practice: { type: 'string' } }, first);
      return { mayCreate: false, work: (ctx) => rotateDataKeysCommand(ctx, { practice: text(v.practice) }, io) };
    }
    case 'rotate-master-key': {
      const v = parse(argv.slice(1), { 'new-key-file': { type: 'string' } }, first);
      const newKeyFile = text(v['new-key-file']);
      if (!newKeyFile) throw new CliUsageError('rotate-master-key needs --new-key-file <path>.');
      return {
        mayCreate: false,
        work: (ctx, config) => rotateMasterKeyCommand(ctx, config, { newKeyFile }, io),
      };
    }
    default:
      throw new CliUsageError(`There is no command "${first}". Run: npm run cli -- help`);
  }
}

function cliLogger(config: Config): Logger {
  const level = ['debug', 'trace'].includes(config.logLevel) ? config.logLevel : 'warn';
  return pino({ level }, pino.destination({ dest: 2, sync: true }));
}

export async function runCli(argv: string[], options: CliOptions = {}): Promise<number> {
  const io = options.io ?? processIo;
  try {
    const config = loadConfig(options.env ?? process.env, options.cwd ?? process.cwd());
    const planned = await plan(argv, io);
    if (typeof planned === 'number') return planned;
    const open = options.open ?? openCliCore;
    const core = await open(config, cliLogger(config), { mayCreate: planned.mayCreate });
    try {
      return await planned.work(core.ctx, config);
    } finally {
      await core.close();
    }
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof ConfigError || error instanceof MasterKeyError) {
      io.err(error.message);
      return EXIT.usage;
    }
    if (error instanceof DataDirLockedError) {
      const holder = /\(process (\d+)\)/.exec(error.message)?.[1];
      io.err(
        `Undercurrent is running on this data directory${holder ? ` (process ${holder})` : ''}, so the admin CLI ` +
          'cannot open its embedded database: only one process may have it open. Stop the server (Ctrl+C where ' +
          'it runs, or your service manager), run the command, then start the server again. With an external ' +
          'database (DATABASE_URL) the CLI works while the server runs.',
      );
      return EXIT.busy;
    }
    io.err(`The command failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.problem;
  }
}
