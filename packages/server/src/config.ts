import path from 'node:path';

/**
 * Every setting Undercurrent reads, in one place. The README's configuration table is generated
 * from `SETTINGS` below by hand; keep them in step. Nothing else in the server reads process.env.
 */
export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  masterKey: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  staffIdleMinutes: number;
  clientIdleMinutes: number;
  sessionAbsoluteHours: number;
  metricsToken: string | undefined;
  logLevel: string;
  demo: boolean;
  trustProxy: boolean;
  signInMaxFailures: number;
  signInLockMinutes: number;
  webDistDir: string;
}

export interface SettingDoc {
  env: string;
  default: string;
  meaning: string;
}

export const SETTINGS: SettingDoc[] = [
  { env: 'HOST', default: '127.0.0.1', meaning: 'Address the HTTP server binds to (0.0.0.0 behind a proxy).' },
  { env: 'PORT', default: '8080', meaning: 'HTTP port.' },
  {
    env: 'UNDERCURRENT_PUBLIC_URL',
    default: 'http://localhost:PORT',
    meaning: 'The address people use; links in e-mails and the passkey origin are built from it.',
  },
  {
    env: 'UNDERCURRENT_DATA_DIR',
    default: './data',
    meaning: 'Embedded PostgreSQL cluster (pg/), the master key file and the instance lock.',
  },
  {
    env: 'DATABASE_URL',
    default: '(unset: embedded)',
    meaning: 'An external PostgreSQL ≥ 15. The user must be able to create tables and a role.',
  },
  {
    env: 'UNDERCURRENT_MASTER_KEY',
    default: '(unset: key file)',
    meaning: '32 bytes, base64. Wraps every practice data key. Unset: DATA_DIR/master.key (0600).',
  },
  {
    env: 'SMTP_URL',
    default: '(unset: outbox only)',
    meaning: 'smtp:// or smtps:// URL. Unset: e-mails stay in the outbox for the admin to open.',
  },
  { env: 'MAIL_FROM', default: 'Undercurrent <no-reply@localhost>', meaning: 'Sender of every e-mail.' },
  { env: 'UNDERCURRENT_STAFF_IDLE_MINUTES', default: '30', meaning: 'Idle timeout of a staff session.' },
  { env: 'UNDERCURRENT_CLIENT_IDLE_MINUTES', default: '60', meaning: 'Idle timeout of a client session.' },
  { env: 'UNDERCURRENT_SESSION_HOURS', default: '12', meaning: 'Absolute lifetime of any session.' },
  {
    env: 'UNDERCURRENT_METRICS_TOKEN',
    default: '(unset: no metrics)',
    meaning: 'Bearer token for GET /api/metrics (Prometheus). Unset: the endpoint answers 404.',
  },
  { env: 'LOG_LEVEL', default: 'info', meaning: 'pino level: fatal, error, warn, info, debug, trace.' },
  {
    env: 'UNDERCURRENT_DEMO',
    default: '0',
    meaning: '1 = demo mode (set by `npm run demo`): demo practice, marked in the UI.',
  },
  { env: 'TRUST_PROXY', default: '0', meaning: '1 = trust X-Forwarded-* from the reverse proxy.' },
  { env: 'UNDERCURRENT_SIGNIN_MAX_FAILURES', default: '5', meaning: 'Failed sign-ins before a lockout.' },
  { env: 'UNDERCURRENT_SIGNIN_LOCK_MINUTES', default: '15', meaning: 'Length of a sign-in lockout.' },
];

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  return raw === '1' || raw === 'true' || raw === 'yes';
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = int(env, 'PORT', 8080, 0, 65535);
  const publicUrl = (optional(env, 'UNDERCURRENT_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const parsed = new URL(publicUrl);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError(`UNDERCURRENT_PUBLIC_URL must be an http(s) address; it is "${publicUrl}".`);
  }
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const smtpUrl = optional(env, 'SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must start with smtp:// or smtps://.');
  }
  return {
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port,
    publicUrl,
    dataDir: path.resolve(cwd, optional(env, 'UNDERCURRENT_DATA_DIR') ?? './data'),
    databaseUrl,
    masterKey: optional(env, 'UNDERCURRENT_MASTER_KEY'),
    smtpUrl,
    mailFrom: optional(env, 'MAIL_FROM') ?? 'Undercurrent <no-reply@localhost>',
    staffIdleMinutes: int(env, 'UNDERCURRENT_STAFF_IDLE_MINUTES', 30, 1, 24 * 60),
    clientIdleMinutes: int(env, 'UNDERCURRENT_CLIENT_IDLE_MINUTES', 60, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'UNDERCURRENT_SESSION_HOURS', 12, 1, 24 * 7),
    metricsToken: optional(env, 'UNDERCURRENT_METRICS_TOKEN'),
    logLevel: optional(env, 'LOG_LEVEL') ?? 'info',
    demo: flag(env, 'UNDERCURRENT_DEMO'),
    trustProxy: flag(env, 'TRUST_PROXY'),
    signInMaxFailures: int(env, 'UNDERCURRENT_SIGNIN_MAX_FAILURES', 5, 1, 100),
    signInLockMinutes: int(env, 'UNDERCURRENT_SIGNIN_LOCK_MINUTES', 15, 1, 24 * 60),
    webDistDir: path.resolve(new URL('.', import.meta.url).pathname, '../../web/dist'),
  };
}
