import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { refuse } from '../../access/refuse.js';
import { Uuid } from '../../http/schemas.js';
import { lockFrame } from '../frame/clash.js';
import { matchCandidates } from './candidates.js';
import { therapistFreeSlots } from './free-slots-record.js';
import { intakeByLink, linkActor } from './intake-by-link.js';
import { TokenParams } from './intake-schemas.js';
import { NOT_LISTED } from './intake-slots.js';

export const SLOT_TAKEN =
  'That time has just been taken. Here are the times still free — please choose another, or join the waiting list.';
const CLOSED =
  'Your enquiry has already been answered by the practice, so it cannot be changed here. Read the reply on this page.';
const SAME_DAY =
  'The practice will contact you today about your enquiry, so there is no need to book. If you are in danger now, call 999.';

const RequestBody = Type.Union([
  Type.Object({ kind: Type.Literal('consultation'), therapistId: Uuid, start: Type.String({ format: 'date-time' }) }),
  Type.Object({ kind: Type.Literal('waiting_list') }),
]);

/**
 * POST /api/public/intakes/:token/request: the person asks for a free first consultation at a real
 * free time, or joins the waiting list. A request holds its slot (other people's slot lists leave it
 * out) until the therapist answers; the check runs under the therapist's frame lock, so two people
 * cannot hold one time, and a time taken meanwhile is refused with the times still free.
 */
export const intakeRequestRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/public/intakes/:token/request',
    {
      schema: {
        tags: ['public'],
        summary: 'Ask for a first consultation, or join the waiting list',
        params: TokenParams,
        body: RequestBody,
        response: {
          200: Type.Object({ status: Type.String() }),
          404: Type.Ref('ErrorResponse'),
          409: Type.Object({
            error: Type.String(),
            message: Type.String(),
            slots: Type.Optional(Type.Array(Type.String())),
          }),
          429: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const outcome = await app.ctx.access.run(
        linkActor(request, request.params.token),
        async (tx): Promise<{ status: string; taken?: string[] }> => {
          const intake = await intakeByLink(tx, request.params.token, true);
          const action = body.kind === 'consultation' ? 'intake.consultation_requested' : 'intake.waiting_list_joined';
          const event = { action, subjectType: 'intake', subjectId: intake.id } as const;
          if (intake.urgent_risk) refuse(tx, event, 409, 'same_day_review', SAME_DAY);
          if (!['new', 'requested', 'waiting_list', 'time_proposed'].includes(intake.status)) {
            refuse(tx, event, 409, 'already_answered', CLOSED);
          }
          if (body.kind === 'waiting_list') {
            await tx.query(
              `UPDATE intakes SET status = 'waiting_list', requested_therapist_id = NULL, requested_start = NULL,
               updated_at = now() WHERE id = $1`,
              [intake.id],
            );
            tx.audit(event);
            return { status: 'waiting_list' };
          }
          const practice = (await tx.query<{ slug: string }>('SELECT slug FROM practices WHERE id = app_practice_id()'))
            .rows[0];
          const listed = await matchCandidates(tx, practice?.slug ?? '');
          if (!listed.some((c) => c.id === body.therapistId)) refuse(tx, event, 404, 'not_found', NOT_LISTED);
          await lockFrame(tx, { therapistIds: [body.therapistId] });
          const wanted = new Date(body.start).getTime();
          const free = await therapistFreeSlots(tx, body.therapistId, intake.id);
          if (!free.some((slot) => slot.getTime() === wanted)) {
            tx.audit({ ...event, outcome: 'failure', details: { reason: 'slot_taken' } });
            return { status: 'taken', taken: free.map((s) => s.toISOString()) };
          }
          await tx.query(
            `UPDATE intakes SET status = 'requested', requested_therapist_id = $2, requested_start = $3, updated_at = now()
            WHERE id = $1`,
            [intake.id, body.therapistId, new Date(wanted)],
          );
          tx.audit({ ...event, details: { therapistId: body.therapistId } });
          return { status: 'requested' };
        },
      );
      if (outcome.status === 'taken') {
        return reply.status(409).send({ error: 'slot_taken', message: SLOT_TAKEN, slots: outcome.taken ?? [] });
      }
      return outcome;
    },
  );
};
