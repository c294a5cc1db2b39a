import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findAppointment } from './appointment-record.js';
import { assertBookable, bookingProblems, slotAt } from './appointments-booking.js';
import { selfId } from './care-access.js';
import { lockFrame } from './clash.js';
import { assertNoProblems } from './episodes-field-errors.js';
import { Appointment, WallTime, IsoDate } from './frame-schemas.js';

interface OriginalRow {
  id: string;
  episode_id: string;
  therapist_id: string;
  client_id: string;
  kind: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  episode_zone: string;
  location_id: string | null;
  fee_pence: number;
  occurrence_key: string | null;
  in_care: boolean;
}

/**
 * POST /api/frame/appointments/:id/move (therapist): moves one scheduled appointment to another
 * date and time (and place). The original stays, marked 'moved' (never charged), pointing at a new
 * appointment of the same kind, fee, length and episode at the new local time in the episode's zone.
 * Nothing else changes. A pending request from the client to move it is resolved as accepted.
 */
export const moveAppointmentRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/appointments/:id/move',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Move one appointment to another time (the answer is the new appointment)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { date: IsoDate, time: WallTime, locationId: Type.Optional(Type.Union([Uuid, Type.Null()])) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Appointment }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const now = new Date();
        const therapistId = selfId(tx);
        const body = request.body;
        await lockFrame(tx, { therapistIds: [therapistId] });
        const found = await tx.query<OriginalRow>(
          `SELECT a.id, a.episode_id, a.therapist_id, a.client_id, a.kind, a.status, a.starts_at, a.ends_at,
                  a.time_zone, e.time_zone AS episode_zone, a.location_id, a.fee_pence, a.occurrence_key,
                  EXISTS (SELECT 1 FROM care_assignments ca WHERE ca.therapist_id = $2 AND ca.client_id = a.client_id
                            AND ca.ended_at IS NULL) AS in_care
             FROM appointments a JOIN episodes e ON e.id = a.episode_id
            WHERE a.id = $1 FOR UPDATE OF a`,
          [request.params.id, therapistId],
        );
        const original = found.rows[0];
        const event = {
          action: 'frame.appointment_moved' as const,
          subjectType: 'appointment',
          subjectId: request.params.id,
          ...(original ? { subjectUserId: original.client_id } : {}),
        };
        if (!original || !original.in_care || original.therapist_id !== therapistId) {
          refuse(tx, event, 404, 'not_found', 'There is no such appointment in your diary.');
        }
        if (original.status !== 'scheduled') {
          refuse(tx, event, 409, 'not_scheduled', 'Only a scheduled appointment can be moved.');
        }
        const zone = original.episode_zone;
        const minutes = Math.round((original.ends_at.getTime() - original.starts_at.getTime()) / 60_000);
        const locationId = body.locationId === undefined ? original.location_id : body.locationId;
        const slot = slotAt(body.date, body.time, minutes, zone);
        assertNoProblems(await bookingProblems(tx, slot, locationId, now, body.locationId != null), 'invalid_move');
        try {
          await assertBookable(tx, { therapistId, zone, slot, locationId, ignoreAppointmentId: original.id }, now);
        } catch (error) {
          if (error instanceof HttpError && error.code === 'clash') refuse(tx, event, 409, 'clash', error.message);
          throw error;
        }
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, occurrence_key, kind, starts_at,
                  ends_at, local_start, time_zone, location_id, fee_pence, moved_from_id)
           VALUES (app_practice_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            original.episode_id,
            original.therapist_id,
            original.client_id,
            original.occurrence_key,
            original.kind,
            slot.startsAt,
            slot.endsAt,
            slot.localStart,
            zone,
            locationId,
            original.fee_pence,
            original.id,
          ],
        );
        const movedTo = inserted.rows[0]?.id as string;
        await tx.query(
          `UPDATE appointments SET status = 'moved', moved_to_id = $2, sequence = sequence + 1, updated_at = now()
            WHERE id = $1`,
          [original.id, movedTo],
        );
        const resolved = await tx.query<{ id: string }>(
          `UPDATE move_requests SET status = 'accepted', resolved_at = now(), resolved_by = $2
            WHERE appointment_id = $1 AND status = 'pending' RETURNING id`,
          [original.id, therapistId],
        );
        tx.audit({ ...event, details: { movedTo, requestAccepted: resolved.rows.length > 0 } });
        for (const moveRequest of resolved.rows) {
          tx.audit({
            action: 'frame.move_request_resolved',
            subjectType: 'move_request',
            subjectId: moveRequest.id,
            subjectUserId: original.client_id,
            details: { outcome: 'accepted' },
          });
        }
        return (await findAppointment(tx, movedTo)) as Appointment;
      }),
  );
};
