import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { clientTimeZone, previewAbsence, sessionsInPeriod } from './absences-record.js';
import { selfId } from './care-access.js';
import { assertDateRange, formatLongDate } from './charges-format.js';
import { Appointment, ChargePreview, IsoDate } from './frame-schemas.js';

/** What a planned absence would cancel, and charge; shared by the preview and the create routes. */
export const AbsencePeriod = {
  startsOn: IsoDate,
  endsOn: IsoDate,
};
export const AffectedSessions = Type.Array(Type.Object({ appointment: Appointment, charge: ChargePreview }));

/** Refuses a period that is not a real range from today on (in the client's zone). */
export function assertFuturePeriod(startsOn: string, endsOn: string, zone: string): void {
  assertDateRange(startsOn, endsOn);
  const today = todayIn(zone);
  if (startsOn < today) {
    throw new HttpError(
      400,
      `An absence can start today (${formatLongDate(today)}) or later; for a session already past, talk with your therapist.`,
      'invalid_request',
    );
  }
}

/**
 * POST /api/frame/me/absences/preview (client): the sessions an absence from startsOn to endsOn
 * would cancel, each with what it would be charged if recorded now. Nothing changes.
 */
export const previewAbsenceRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/me/absences/preview',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['frame'],
        summary: 'The sessions a planned absence would cancel, with what each would be charged',
        body: Type.Object(AbsencePeriod, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ affected: AffectedSessions }) }),
      },
    },
    async (request) => {
      const { startsOn, endsOn } = request.body;
      const now = new Date();
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        assertFuturePeriod(startsOn, endsOn, await clientTimeZone(tx, clientId));
        const sessions = await sessionsInPeriod(tx, clientId, startsOn, endsOn, now);
        const { affected } = await previewAbsence(tx, sessions, now);
        tx.audit({
          action: 'frame.cancel_previewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: {
            absence: true,
            affected: affected.length,
            totalPence: affected.reduce((sum, a) => sum + a.charge.amountPence, 0),
          },
        });
        return { affected };
      });
    },
  );
};
