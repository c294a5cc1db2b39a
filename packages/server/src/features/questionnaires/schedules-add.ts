import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { FieldsError, type FieldProblem } from '../frame/episodes-field-errors.js';
import { resolveInstrument } from '../measures/instrument-catalogue.js';
import { SCHEDULE_COLUMNS, toSchedule, type ScheduleRow } from './questionnaire-record.js';
import { AddScheduleBody, Schedule } from './questionnaires-schemas.js';

/**
 * POST /api/questionnaires/episodes/:episodeId/schedules (a therapist caring for the episode's
 * client): adds an instrument to the episode's schedule — before every session, every N sessions
 * (2–52), at reviews, at ending, or at follow-up N months (1–24) after ending. The same instrument at
 * the same timing twice is refused.
 */
export const addScheduleRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/questionnaires/episodes/:episodeId/schedules',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['questionnaires'],
        summary: 'Add a questionnaire to an episode’s schedule',
        params: Type.Object({ episodeId: Uuid }),
        body: AddScheduleBody,
        response: withErrors({ 200: Type.Object({ schedule: Schedule }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const episodeId = request.params.episodeId.toLowerCase();
        const body = request.body;
        const episode = await tx.query<{ client_id: string; status: string }>(
          'SELECT client_id, status FROM episodes WHERE id = $1',
          [episodeId],
        );
        const clientId = episode.rows[0]?.client_id ?? episodeId;
        const event: AuditInput = {
          action: 'questionnaires.schedule_added',
          subjectType: 'episode',
          subjectId: episodeId,
          subjectUserId: clientId,
          details: { instrumentId: body.instrumentId, timing: body.timing },
        };
        await requireOwnClient(tx, clientId, event.action);
        if (episode.rows[0]?.status === 'ended') {
          refuse(
            tx,
            event,
            409,
            'episode_ended',
            'This episode has ended: questionnaires can no longer be scheduled in it.',
          );
        }
        const problems: FieldProblem[] = [];
        const everyN = body.timing === 'every_n_sessions' ? (body.everyN ?? null) : null;
        const monthsAfter = body.timing === 'follow_up' ? (body.monthsAfter ?? null) : null;
        if (body.timing === 'every_n_sessions' && (everyN == null || everyN < 2 || everyN > 52)) {
          problems.push({ field: 'everyN', message: 'Choose how many sessions apart: a number from 2 to 52.' });
        }
        if (body.timing === 'follow_up' && (monthsAfter == null || monthsAfter < 1 || monthsAfter > 24)) {
          problems.push({
            field: 'monthsAfter',
            message: 'Choose how many months after ending: a number from 1 to 24.',
          });
        }
        if (problems.length > 0) throw new FieldsError(problems);
        const instrument = await resolveInstrument(tx, body.instrumentId);
        if (!instrument) {
          refuse(tx, event, 400, 'unknown_instrument', 'There is no such questionnaire in this practice’s catalogue.');
        }
        const twice = await tx.query(
          `SELECT 1 FROM questionnaire_schedules WHERE episode_id = $1 AND instrument_id = $2 AND timing = $3
             AND stopped_at IS NULL AND every_n IS NOT DISTINCT FROM $4 AND months_after IS NOT DISTINCT FROM $5`,
          [episodeId, body.instrumentId, body.timing, everyN, monthsAfter],
        );
        if ((twice.rowCount ?? 0) > 0) {
          refuse(
            tx,
            event,
            409,
            'already_scheduled',
            `${instrument.definition.name} is already scheduled at that time.`,
          );
        }
        const inserted = await tx.query<ScheduleRow>(
          `INSERT INTO questionnaire_schedules AS s (practice_id, episode_id, client_id, instrument_id, timing, every_n,
                                                   months_after, created_by)
           VALUES (app_practice_id(), $1, $2, $3, $4, $5, $6, $7) RETURNING ${SCHEDULE_COLUMNS}`,
          [episodeId, clientId, body.instrumentId, body.timing, everyN, monthsAfter, selfId(tx)],
        );
        const row = inserted.rows[0];
        if (!row) throw new Error('a schedule just added cannot be read back');
        tx.audit({ ...event, details: { ...event.details, scheduleId: row.id } });
        return { schedule: await toSchedule(tx, row) };
      }),
  );
};
