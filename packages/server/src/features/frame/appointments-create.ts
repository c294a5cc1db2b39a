import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findAppointment } from './appointment-record.js';
import { assertBookable, bookingProblems, slotAt } from './appointments-booking.js';
import { selfId } from './care-access.js';
import { episodeForTherapist } from './episode-record.js';
import { assertNoProblems } from './episodes-field-errors.js';
import { Appointment, AppointmentKind, WallTime, IsoDate } from './frame-schemas.js';
import { loadSettings } from './settings-record.js';

/**
 * POST /api/frame/episodes/:id/appointments (therapist): books one appointment in an episode — a
 * consultation or assessment before the frame is agreed, an extra session or a review after. The
 * fee is the therapist's fee for that kind (for a session, the episode's agreed fee); the length
 * and place default to the episode's, else the therapist's settings.
 */
export const createAppointmentRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/episodes/:id/appointments',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Book a consultation, assessment, extra session or review in an episode',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            kind: AppointmentKind,
            date: IsoDate,
            time: WallTime,
            minutes: Type.Optional(Type.Integer({ minimum: 10, maximum: 240 })),
            locationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Appointment }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const now = new Date();
        const body = request.body;
        const episode = await episodeForTherapist(tx, request.params.id, 'frame.appointment_created', { write: true });
        const event = {
          action: 'frame.appointment_created' as const,
          subjectType: 'episode',
          subjectId: episode.id,
          subjectUserId: episode.clientId,
        };
        if (episode.status === 'ended') {
          refuse(
            tx,
            event,
            409,
            'episode_ended',
            'This episode has ended; start a new episode to book with this client.',
          );
        }
        const settings = await loadSettings(tx, selfId(tx));
        const minutes = body.minutes ?? episode.sessionMinutes ?? settings.sessionMinutes;
        const locationId = body.locationId === undefined ? episode.locationId : body.locationId;
        const slot = slotAt(body.date, body.time, minutes, episode.timeZone);
        assertNoProblems(await bookingProblems(tx, slot, locationId, now, body.locationId != null), 'invalid_booking');
        try {
          await assertBookable(tx, { therapistId: episode.therapistId, zone: episode.timeZone, slot, locationId }, now);
        } catch (error) {
          if (error instanceof HttpError && error.code === 'clash') refuse(tx, event, 409, 'clash', error.message);
          throw error;
        }
        const fee =
          body.kind === 'session'
            ? (episode.feePence ?? settings.fees.session ?? 0)
            : (settings.fees[body.kind] ?? (body.kind === 'review' ? (episode.feePence ?? 0) : 0));
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at,
                  local_start, time_zone, location_id, fee_pence)
           VALUES (app_practice_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            episode.id,
            episode.therapistId,
            episode.clientId,
            body.kind,
            slot.startsAt,
            slot.endsAt,
            slot.localStart,
            episode.timeZone,
            locationId,
            fee,
          ],
        );
        const id = inserted.rows[0]?.id as string;
        tx.audit({
          ...event,
          subjectType: 'appointment',
          subjectId: id,
          details: { kind: body.kind, episodeId: episode.id },
        });
        return (await findAppointment(tx, id)) as Appointment;
      }),
  );
};
