import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { addDays, daysBetween, localToUtc } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { findAppointments } from './appointment-record.js';
import { selfId } from './care-access.js';
import { FieldsError } from './episodes-field-errors.js';
import { Absence, Appointment, Break, IsoDate } from './frame-schemas.js';
import { loadSettings } from './settings-record.js';

export const MAX_CALENDAR_DAYS = 62;

const CalendarRange = Type.Object({ from: IsoDate, to: IsoDate });

/** A date range of at most 62 days (from ≤ to), or the field problems with it. */
export function checkRange(from: string, to: string): void {
  if (to < from) throw new FieldsError([{ field: 'to', message: 'The end of the range is before its start.' }]);
  if (daysBetween(from, to) + 1 > MAX_CALENDAR_DAYS) {
    throw new FieldsError([{ field: 'to', message: `Ask for at most ${MAX_CALENDAR_DAYS} days at a time.` }]);
  }
}

interface BreakRow {
  id: string;
  kind: 'therapist' | 'practice' | 'bank_holiday';
  therapist_id: string | null;
  therapist_name: string | null;
  title: string;
  starts_on: string;
  ends_on: string;
  created_at: Date;
}

async function breaksFor(tx: Scoped, therapistId: string, from: string, to: string) {
  const result = await tx.query<BreakRow>(
    `SELECT b.id, b.kind, b.therapist_id, u.display_name AS therapist_name, b.title, b.starts_on::text,
            b.ends_on::text, b.created_at
       FROM breaks b LEFT JOIN users u ON u.id = b.therapist_id
      WHERE (b.therapist_id IS NULL OR b.therapist_id = $1) AND b.starts_on <= $3::date AND b.ends_on >= $2::date
      ORDER BY b.starts_on, b.id`,
    [therapistId, from, to],
  );
  return result.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    therapistId: r.therapist_id,
    therapistName: r.therapist_name,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    createdAt: r.created_at.toISOString(),
  }));
}

async function absencesOfClients(tx: Scoped, therapistId: string, from: string, to: string) {
  const result = await tx.query<{
    id: string;
    client_id: string;
    starts_on: string;
    ends_on: string;
    note_enc: string | null;
    created_at: Date;
  }>(
    `SELECT a.id, a.client_id, a.starts_on::text, a.ends_on::text, a.note_enc, a.created_at
       FROM client_absences a
      WHERE a.client_id IN (SELECT client_id FROM care_assignments WHERE therapist_id = $1 AND ended_at IS NULL)
        AND a.starts_on <= $3::date AND a.ends_on >= $2::date
      ORDER BY a.starts_on, a.id`,
    [therapistId, from, to],
  );
  const absences = [];
  for (const r of result.rows) {
    absences.push({
      id: r.id,
      clientId: r.client_id,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      note: r.note_enc ? await tx.decrypt(`client_absences.note_enc:${r.id}`, r.note_enc) : null,
      createdAt: r.created_at.toISOString(),
    });
  }
  return absences;
}

/**
 * GET /api/frame/calendar?from&to (therapist): my appointments in the range (every status, so
 * cancellations show), the breaks that apply to me (mine, the practice's, bank holidays) and my
 * clients' planned absences. Dates are in my time zone; at most 62 days.
 */
export const calendarRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/calendar',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'My calendar for a range of days (sessions, breaks, clients’ absences)',
        querystring: CalendarRange,
        response: withErrors({
          200: Type.Object({
            appointments: Type.Array(Appointment),
            breaks: Type.Array(Break),
            absences: Type.Array(Absence),
          }),
        }),
      },
    },
    async (request) => {
      const { from, to } = request.query;
      checkRange(from, to);
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const therapistId = selfId(tx);
        const { timeZone } = await loadSettings(tx, therapistId);
        const appointments = await findAppointments(tx, {
          therapistId,
          from: localToUtc(from, '00:00', timeZone),
          to: localToUtc(addDays(to, 1), '00:00', timeZone),
        });
        const breaks = await breaksFor(tx, therapistId, from, to);
        const absences = await absencesOfClients(tx, therapistId, from, to);
        tx.audit({
          action: 'frame.calendar_viewed',
          details: { from, to, appointments: appointments.length, absences: absences.length },
        });
        // Each client whose sessions or absences (with their notes) were read, for their record-access trail.
        const clients = new Set([...appointments.map((a) => a.clientId), ...absences.map((a) => a.clientId)]);
        for (const clientId of clients) {
          tx.audit({
            action: 'frame.calendar_viewed',
            subjectType: 'user',
            subjectId: clientId,
            subjectUserId: clientId,
            details: { from, to },
          });
        }
        return { appointments, breaks, absences };
      });
    },
  );
};
