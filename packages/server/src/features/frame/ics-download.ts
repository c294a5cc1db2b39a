import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { buildCalendar } from '../../frame/ical.js';
import { selfId } from './care-access.js';
import { icsAppointment, toIcsEvent } from './ics-events.js';

/**
 * GET /api/frame/appointments/:id/ics: one session as an .ics file to add to a calendar, for the
 * therapist of it or its client. Same UID and SEQUENCE as in the subscription feed, so importing it
 * and later subscribing do not make two events in one calendar.
 */
export const icsDownloadRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/appointments/:id/ics',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'client'] }),
      schema: {
        tags: ['frame'],
        summary: 'One session as an iCalendar file (for the therapist of it or its client)',
        params: Type.Object({ id: Uuid }),
        response: {
          ...withErrors({}),
          200: { description: 'The event (text/calendar)', content: { 'text/calendar': { schema: Type.String() } } },
        },
      },
    },
    async (request, reply) => {
      const { config } = app.ctx;
      const file = await app.ctx.access.run(actorOf(request), async (tx) => {
        const me = selfId(tx);
        const row = await icsAppointment(tx, request.params.id);
        const event = {
          action: 'frame.ics_downloaded' as const,
          subjectType: 'appointment',
          subjectId: request.params.id,
          ...(row ? { subjectUserId: row.client_id } : {}),
        };
        if (!row || (row.therapist_id !== me && row.client_id !== me)) {
          refuse(tx, event, 404, 'not_found', 'There is no such session in your calendar.');
        }
        tx.audit(event);
        const day = row.local_start.slice(0, 10);
        return {
          name: `session-${day}.ics`,
          text: buildCalendar({ name: 'Session', events: [toIcsEvent(row, me, config.publicUrl)] }),
        };
      });
      return reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${file.name}"`)
        .send(file.text);
    },
  );
};
