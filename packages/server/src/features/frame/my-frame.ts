import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findAbsenceRows, toAbsence } from './absences-record.js';
import { findAppointments } from './appointment-record.js';
import { findBreaks, practiceTimeZone, toBreak } from './breaks-record.js';
import { selfId } from './care-access.js';
import { therapistTimeZone } from './charges.js';
import { findEpisodes } from './episode-record.js';
import { Absence, Appointment, Break, Episode, Ledger, TimeZone } from './frame-schemas.js';
import { findLedger } from './ledger-record.js';
import { decryptOrNull, findMoveRequests, messageContext, responseContext } from './move-requests-record.js';

/**
 * GET /api/frame/me (client): the client's own frame and nothing else — their episodes (never the
 * therapist's closing summary), sessions to come (cancelled ones too, with the reason) and the last
 * ten past, the breaks that affect them, their planned absences, their ledger, and their requests
 * to move a session with the therapist's reply. Reading it is audited as an access to their record.
 */
const AppointmentStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('declined'),
  Type.Literal('withdrawn'),
]);

export const MyMoveRequest = Type.Object({
  id: Uuid,
  appointmentId: Uuid,
  status: AppointmentStatus,
  message: Type.Union([Type.String(), Type.Null()]),
  /** The therapist's reply when declining (shown here, never e-mailed). */
  response: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const MyFrame = Type.Object({
  timeZone: Type.Union([TimeZone, Type.Null()]),
  therapistTimeZone: TimeZone,
  episodes: Type.Array(Episode),
  upcoming: Type.Array(Appointment),
  recent: Type.Array(Appointment),
  breaks: Type.Array(Break),
  absences: Type.Array(Absence),
  ledger: Ledger,
  moveRequests: Type.Array(MyMoveRequest),
});

const NOT_MOVED = ['scheduled', 'attended', 'cancelled_client', 'did_not_attend', 'cancelled_therapist'] as const;
const MOVE_REQUESTS_SHOWN_DAYS = 90;

/** The therapists looking after this client now (care assignments) or in an episode not yet ended. */
async function therapistsOf(tx: Scoped, clientId: string): Promise<string[]> {
  const result = await tx.query<{ therapist_id: string }>(
    `SELECT therapist_id FROM care_assignments WHERE client_id = $1 AND ended_at IS NULL
     UNION
     SELECT therapist_id FROM episodes WHERE client_id = $1 AND status <> 'ended'`,
    [clientId],
  );
  return result.rows.map((r) => r.therapist_id).sort();
}

export const myFrameRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/me',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['frame'],
        summary: 'Your sessions, breaks, planned absences, charges and requests to move',
        response: withErrors({ 200: MyFrame }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const now = new Date();
        const user = await tx.query<{ time_zone: string | null }>('SELECT time_zone FROM users WHERE id = $1', [
          clientId,
        ]);
        const timeZone = user.rows[0]?.time_zone ?? null;
        const episodes = await findEpisodes(tx, { clientId }, { now });
        const therapists = await therapistsOf(tx, clientId);
        const current = episodes.find((e) => e.status !== 'ended');
        const therapistZone =
          current?.timeZone ??
          (therapists[0] ? await therapistTimeZone(tx, therapists[0]) : await practiceTimeZone(tx));
        const today = todayIn(timeZone ?? therapistZone, now);

        const upcoming = await findAppointments(tx, { clientId, from: now, statuses: [...NOT_MOVED], limit: 500 });
        const recent = (
          await findAppointments(tx, { clientId, to: now, statuses: [...NOT_MOVED], order: 'desc', limit: 12 })
        )
          .filter((a) => Date.parse(a.endsAt) <= now.getTime())
          .slice(0, 10);
        const breaks = await findBreaks(tx, { from: today, therapistIds: therapists });
        const absences = [];
        for (const row of await findAbsenceRows(tx, { clientId, endingFrom: today })) {
          absences.push(await toAbsence(tx, row));
        }
        const since = new Date(now.getTime() - MOVE_REQUESTS_SHOWN_DAYS * 86_400_000);
        const moveRequests = [];
        for (const row of await findMoveRequests(tx, { clientId, since })) {
          moveRequests.push({
            id: row.id,
            appointmentId: row.appointment_id,
            status: row.status,
            message: await decryptOrNull(tx, messageContext(row.id), row.message_enc),
            response: await decryptOrNull(tx, responseContext(row.id), row.response_enc),
            createdAt: row.created_at.toISOString(),
            resolvedAt: row.resolved_at?.toISOString() ?? null,
          });
        }
        const ledger = await findLedger(tx, clientId);
        tx.audit({
          action: 'frame.portal_viewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { episodes: episodes.length, upcoming: upcoming.length, entries: ledger.entries.length },
        });
        return {
          timeZone,
          therapistTimeZone: therapistZone,
          episodes: episodes.map(({ closingSummary: _omitted, ...episode }) => episode),
          upcoming,
          recent,
          breaks: breaks.map((row) => toBreak(row)),
          absences,
          ledger,
          moveRequests,
        };
      }),
  );
};
