import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hasRole } from '../../access/actor.js';
import { refuse } from '../../access/refuse.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findBreaks, practiceTimeZone, removeBreak } from './breaks-record.js';
import { therapistTimeZone } from './charges.js';

/**
 * DELETE /api/frame/breaks/:id: calls a break off (a therapist their own; an admin any). Only a
 * break that has not ended; the sessions it cancelled that have not started come back, unless
 * their time has been given to someone else meanwhile.
 */
export const deleteBreakRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/frame/breaks/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin'] }),
      schema: {
        tags: ['frame'],
        summary: 'Call a break off; the sessions it cancelled come back where their time is still free',
        params: Type.Object({ id: Uuid }),
        response: withErrors({
          200: Type.Object({
            ok: Type.Literal(true),
            restoredSessions: Type.Integer(),
            notRestoredSessions: Type.Integer(),
          }),
        }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return app.ctx.access.run(actor, async (tx) => {
        const event = { action: 'frame.break_removed' as const, subjectType: 'break', subjectId: request.params.id };
        const [row] = await findBreaks(tx, { id: request.params.id });
        const mayRemove =
          row && (hasRole(actor, 'admin') || (row.kind === 'therapist' && row.therapist_id === actor.userId));
        if (!row || !mayRemove) refuse(tx, event, 404, 'not_found', 'There is no such break among yours.');
        const zone = row.therapist_id ? await therapistTimeZone(tx, row.therapist_id) : await practiceTimeZone(tx);
        if (row.ends_on < todayIn(zone)) {
          refuse(tx, event, 409, 'break_over', 'This break is over, so it stays in the record.');
        }
        const { restored, notRestored } = await removeBreak(tx, row, {
          smtpConfigured: Boolean(app.ctx.config.smtpUrl),
          publicUrl: app.ctx.config.publicUrl,
        });
        tx.audit({ ...event, details: { kind: row.kind, restored, notRestored } });
        return { ok: true as const, restoredSessions: restored, notRestoredSessions: notRestored };
      });
    },
  );
};
