import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../access/errors.js';
import { hasRole } from '../../access/actor.js';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { intakeAnsweredEmail } from './intake-email.js';
import { IntakeDetail, IntakeParams, INTAKE_TEXT_MAX } from './intake-schemas.js';
import { INTAKE_SELECT, intakeDetail, type IntakeRow } from './intake-practice-record.js';
import { NO_SUCH_INTAKE } from './intake-get.js';
import { convertToClient } from './intake-accept.js';

const Decision = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('propose'), Type.Literal('refer')]),
    message: Type.String({ minLength: 1, maxLength: INTAKE_TEXT_MAX }),
  },
  { additionalProperties: false },
);

const STATUS = { accept: 'accepted', propose: 'time_proposed', refer: 'referred_on' } as const;

/**
 * POST /api/intakes/:id/decision (admin, therapist): the practice's answer — accept the requested
 * consultation, propose another time (the held slot is released; the person picks again from the
 * free times) or refer on — always with a message to the person, sealed, and an e-mail that says only
 * that there is a reply. Accepting is for the therapist asked (or an admin), and only while a
 * request is waiting; it turns the enquiry into a client (`convertToClient`: account, invitation,
 * assessment episode, the consultation in the calendar) in the same transaction. Accepting again is
 * answered with the enquiry as it stands and makes nothing twice.
 */
export const decideIntakeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/intakes/:id/decision',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist'] }),
      schema: {
        tags: ['intake'],
        summary: 'Accept, propose another time, or refer on — with a message',
        params: IntakeParams,
        body: Decision,
        response: {
          200: IntakeDetail,
          400: Type.Ref('ErrorResponse'),
          403: Type.Ref('ErrorResponse'),
          404: Type.Ref('ErrorResponse'),
          409: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request) => {
      const { decision } = request.body;
      const message = request.body.message.trim();
      if (!message)
        throw new HttpError(400, 'Write a message to the person: it is what they will read.', 'invalid_request');
      const actor = actorOf(request);
      const { config } = app.ctx;
      return app.ctx.access.run(actor, async (tx) => {
        const found = await tx.query<IntakeRow>(`${INTAKE_SELECT} WHERE i.id = $1 FOR UPDATE OF i`, [
          request.params.id,
        ]);
        const row = found.rows[0];
        if (!row) throw new HttpError(404, NO_SUCH_INTAKE, 'not_found');
        const event = {
          action: 'intake.decided',
          subjectType: 'intake',
          subjectId: row.id,
          details: { decision },
        } as const;
        if (decision === 'accept' && row.status === 'accepted' && row.appointment_id) {
          if (row.requested_therapist_id !== actor.userId && !hasRole(actor, 'admin')) {
            tx.deny('Only the therapist the person asked for, or an administrator, can answer this request.', event);
          }
          tx.audit({ ...event, details: { decision, repeated: true } });
          return intakeDetail(tx, row);
        }
        if (decision !== 'refer') {
          if (row.status !== 'requested' || !row.requested_therapist_id) {
            refuse(
              tx,
              event,
              409,
              'no_request',
              'There is no consultation request waiting on this enquiry to answer. You can still refer on.',
            );
          }
          if (row.requested_therapist_id !== actor.userId && !hasRole(actor, 'admin')) {
            tx.deny('Only the therapist the person asked for, or an administrator, can answer this request.', event);
          }
        }
        if (row.status === 'accepted' || row.status === 'referred_on') {
          refuse(tx, event, 409, 'already_answered', 'This enquiry has already been answered.');
        }
        const converted =
          decision === 'accept'
            ? await convertToClient(tx, row, await tx.decrypt(`intakes.name_enc:${row.id}`, row.name_enc), {
                publicUrl: config.publicUrl,
                smtp: config.smtpUrl !== undefined,
                event,
              })
            : null;
        const sealed = await tx.encrypt('clinical', `intakes.message_enc:${row.id}`, message);
        const release = decision === 'propose';
        await tx.query(
          `UPDATE intakes SET status = $2, message_enc = $3, decided_at = now(), decided_by = $4, updated_at = now(),
             requested_therapist_id = CASE WHEN $5 THEN NULL ELSE requested_therapist_id END,
             requested_start = CASE WHEN $5 THEN NULL ELSE requested_start END
           WHERE id = $1`,
          [row.id, STATUS[decision], sealed, actor.userId ?? null, release],
        );
        if (converted) {
          await tx.query(
            `UPDATE intakes SET client_id = $2, episode_id = $3, appointment_id = $4, invitation_id = $5 WHERE id = $1`,
            [row.id, converted.clientId, converted.episodeId, converted.appointmentId, converted.invitationId],
          );
          tx.audit({
            action: 'intake.client_created',
            subjectType: 'intake',
            subjectId: row.id,
            subjectUserId: converted.clientId,
            details: { ...converted },
          });
        }
        const practice = (await tx.query<{ name: string }>('SELECT name FROM practices WHERE id = app_practice_id()'))
          .rows[0];
        const outboxId = await enqueueEmail(
          tx,
          intakeAnsweredEmail({
            to: row.email,
            practiceName: practice?.name ?? '',
          }),
          config.smtpUrl !== undefined,
        );
        tx.audit({ ...event, details: { decision, outboxId } });
        const updated = await tx.query<IntakeRow>(`${INTAKE_SELECT} WHERE i.id = $1`, [row.id]);
        return intakeDetail(tx, updated.rows[0] ?? row);
      });
    },
  );
};
