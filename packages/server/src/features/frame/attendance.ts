import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import { refuse } from '../../access/refuse.js';
import { noticeMinutes } from '../../frame/cancellation-policy.js';
import type { AppointmentStatus, ChargeEvent } from '../../frame/frame-types.js';
import { todayIn, utcToLocal } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findAppointment } from './appointment-record.js';
import { trimBriefEpisode } from './breaks-record.js';
import { requireOwnClient, selfId } from './care-access.js';
import {
  applyCharge,
  lockAppointment,
  lockClientCharges,
  previewCharge,
  type ChargeableAppointment,
} from './charges.js';
import { formatLocalStart } from './charges-format.js';
import { lockFrame } from './clash.js';
import { withdrawMoveRequests } from './client-cancel-record.js';
import { Appointment, LedgerEntry } from './frame-schemas.js';
import { materialiseEpisode } from './materialise.js';

/**
 * POST /api/frame/appointments/:id/attendance (therapist): marks a session of one of their own
 * clients, from its day onwards, as attended, cancelled by the client (with when the client told
 * them: early or late by the policy), did not attend, or cancelled by the therapist. The ledger
 * follows: earlier charges for the session are reversed, then the policy's charge is written.
 */
const MarkableStatus = Type.Union([
  Type.Literal('attended'),
  Type.Literal('cancelled_client'),
  Type.Literal('did_not_attend'),
  Type.Literal('cancelled_therapist'),
]);
type MarkableStatus = 'attended' | 'cancelled_client' | 'did_not_attend' | 'cancelled_therapist';

/** Statuses a calendar shows as cancelled (a change across this line bumps the iCalendar SEQUENCE). */
export function isCancelledStatus(status: AppointmentStatus): boolean {
  return status === 'cancelled_client' || status === 'cancelled_therapist' || status === 'moved';
}

const NOT_FOUND = 'There is no such session among your clients’ sessions.';

async function loadOwnAppointment(tx: Scoped, id: string): Promise<ChargeableAppointment> {
  const event = { action: 'frame.attendance_marked' as const, subjectType: 'appointment', subjectId: id };
  // The client's charges lock before the session's row, in the order recording an absence and a
  // client's cancellation take them, so a mark and an absence at the same moment cannot deadlock.
  const owner = await tx.query<{ client_id: string }>('SELECT client_id FROM appointments WHERE id = $1', [id]);
  const clientId = owner.rows[0]?.client_id;
  if (clientId) await lockClientCharges(tx, clientId);
  const appointment = await lockAppointment(tx, id);
  if (!appointment || appointment.therapistId !== tx.actor.userId) {
    refuse(
      tx,
      { ...event, ...(appointment ? { subjectUserId: appointment.clientId } : {}) },
      404,
      'not_found',
      NOT_FOUND,
    );
  }
  await requireOwnClient(tx, appointment.clientId, 'frame.attendance_marked');
  return appointment;
}

export const attendanceRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/appointments/:id/attendance',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary:
          'Mark a session attended, cancelled (by the client or by you) or not attended; charges follow the policy',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            status: MarkableStatus,
            toldAt: Type.Optional(
              Type.String({
                format: 'date-time',
                description: 'For a client cancellation: when the client told you (default: now)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ appointment: Appointment, ledger: Type.Array(LedgerEntry) }) }),
      },
    },
    async (request) => {
      const { status, toldAt: toldAtText } = request.body;
      const now = new Date();
      const toldAt = toldAtText ? new Date(toldAtText) : now;
      if (Number.isNaN(toldAt.getTime()) || toldAt.getTime() > now.getTime() + 60_000) {
        throw new HttpError(
          400,
          'When the client told you must be a time that has already happened.',
          'invalid_request',
        );
      }
      if (status !== 'cancelled_client' && toldAtText) {
        throw new HttpError(400, 'toldAt is only for a cancellation by the client.', 'invalid_request');
      }
      return app.ctx.access.run(actorOf(request), async (tx) => {
        // The therapist's frame lock first (marking may top up a brief episode), as every route takes it.
        await lockFrame(tx, { therapistIds: [selfId(tx)] });
        const appointment = await loadOwnAppointment(tx, request.params.id);
        const subject = {
          subjectType: 'appointment',
          subjectId: appointment.id,
          subjectUserId: appointment.clientId,
        };
        if (appointment.status === 'moved') {
          refuse(
            tx,
            { action: 'frame.attendance_marked', ...subject },
            409,
            'moved',
            'This session was moved; mark the session it was moved to instead.',
          );
        }
        const sessionDay = utcToLocal(appointment.startsAt, appointment.timeZone).date;
        if (appointment.startsAt > now && sessionDay > todayIn(appointment.timeZone, now)) {
          refuse(
            tx,
            { action: 'frame.attendance_marked', ...subject },
            409,
            'not_yet',
            `This session is on ${formatLocalStart(appointment.localStart, appointment.timeZone)}; you can mark it from that day onwards.`,
          );
        }
        const event = chargeEvent(status, appointment, toldAt);
        const notice = event.kind === 'cancelled_client' ? event.noticeMinutes : null;
        if (appointment.status === status && (status !== 'cancelled_client' || appointment.noticeMinutes === notice)) {
          // Marking it again as it already is changes nothing.
          tx.audit({ action: 'frame.attendance_marked', ...subject, details: { status, unchanged: true } });
          const unchanged = await findAppointment(tx, appointment.id);
          if (!unchanged) throw new Error('the appointment vanished');
          return { appointment: unchanged, ledger: [] };
        }
        const late = event.kind === 'cancelled_client' ? (await previewCharge(tx, appointment, event)).late : null;
        const self = selfId(tx);
        const bump = isCancelledStatus(appointment.status) !== isCancelledStatus(status) ? 1 : 0;
        const cancelled = status === 'cancelled_client' || status === 'cancelled_therapist';
        await tx.query(
          `UPDATE appointments
              SET status = $2, late = $3, notice_minutes = $4, cancel_reason = $5,
                  cancelled_at = $6, cancelled_by = $7, break_id = NULL, absence_id = NULL,
                  marked_at = now(), marked_by = $8, sequence = sequence + $9, updated_at = now()
            WHERE id = $1`,
          [
            appointment.id,
            status,
            late,
            notice,
            status === 'cancelled_client' ? 'client' : status === 'cancelled_therapist' ? 'therapist' : null,
            cancelled ? toldAt : null,
            cancelled ? self : null,
            self,
            bump,
          ],
        );
        if (cancelled) await withdrawMoveRequests(tx, [appointment.id], self);
        const ledger = await applyCharge(tx, { ...appointment, status }, event, now);
        // A brief episode offers its number of sessions: a therapist's cancellation is made up at the end,
        // and the session added for it is taken back when that cancellation is marked otherwise.
        if (status === 'cancelled_therapist' && appointment.status !== 'cancelled_therapist') {
          await materialiseEpisode(tx, appointment.episodeId, undefined, { onClash: 'skip' });
        } else if (appointment.status === 'cancelled_therapist' && status !== 'cancelled_therapist') {
          await trimBriefEpisode(tx, appointment.episodeId);
        }
        tx.audit({
          action: 'frame.attendance_marked',
          ...subject,
          details: {
            status,
            previous: appointment.status,
            late,
            entries: ledger.length,
          },
        });
        const updated = await findAppointment(tx, appointment.id);
        if (!updated) throw new Error('the appointment vanished');
        return { appointment: updated, ledger };
      });
    },
  );
};

function chargeEvent(status: MarkableStatus, appointment: ChargeableAppointment, toldAt: Date): ChargeEvent {
  switch (status) {
    case 'attended':
      return { kind: 'attended' };
    case 'did_not_attend':
      return { kind: 'did_not_attend' };
    case 'cancelled_therapist':
      return { kind: 'cancelled_therapist' };
    case 'cancelled_client':
      return { kind: 'cancelled_client', noticeMinutes: noticeMinutes(appointment.startsAt, toldAt) };
  }
}
