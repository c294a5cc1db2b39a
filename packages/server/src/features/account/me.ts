import { isStaff, mfaState } from '../../accounts/users.js';
import type { AppContext } from '../../context.js';
import type { Role, SessionStage } from '../../db/schema.js';
import type { RequestAuth } from '../../http/authenticate.js';

/** Who I am, where, in which session stage, and what second factors I have. */
export interface Me {
  user: { id: string; email: string; displayName: string; roles: Role[] };
  practice: { id: string; name: string; isDemo: boolean };
  session: { id: string; stage: SessionStage; expiresAt: string; idleMinutes: number };
  mfa: { totp: boolean; passkeys: number; recoveryCodesLeft: number; required: boolean };
  demoMode: boolean;
}

export async function describeMe(ctx: AppContext, auth: RequestAuth): Promise<Me> {
  const { session } = auth;
  return ctx.access.run(auth.actor, async (tx) => {
    const practice = await tx.query<{ id: string; name: string; is_demo: boolean }>(
      'SELECT id, name, is_demo FROM practices WHERE id = $1',
      [tx.actor.practiceId],
    );
    const p = practice.rows[0];
    if (!p) throw new Error('the session’s practice does not exist');
    const mfa = await mfaState(tx, session.userId);
    const demoSkip = ctx.config.demo && p.is_demo && session.isDemoUser;
    return {
      user: { id: session.userId, email: session.email, displayName: session.displayName, roles: session.roles },
      practice: { id: p.id, name: p.name, isDemo: p.is_demo },
      session: {
        id: session.id,
        stage: session.stage,
        expiresAt: session.absoluteExpiresAt.toISOString(),
        idleMinutes: session.idleMinutes,
      },
      mfa: { ...mfa, required: isStaff(session.roles) && !demoSkip },
      demoMode: ctx.config.demo,
    };
  });
}
