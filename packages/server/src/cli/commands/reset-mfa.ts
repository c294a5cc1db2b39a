import { systemActor } from '../../access/actor.js';
import { isStaff, normaliseEmail, rolesOf } from '../../accounts/users.js';
import type { AppContext } from '../../context.js';
import { revokeUserSessions } from '../../sessions/session-store.js';
import { CliUsageError, EXIT, type CliIo } from '../cli-io.js';
import { label, practicesFor } from '../practices.js';

/**
 * `reset-mfa --practice <slug> --email <e>`: for a person who lost every second factor. Removes their
 * authenticator app, passkeys and recovery codes, signs them out everywhere, and records it as
 * 'mfa.reset_by_admin' by the system (via the CLI). Staff set up a new factor at their next sign-in.
 */
export async function resetMfaCommand(
  ctx: AppContext,
  options: { practice: string; email: string },
  io: CliIo,
): Promise<number> {
  const [practice] = await practicesFor(ctx, options.practice);
  if (!practice) throw new CliUsageError('reset-mfa needs --practice <slug>.');
  const email = normaliseEmail(options.email);
  const outcome = await ctx.access.run(systemActor(practice.id), async (tx) => {
    const found = await tx.query<{ id: string; display_name: string }>(
      'SELECT id, display_name FROM users WHERE email = $1 FOR UPDATE',
      [email],
    );
    const person = found.rows[0];
    if (!person) return undefined;
    const totp = await tx.query('DELETE FROM mfa_totp WHERE user_id = $1', [person.id]);
    const passkeys = await tx.query('DELETE FROM mfa_passkeys WHERE user_id = $1', [person.id]);
    const codes = await tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [person.id]);
    const sessions = await revokeUserSessions(tx, person.id, 'mfa_reset');
    const counts = {
      totpRemoved: totp.rowCount ?? 0,
      passkeysRemoved: passkeys.rowCount ?? 0,
      recoveryCodesRemoved: codes.rowCount ?? 0,
      sessionsRevoked: sessions,
    };
    tx.audit({
      action: 'mfa.reset_by_admin',
      subjectType: 'user',
      subjectId: person.id,
      subjectUserId: person.id,
      details: { via: 'cli', ...counts },
    });
    return { person, counts, staff: isStaff(await rolesOf(tx, person.id)) };
  });
  if (!outcome) {
    throw new CliUsageError(`There is no one with the e-mail ${email} at ${label(practice)}.`);
  }
  const { person, counts, staff } = outcome;
  io.out(`Two-step verification was reset for ${person.display_name} <${email}> at ${label(practice)}:`);
  io.out(
    `  removed ${counts.totpRemoved} authenticator app${counts.totpRemoved === 1 ? '' : 's'}, ` +
      `${counts.passkeysRemoved} passkey${counts.passkeysRemoved === 1 ? '' : 's'} and ` +
      `${counts.recoveryCodesRemoved} recovery code${counts.recoveryCodesRemoved === 1 ? '' : 's'}; ` +
      `signed out of ${counts.sessionsRevoked} session${counts.sessionsRevoked === 1 ? '' : 's'}.`,
  );
  io.out(
    staff
      ? 'They sign in with their password and are then asked to set up two-step verification again.'
      : 'They sign in with their password alone until they set up two-step verification again.',
  );
  io.out('This was recorded in the practice’s audit log.');
  return EXIT.ok;
}
