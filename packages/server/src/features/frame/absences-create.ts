import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { findAppointments } from './appointment-record.js';
import {
  cancelForAbsence,
  clientTimeZone,
  findAbsenceRows,
  noteContext,
  previewAbsence,
  sessionsInPeriod,
  toAbsence,
} from './absences-record.js';
import { AbsencePeriod, AffectedSessions, assertFuturePeriod } from './absences-preview.js';
import { selfId } from './care-access.js';
import { formatLongDate } from './charges-format.js';
import { withdrawMoveRequests } from './client-cancel-record.js';
import { Absence } from './frame-schemas.js';

/**
 * POST /api/frame/me/absences (client): records a planned absence. Every scheduled session in it
 * becomes the client's cancellation (reason: absence), charged by the policy with the notice
 * counted from now. With expectedTotalPence (the total the preview showed), nothing happens if the
 * total would now differ (409, charge_changed).
 */
export const createAbsenceRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/me/absences',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['frame'],
        summary: 'Record a planned absence; the sessions in it are cancelled and charged by the policy',
        body: Type.Object(
          {
            ...AbsencePeriod,
            note: Type.Optional(Type.String({ maxLength: 1000 })),
            expectedTotalPence: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ absence: Absence, affected: AffectedSessions }) }),
      },
    },
    async (request) => {
      const { startsOn, endsOn, expectedTotalPence } = request.body;
      const note = request.body.note?.trim() || null;
      const now = new Date();
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const event = {
          action: 'frame.absence_added' as const,
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
        };
        assertFuturePeriod(startsOn, endsOn, await clientTimeZone(tx, clientId));
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-charges:${clientId}`]);
        const overlapping = (await findAbsenceRows(tx, { clientId })).find(
          (a) => a.starts_on <= endsOn && a.ends_on >= startsOn,
        );
        if (overlapping) {
          refuse(
            tx,
            event,
            409,
            'overlap',
            `You have already recorded an absence from ${formatLongDate(overlapping.starts_on)} to ` +
              `${formatLongDate(overlapping.ends_on)}; remove it first or choose other dates.`,
          );
        }
        const sessions = await sessionsInPeriod(tx, clientId, startsOn, endsOn, now);
        const { items } = await previewAbsence(tx, sessions, now);
        const total = items.reduce((sum, item) => sum + item.charge.amountPence, 0);
        if (expectedTotalPence !== undefined && expectedTotalPence !== total) {
          refuse(
            tx,
            event,
            409,
            'charge_changed',
            'The charges have changed since you looked. ' +
              items.map((item) => item.charge.explanation).join(' ') +
              ' Please look again before you confirm.',
          );
        }
        const created = await tx.query<{ id: string }>('SELECT gen_random_uuid() AS id');
        const id = created.rows[0]?.id ?? '';
        await tx.query(
          `INSERT INTO client_absences (id, practice_id, client_id, starts_on, ends_on, note_enc)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            id,
            tx.actor.practiceId,
            clientId,
            startsOn,
            endsOn,
            note ? await tx.encrypt('clinical', noteContext(id), note) : null,
          ],
        );
        await cancelForAbsence(tx, items, { id, clientId }, now);
        await withdrawMoveRequests(
          tx,
          sessions.map((s) => s.id),
          clientId,
        );
        tx.audit({
          ...event,
          subjectType: 'absence',
          subjectId: id,
          details: { affected: items.length, totalPence: total },
        });
        const [row] = await findAbsenceRows(tx, { clientId, id });
        if (!row) throw new Error('the absence vanished');
        const views = new Map((await findAppointments(tx, { ids: sessions.map((s) => s.id) })).map((a) => [a.id, a]));
        return {
          absence: await toAbsence(tx, row),
          affected: items.flatMap((item) => {
            const appointment = views.get(item.session.id);
            return appointment ? [{ appointment, charge: item.charge }] : [];
          }),
        };
      });
    },
  );
};
