import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { addRoles, rolesOf } from '../../accounts/users.js';
import type { Role } from '../../db/schema.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { RoleSchema, Uuid, withErrors } from '../../http/schemas.js';
import { revokeUserSessions } from '../../sessions/session-store.js';
import { refuse } from '../../access/refuse.js';
import { findPeople, Person, PersonStatus } from './person-record.js';

/**
 * PATCH /api/people/:id (admin): set a person's roles and/or switch their account on or off. Any
 * change is a privilege change, so every session of that person is revoked (they sign in again with
 * what they may now do). The practice always keeps at least one active admin.
 */
export const updatePersonRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.patch(
    '/api/people/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['people'],
        summary: 'Change a person’s roles or switch their account on or off (signs them out everywhere)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: 4 })),
            status: Type.Optional(PersonStatus),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Person }),
      },
    },
    async (request) => {
      const { roles: wantedRoles, status: wantedStatus } = request.body;
      if (wantedRoles === undefined && wantedStatus === undefined) {
        throw new HttpError(400, 'Say what to change: the person’s roles, their status, or both.', 'invalid_request');
      }
      const targetId = request.params.id;
      return app.ctx.access.run(actorOf(request), async (tx) => {
        // Changes to who is an admin are decided one at a time per practice (two admins demoting each other).
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-admins:${tx.actor.practiceId}`]);
        const found = await tx.query<{ status: 'active' | 'disabled' }>(
          'SELECT status FROM users WHERE id = $1 FOR UPDATE',
          [targetId],
        );
        const current = found.rows[0];
        const subject = { subjectType: 'user', subjectId: targetId, subjectUserId: targetId };
        if (!current) {
          refuse(
            tx,
            { action: 'account.roles_changed', subjectType: 'user', subjectId: targetId },
            404,
            'not_found',
            'There is no such person in this practice.',
          );
        }
        const before = await rolesOf(tx, targetId);
        const after: Role[] = wantedRoles ? [...new Set(wantedRoles)].sort() : before;
        const status = wantedStatus ?? current.status;
        const added = after.filter((r) => !before.includes(r));
        const removed = before.filter((r) => !after.includes(r));
        const statusChanged = status !== current.status;

        if (added.length === 0 && removed.length === 0 && !statusChanged) {
          tx.audit({ action: 'people.listed', ...subject, details: { listed: 1, unchanged: true } });
        } else {
          const adminsLeft = await tx.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM users u JOIN memberships m ON m.user_id = u.id AND m.role = 'admin'
              WHERE u.status = 'active' AND u.id <> $1`,
            [targetId],
          );
          const targetStaysAdmin = after.includes('admin') && status === 'active';
          if ((adminsLeft.rows[0]?.n ?? 0) === 0 && !targetStaysAdmin) {
            const self = targetId === tx.actor.userId;
            refuse(
              tx,
              { action: statusChanged ? 'account.disabled' : 'account.roles_changed', ...subject },
              409,
              'last_admin',
              `${self ? 'You are' : 'This person is'} the practice’s only active administrator, so ` +
                `${self ? 'you' : 'they'} must keep the admin role and stay switched on. Make someone else an ` +
                'administrator first.',
            );
          }
          if (removed.length > 0) {
            await tx.query('DELETE FROM memberships WHERE user_id = $1 AND role = ANY($2::text[])', [
              targetId,
              removed,
            ]);
          }
          if (added.length > 0) await addRoles(tx, targetId, added);
          let resetLinksEnded = 0;
          if (statusChanged) {
            await tx.query('UPDATE users SET status = $2 WHERE id = $1', [targetId, status]);
            if (status === 'disabled') {
              // A reset link sent before the account was switched off must not work if it is switched back on.
              const ended = await tx.query(
                'UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL',
                [targetId],
              );
              resetLinksEnded = ended.rowCount ?? 0;
            }
          }
          const revoked = await revokeUserSessions(tx, targetId, 'privilege_change');
          if (added.length > 0 || removed.length > 0) {
            tx.audit({
              action: 'account.roles_changed',
              ...subject,
              details: { added: added.join(','), removed: removed.join(','), sessionsRevoked: revoked },
            });
          }
          if (statusChanged) {
            tx.audit({
              action: status === 'disabled' ? 'account.disabled' : 'account.enabled',
              ...subject,
              details: { sessionsRevoked: revoked, resetLinksEnded },
            });
          }
        }
        const [person] = await findPeople(tx, { id: targetId });
        if (!person) throw new Error('person vanished during update');
        return person;
      });
    },
  );
};
