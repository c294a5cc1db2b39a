import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { QueueEntry } from './intake-schemas.js';
import { INTAKE_SELECT, QUEUE_ORDER, queueEntry, type IntakeRow } from './intake-practice-record.js';

/**
 * GET /api/intakes (admin, therapist): the intake queue and waiting list — status, age, source — with
 * same-day review always at the top. Names only; what the person wrote opens one intake at a time.
 */
export const listQueueRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/intakes',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist'] }),
      schema: {
        tags: ['intake'],
        summary: 'The intake queue and waiting list',
        response: { 200: Type.Object({ intakes: Type.Array(QueueEntry) }), 403: Type.Ref('ErrorResponse') },
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const rows = await tx.query<IntakeRow>(`${INTAKE_SELECT} ${QUEUE_ORDER}`);
        tx.audit({ action: 'intake.queue_viewed', details: { count: rows.rows.length } });
        return { intakes: await Promise.all(rows.rows.map((row) => queueEntry(tx, row))) };
      }),
  );
};
