import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { withCounts } from './process-note-counts.js';
import { toDetail } from './request-detail.js';
import { notInFuture, practiceToday, requestEvent, requireOpen, requireRequest, sarContext } from './request-record.js';
import { checkRepresentative } from './request-write.js';
import { SarDetail, SarUpdate } from './subject-access-schemas.js';

/**
 * PATCH /api/subject-access/requests/:id (admin): corrects how the request was made, who made it,
 * the identity check and the notes, and moves it between "received" and "in preparation". A pack
 * being ready, delivery and closing have routes of their own; a closed request cannot change.
 */
export const updateRequestRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.patch(
    '/api/subject-access/requests/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Update a subject access request',
        params: Type.Object({ id: Uuid }),
        body: SarUpdate,
        response: withErrors({ 200: Type.Object({ request: SarDetail }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id.toLowerCase();
      const body = request.body;
      const detail = await app.ctx.access.run(actor, async (tx) => {
        const event = {
          action: 'subject_access.request_updated' as const,
          subjectType: 'subject_access_request',
          subjectId: id,
        };
        const row = await requireRequest(tx, id, event, true);
        requireOpen(tx, row, event);
        const today = await practiceToday(tx);
        notInFuture(tx, event, body.identityCheckedOn, today, 'The date identity was checked');
        if (body.status && body.status !== row.status && row.status === 'pack_ready') {
          refuse(
            tx,
            event,
            409,
            'pack_ready',
            'A pack is ready for this request. Record its delivery, or prepare a new version of the pack.',
          );
        }
        const requester = body.requester ?? row.requester;
        let representativeEnc = row.representative_enc;
        if (body.requester !== undefined || body.representative !== undefined) {
          const given =
            body.representative !== undefined
              ? body.representative
              : row.representative_enc === null
                ? null
                : await tx.decrypt(sarContext('representative_enc', id), row.representative_enc);
          const text = checkRepresentative(tx, event, requester, given);
          representativeEnc =
            text === null ? null : await tx.encrypt('clinical', sarContext('representative_enc', id), text);
        }
        let notesEnc = row.notes_enc;
        if (body.notes !== undefined) {
          const notes = body.notes.trim();
          notesEnc = notes === '' ? null : await tx.encrypt('clinical', sarContext('notes_enc', id), notes);
        }
        await tx.query(
          `UPDATE subject_access_requests
              SET channel = $2, requester = $3, representative_enc = $4, identity_checked_on = $5,
                  identity_method = $6, notes_enc = $7, status = $8, updated_at = now()
            WHERE id = $1`,
          [
            id,
            body.channel ?? row.channel,
            requester,
            representativeEnc,
            body.identityCheckedOn !== undefined ? body.identityCheckedOn : row.identity_checked_on,
            body.identityMethod !== undefined ? body.identityMethod : row.identity_method,
            notesEnc,
            body.status ?? row.status,
          ],
        );
        const updated = await requireRequest(tx, id, event);
        tx.audit({
          ...requestEvent('subject_access.request_updated', updated),
          details: { fields: Object.keys(body).sort().join(','), status: updated.status },
        });
        return toDetail(tx, updated, [], today);
      });
      return { request: await withCounts(app.ctx.access, actor.practiceId, detail, request.id) };
    },
  );
};
