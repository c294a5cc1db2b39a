import crypto from 'node:crypto';
import { systemActor } from '../../access/actor.js';
import { HttpError } from '../../access/errors.js';
import { assessPassword, hashPassword } from '../../accounts/password-policy.js';
import { FieldError } from '../../accounts/field-error.js';
import { createUser } from '../../accounts/users.js';
import type { AppContext } from '../../context.js';
import { sessionPolicy } from '../../sessions/session-policy.js';
import { createSession, type NewSession } from '../../sessions/session-store.js';
import { isTimeZone, slugFromName } from './slug.js';

/**
 * First run: creates the practice and its first administrator, whose session must enrol a second
 * factor before anything else. Only ever succeeds once per instance, across every app node: setup
 * holds a PostgreSQL advisory lock from the check that no practice exists until the new practice
 * is committed. A setup that finds the lock taken is refused at once rather than queued (so racing
 * setups cannot exhaust the connection pool waiting), and one that gets the lock after another
 * setup finished sees that setup's committed practice and is refused too.
 */
export interface SetupInput {
  practiceName: string;
  timeZone?: string | undefined;
  admin: { displayName: string; email: string; password: string };
  requestId: string;
  ip: string;
  userAgent: string | undefined;
}

export interface SetupResult {
  practiceId: string;
  userId: string;
  session: NewSession;
}

export const ALREADY_SET_UP =
  'Undercurrent has already been set up here. Sign in instead, or ask your practice’s administrator for an invitation.';

/** The advisory lock every node takes for first-run setup (session-level, released explicitly). */
const SETUP_LOCK = `hashtext('undercurrent:first-run-setup')`;

export async function setupPractice(ctx: AppContext, input: SetupInput): Promise<SetupResult> {
  if ((await ctx.access.listPractices()).length > 0) throw new HttpError(409, ALREADY_SET_UP, 'already_set_up');

  const practiceName = input.practiceName.trim();
  const displayName = input.admin.displayName.trim();
  if (!practiceName) throw new FieldError(400, 'practiceName', 'Give the practice a name.', 'invalid_request');
  if (!displayName)
    throw new FieldError(
      400,
      'admin.displayName',
      'Give your name as you would like colleagues to see it.',
      'invalid_request',
    );
  const timeZone = input.timeZone?.trim() || 'Europe/London';
  if (!isTimeZone(timeZone)) {
    throw new FieldError(
      400,
      'timeZone',
      `“${timeZone}” is not a time zone we know. Use a name such as Europe/London.`,
      'invalid_request',
    );
  }
  const assessment = assessPassword(input.admin.password, [input.admin.email, displayName, practiceName]);
  if (assessment.problem) throw new FieldError(400, 'admin.password', assessment.problem, 'weak_password');
  const passwordHash = await hashPassword(input.admin.password);

  const practice = {
    id: crypto.randomUUID(),
    name: practiceName,
    slug: slugFromName(practiceName),
    timeZone,
    isDemo: false,
  };
  const lock = await ctx.pools.app.connect();
  let lockHeld = false;
  let connectionBroken = false;
  try {
    const taken = await lock.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${SETUP_LOCK}) AS locked`);
    lockHeld = taken.rows[0]?.locked === true;
    if (!lockHeld) throw new HttpError(409, ALREADY_SET_UP, 'already_set_up');
    const existing = await lock.query('SELECT 1 FROM practices LIMIT 1');
    if ((existing.rowCount ?? 0) > 0) throw new HttpError(409, ALREADY_SET_UP, 'already_set_up');
    return await ctx.access.createPractice(
      practice,
      (practiceId) => systemActor(practiceId, input.requestId, input.ip),
      async (tx) => {
        const userId = await createUser(tx, {
          email: input.admin.email,
          displayName,
          passwordHash,
          roles: ['admin'],
        });
        // Setting up the practice signs its first admin in.
        await tx.query('UPDATE users SET last_sign_in_at = now() WHERE id = $1', [userId]);
        const session = await createSession(tx, {
          userId,
          stage: 'mfa_enrolment',
          roles: ['admin'],
          policy: sessionPolicy(ctx.config),
          userAgent: input.userAgent,
          ip: input.ip,
        });
        tx.audit({
          action: 'account.created',
          subjectType: 'user',
          subjectId: userId,
          subjectUserId: userId,
          details: { role: 'admin', via: 'setup' },
        });
        tx.audit({
          action: 'auth.sign_in',
          subjectType: 'session',
          subjectId: session.id,
          subjectUserId: userId,
          details: { stage: 'mfa_enrolment', via: 'setup' },
        });
        return { practiceId: practice.id, userId, session };
      },
    );
  } catch (error) {
    // A practice created some other way (the demo, the CLI) took the slug meanwhile: set up already.
    if ((error as { code?: string }).code === '23505') throw new HttpError(409, ALREADY_SET_UP, 'already_set_up');
    throw error;
  } finally {
    if (lockHeld) {
      await lock.query(`SELECT pg_advisory_unlock(${SETUP_LOCK})`).catch(() => {
        connectionBroken = true;
      });
    }
    // A connection whose unlock failed is closed, which releases the lock with it.
    lock.release(connectionBroken);
  }
}
