import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { withCounts } from './process-note-counts.js';
import { toDetail } from './request-detail.js';
import { notInFuture, practiceToday, requestEvent, requireOpen, requireRequest } from './request-record.js';
import { SarDelivery, SarDetail } from './subject-access-schemas.js';

/**
 * POST /api/subject-access/requests/:id/deliveries (admin): records that a prepared pack (a named
 * version) reached the requester — by secure download, e-mail attachment, post or in person — on a
 * date no later than today. The request becomes "delivered", which closes it.
 */
export const recordDeliveryRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/subject-access/requests/:id/deliveries',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Record the delivery of a prepared pack',
        params: Type.Object({ id: Uuid }),
        body: SarDelivery,
        response: withErrors({ 201: Type.Object({ request: SarDetail }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = request.params.id.toLowerCase();
      const body = request.body;
      const packId = body.packId.toLowerCase();
      const detail = await app.ctx.access.run(actor, async (tx) => {
        const event = {
          action: 'subject_access.delivered' as const,
          subjectType: 'subject_access_request',
          subjectId: id,
        };
        const row = await requireRequest(tx, id, event, true);
        requireOpen(tx, row, event);
        const pack = await tx.query<{ prepared_on: string }>(
          `SELECT to_char(prepared_at AT TIME ZONE (SELECT time_zone FROM practices WHERE id = app_practice_id()),
                          'YYYY-MM-DD') AS prepared_on
             FROM subject_access_packs WHERE id = $1 AND request_id = $2`,
          [packId, id],
        );
        const prepared = pack.rows[0];
        if (!prepared) {
          refuse(
            tx,
            event,
            400,
            'unknown_pack',
            'That pack was not prepared for this request. Please choose one of its packs.',
          );
        }
        const today = await practiceToday(tx);
        notInFuture(tx, event, body.deliveredOn, today, 'The delivery date');
        if (body.deliveredOn < prepared.prepared_on) {
          refuse(
            tx,
            event,
            400,
            'delivered_before_prepared',
            `The pack cannot have been delivered before it was prepared (${prepared.prepared_on}).`,
          );
        }
        await tx.query(
          `INSERT INTO subject_access_deliveries (practice_id, request_id, pack_id, method, delivered_on, recorded_by)
           VALUES (app_practice_id(), $1, $2, $3, $4, $5)`,
          [id, packId, body.method, body.deliveredOn, actor.userId],
        );
        await tx.query(`UPDATE subject_access_requests SET status = 'delivered', updated_at = now() WHERE id = $1`, [
          id,
        ]);
        tx.audit({
          ...requestEvent('subject_access.delivered', row),
          details: { packId, method: body.method, deliveredOn: body.deliveredOn },
        });
        const updated = await requireRequest(tx, id, event);
        return toDetail(tx, updated, [], today);
      });
      reply.code(201);
      return { request: await withCounts(app.ctx.access, actor.practiceId, detail, request.id) };
    },
  );
};
