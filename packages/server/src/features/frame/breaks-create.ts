import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hasRole } from '../../access/actor.js';
import { HttpError } from '../../access/errors.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { cancelSessionsForBreaks, insertBreak, practiceTimeZone, toBreak } from './breaks-record.js';
import { selfId } from './care-access.js';
import { therapistTimeZone } from './charges.js';
import { assertDateRange, formatLongDate } from './charges-format.js';
import { Break, IsoDate } from './frame-schemas.js';

/**
 * POST /api/frame/breaks: a therapist adds a break of their own (scope 'own'); an admin adds a
 * practice closure (scope 'practice'). Every scheduled session it covers is cancelled as the
 * therapist's cancellation (never charged), each client is e-mailed once with the notice given,
 * and brief episodes are topped up. Answers with the break and how many sessions it cancelled.
 */
export const createBreakRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/breaks',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin'] }),
      schema: {
        tags: ['frame'],
        summary: 'Add a break (yours, or as an admin the practice’s); the sessions it covers are cancelled',
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 120 }),
            startsOn: IsoDate,
            endsOn: IsoDate,
            scope: Type.Union([Type.Literal('own'), Type.Literal('practice')]),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Break }),
      },
    },
    async (request) => {
      const { startsOn, endsOn, scope } = request.body;
      const title = request.body.title.trim();
      if (!title) throw new HttpError(400, 'Give the break a title, such as “Summer break”.', 'invalid_request');
      assertDateRange(startsOn, endsOn);
      const actor = actorOf(request);
      return app.ctx.access.run(actor, async (tx) => {
        const event = { action: 'frame.break_added' as const, subjectType: 'break' };
        if (scope === 'practice' && !hasRole(actor, 'admin')) {
          tx.deny('Only a practice administrator can close the whole practice.', event);
        }
        if (scope === 'own' && !hasRole(actor, 'therapist')) {
          tx.deny('Only a therapist has sessions to take a break from.', event);
        }
        const therapistId = scope === 'own' ? selfId(tx) : null;
        const zone = therapistId ? await therapistTimeZone(tx, therapistId) : await practiceTimeZone(tx);
        const today = todayIn(zone);
        if (endsOn < today) {
          throw new HttpError(
            400,
            `This break would be over already (today is ${formatLongDate(today)}); choose dates from today on.`,
            'invalid_request',
          );
        }
        const row = await insertBreak(tx, {
          kind: scope === 'own' ? 'therapist' : 'practice',
          therapistId,
          title,
          startsOn,
          endsOn,
        });
        const counts = await cancelSessionsForBreaks(tx, [row], {
          smtpConfigured: Boolean(app.ctx.config.smtpUrl),
          publicUrl: app.ctx.config.publicUrl,
        });
        const cancelledSessions = counts.get(row.id) ?? 0;
        tx.audit({
          action: 'frame.break_added',
          subjectType: 'break',
          subjectId: row.id,
          details: { kind: row.kind, startsOn, endsOn, cancelledSessions },
        });
        return toBreak(row, cancelledSessions);
      });
    },
  );
};
