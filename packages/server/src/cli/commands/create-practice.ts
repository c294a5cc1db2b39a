import crypto from 'node:crypto';
import { systemActor } from '../../access/actor.js';
import { assessPassword, hashPassword } from '../../accounts/password-policy.js';
import { createUser, normaliseEmail } from '../../accounts/users.js';
import type { AppContext } from '../../context.js';
import { formatDeadline } from '../../features/invitations/invitation-email.js';
import { CLI_INVITER_ID, issueInvitation } from '../../features/invitations/invitation-record.js';
import { CliUsageError, EXIT, type CliIo } from '../cli-io.js';

/**
 * `create-practice --name … --admin-email … --admin-name …`: a new practice and its first admin,
 * who either gets a one-time invitation link (printed, valid 7 days) or, with --password-stdin, an
 * account with that password. Either way they set up two-step verification at first sign-in.
 */
export interface CreatePracticeOptions {
  name: string;
  adminEmail: string;
  adminName: string;
  slug?: string | undefined;
  timeZone: string;
  password?: string | undefined;
}

const SLUG = /^[a-z0-9](-?[a-z0-9])*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function slugFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'practice';
}

export function validateCreatePractice(raw: {
  name?: string | undefined;
  adminEmail?: string | undefined;
  adminName?: string | undefined;
  slug?: string | undefined;
  timeZone?: string | undefined;
}): Omit<CreatePracticeOptions, 'password'> {
  const missing = [
    ['--name', raw.name],
    ['--admin-email', raw.adminEmail],
    ['--admin-name', raw.adminName],
  ]
    .filter(([, value]) => !value?.trim())
    .map(([flag]) => flag);
  if (missing.length > 0) {
    throw new CliUsageError(
      `create-practice needs ${missing.join(', ')}. For example:\n` +
        '  npm run cli -- create-practice --name "Northside Psychotherapy" --admin-email lead@example.org ' +
        '--admin-name "Dr Ruth Mensah"',
    );
  }
  const name = (raw.name ?? '').trim();
  const adminName = (raw.adminName ?? '').trim();
  const adminEmail = normaliseEmail(raw.adminEmail ?? '');
  if (name.length > 200) throw new CliUsageError('--name must be at most 200 characters.');
  if (adminName.length > 200) throw new CliUsageError('--admin-name must be at most 200 characters.');
  if (!EMAIL.test(adminEmail) || adminEmail.length > 320) {
    throw new CliUsageError(`--admin-email "${raw.adminEmail}" is not an e-mail address.`);
  }
  if (raw.slug !== undefined && (!SLUG.test(raw.slug) || raw.slug.length > 60)) {
    throw new CliUsageError(
      `--slug "${raw.slug}" must be lower-case letters and digits, with single hyphens between them (at most 60).`,
    );
  }
  const timeZone = raw.timeZone ?? 'Europe/London';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    throw new CliUsageError(`--time-zone "${timeZone}" is not a time zone. Use a name such as Europe/London.`);
  }
  return { name, adminEmail, adminName, slug: raw.slug, timeZone };
}

export async function readPassword(io: CliIo): Promise<string> {
  if (io.stdinIsTTY) {
    throw new CliUsageError(
      '--password-stdin reads the password from a pipe, so it never appears on screen or in your shell history:\n' +
        '  printf \'%s\' "$ADMIN_PASSWORD" | npm run cli -- create-practice … --password-stdin\n' +
        'Leave --password-stdin out to get a one-time invitation link instead.',
    );
  }
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  if (!password) throw new CliUsageError('--password-stdin was given but nothing arrived on standard input.');
  return password;
}

/** Checked before the database is opened, so a weak password costs nothing. */
export function checkAdminPassword(options: Omit<CreatePracticeOptions, 'password'>, password: string): void {
  const assessment = assessPassword(password, [options.adminEmail, options.adminName, options.name]);
  if (!assessment.acceptable) throw new CliUsageError(`That password cannot be used. ${assessment.problem ?? ''}`);
}

export async function createPracticeCommand(
  ctx: AppContext,
  options: CreatePracticeOptions,
  io: CliIo,
): Promise<number> {
  if (options.password !== undefined) checkAdminPassword(options, options.password);
  const taken = new Set((await ctx.access.listPractices()).map((p) => p.slug));
  let slug = options.slug ?? slugFrom(options.name);
  if (options.slug !== undefined && taken.has(slug)) {
    throw new CliUsageError(`There is already a practice with the slug "${slug}". Choose another with --slug.`);
  }
  for (let n = 2; taken.has(slug); n += 1) slug = `${slugFrom(options.name).slice(0, 55)}-${n}`;

  const id = crypto.randomUUID();
  const passwordHash = options.password === undefined ? undefined : await hashPassword(options.password);
  const result = await ctx.access.createPractice(
    { id, name: options.name, slug, timeZone: options.timeZone, isDemo: false },
    (practiceId) => systemActor(practiceId),
    async (tx) => {
      if (passwordHash !== undefined) {
        const userId = await createUser(tx, {
          email: options.adminEmail,
          displayName: options.adminName,
          passwordHash,
          roles: ['admin'],
        });
        tx.audit({
          action: 'account.created',
          subjectType: 'user',
          subjectId: userId,
          subjectUserId: userId,
          details: { role: 'admin', via: 'cli' },
        });
        return { kind: 'account' as const };
      }
      const invitation = await issueInvitation(tx, {
        email: options.adminEmail,
        displayName: options.adminName,
        role: 'admin',
        invitedBy: CLI_INVITER_ID,
        publicUrl: ctx.config.publicUrl,
      });
      tx.audit({
        action: 'invitation.created',
        subjectType: 'invitation',
        subjectId: invitation.id,
        details: { role: 'admin', via: 'cli' },
      });
      return { kind: 'invitation' as const, ...invitation };
    },
  );

  io.out(`Created the practice “${options.name}” (slug ${slug}, id ${id}, time zone ${options.timeZone}).`);
  if (result.kind === 'account') {
    io.out(
      `${options.adminName} <${options.adminEmail}> is its administrator and can sign in at ${ctx.config.publicUrl}`,
    );
    io.out('with the password you gave. They will be asked to set up two-step verification first.');
  } else {
    io.out(`Send ${options.adminName} <${options.adminEmail}> this one-time link to set their password and sign in.`);
    io.out(`It works once and expires on ${formatDeadline(result.expiresAt, options.timeZone)} (${options.timeZone}):`);
    io.out('');
    io.out(`  ${result.link}`);
    io.out('');
    io.out('Keep it private: anyone holding the link can become this practice’s administrator until it is used.');
  }
  return EXIT.ok;
}
