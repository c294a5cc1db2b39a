import type { Scoped } from '../../access/access-layer.js';
import { systemActor, type Actor } from '../../access/actor.js';
import { verifyPassword } from '../../accounts/password-policy.js';
import { clearThrottle, hitThrottle, pruneThrottle, throttleKey, throttleRules } from '../../accounts/throttle.js';
import { mfaState, normaliseEmail, rolesOf, stageAfterPassword, type MfaState } from '../../accounts/users.js';
import type { AppContext } from '../../context.js';
import type { SessionStage } from '../../db/schema.js';
import type { RequestAuth } from '../../http/authenticate.js';
import { sessionPolicy } from '../../sessions/session-policy.js';
import { createSession, revokeSession, type NewSession } from '../../sessions/session-store.js';

/**
 * Sign-in with e-mail and password. What it reveals is the same for an unknown address, a wrong
 * password, a locked account and a disabled one: the same refusal after the same work (argon2 runs
 * every time), and the same rate limit, counted per hashed e-mail address and per IP in the shared
 * `auth_throttle` table whether or not the address belongs to anyone. A real account additionally
 * locks after `signInMaxFailures` wrong passwords for `signInLockMinutes`.
 *
 * A successful sign-in always starts a brand-new session (session-fixation defence); whatever
 * session the browser sent along is revoked.
 */
export type MfaMethod = 'totp' | 'passkey' | 'recovery';

export type SignInOutcome =
  | { kind: 'signed_in'; session: NewSession; stage: SessionStage; mfaMethods: MfaMethod[] }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

export interface SignInInput {
  practiceId: string;
  email: string;
  password: string;
  ip: string;
  requestId: string;
  userAgent: string | undefined;
  /** The session the request carried, if it was a live one: revoked whatever happens next. */
  carried: RequestAuth | null;
}

interface Account {
  id: string;
  passwordHash: string | null;
  status: string;
  locked: boolean;
  isDemo: boolean;
}

export function mfaMethodsOf(state: MfaState): MfaMethod[] {
  const methods: MfaMethod[] = [];
  if (state.totp) methods.push('totp');
  if (state.passkeys > 0) methods.push('passkey');
  if (state.recoveryCodesLeft > 0 && (state.totp || state.passkeys > 0)) methods.push('recovery');
  return methods;
}

async function findAccount(tx: Scoped, email: string): Promise<Account | undefined> {
  const result = await tx.query<{
    id: string;
    password_hash: string | null;
    status: string;
    locked: boolean;
    is_demo: boolean;
  }>(
    `SELECT id, password_hash, status, coalesce(locked_until > now(), false) AS locked, is_demo
       FROM users WHERE email = $1`,
    [email],
  );
  const row = result.rows[0];
  return row
    ? { id: row.id, passwordHash: row.password_hash, status: row.status, locked: row.locked, isDemo: row.is_demo }
    : undefined;
}

async function revokeCarried(ctx: AppContext, carried: RequestAuth | null): Promise<void> {
  if (!carried) return;
  await ctx.access.run(carried.actor, async (tx) => {
    if (await revokeSession(tx, carried.session.id, 'replaced_at_sign_in')) {
      tx.audit({
        action: 'session.revoked',
        subjectType: 'session',
        subjectId: carried.session.id,
        subjectUserId: carried.session.userId,
        details: { reason: 'replaced_at_sign_in' },
      });
    }
  });
}

export async function signIn(ctx: AppContext, input: SignInInput): Promise<SignInOutcome> {
  // Whatever happens, the session the browser brought with it ends here.
  await revokeCarried(ctx, input.carried);

  const email = normaliseEmail(input.email);
  const anonymous = systemActor(input.practiceId, input.requestId, input.ip);
  const rules = throttleRules(ctx.config);
  const emailKey = throttleKey('sign-in:email', email);

  const practice = await ctx.access.run(anonymous, async (tx) => {
    const found = await tx.query<{ is_demo: boolean }>('SELECT is_demo FROM practices WHERE id = $1', [
      input.practiceId,
    ]);
    return found.rows[0];
  });
  if (!practice) {
    await verifyPassword(null, input.password);
    return { kind: 'invalid' };
  }

  // Count the attempt first and commit the count, whatever the password turns out to be.
  const first = await ctx.access.run(anonymous, async (tx) => {
    const byEmail = await hitThrottle(tx, emailKey, rules.signInEmail);
    const byIp = await hitThrottle(tx, throttleKey('sign-in:ip', input.ip), rules.signInIp);
    const account = await findAccount(tx, email);
    if (!byEmail.allowed || !byIp.allowed) {
      tx.audit({
        action: 'auth.sign_in',
        outcome: 'failure',
        ...(account ? { subjectType: 'user', subjectId: account.id, subjectUserId: account.id } : {}),
        details: { reason: 'throttled', by: byEmail.allowed ? 'ip' : 'email' },
      });
      const waits = [byEmail, byIp].filter((t) => !t.allowed).map((t) => t.retryAfterSeconds);
      return { throttled: Math.max(...waits), account };
    }
    return { throttled: 0, account };
  });
  if (first.throttled > 0) return { kind: 'throttled', retryAfterSeconds: first.throttled };

  const account = first.account;
  const passwordOk = await verifyPassword(account?.passwordHash ?? null, input.password);
  const reason = !account
    ? 'unknown_email'
    : account.status !== 'active'
      ? 'disabled'
      : account.locked
        ? 'locked'
        : !account.passwordHash
          ? 'no_password'
          : !passwordOk
            ? 'wrong_password'
            : null;

  if (reason !== null || !account) {
    await ctx.access.run(anonymous, async (tx) => {
      const subject = account ? { subjectType: 'user', subjectId: account.id, subjectUserId: account.id } : {};
      if (account && reason === 'wrong_password') {
        const counted = await tx.query<{ locked_now: boolean }>(
          `UPDATE users SET
             locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN now() + make_interval(mins => $3)
                                 ELSE locked_until END,
             failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END
           WHERE id = $1
           RETURNING coalesce(locked_until > now(), false) AS locked_now`,
          [account.id, ctx.config.signInMaxFailures, ctx.config.signInLockMinutes],
        );
        if (counted.rows[0]?.locked_now) {
          tx.audit({
            action: 'auth.sign_in_locked',
            ...subject,
            details: { minutes: ctx.config.signInLockMinutes, failures: ctx.config.signInMaxFailures },
          });
        }
      }
      tx.audit({ action: 'auth.sign_in', outcome: 'failure', ...subject, details: { reason: reason ?? 'unknown' } });
    });
    return { kind: 'invalid' };
  }

  const person: Actor = { ...anonymous, userId: account.id };
  return ctx.access.run(person, async (tx) => {
    await tx.query('UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = now() WHERE id = $1', [
      account.id,
    ]);
    await clearThrottle(tx, emailKey);
    await pruneThrottle(tx);
    const roles = await rolesOf(tx, account.id);
    const mfa = await mfaState(tx, account.id);
    const demoSkip = ctx.config.demo && practice.is_demo && account.isDemo;
    const stage = stageAfterPassword({ roles, mfa, demoSkip });
    const session = await createSession(tx, {
      userId: account.id,
      stage,
      roles,
      policy: sessionPolicy(ctx.config),
      userAgent: input.userAgent,
      ip: input.ip,
    });
    tx.audit({
      action: 'auth.sign_in',
      subjectType: 'session',
      subjectId: session.id,
      subjectUserId: account.id,
      details: { stage, demoSkip },
    });
    return { kind: 'signed_in' as const, session, stage, mfaMethods: mfaMethodsOf(mfa) };
  });
}
