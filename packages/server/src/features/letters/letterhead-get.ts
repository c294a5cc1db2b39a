import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { loadLetterhead } from './letterhead-record.js';
import { Letterhead } from './letters-schemas.js';

/** GET /api/letters/letterhead (admin, therapist): the practice's letterhead (its name until set). */
export const getLetterheadRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/letters/letterhead',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist'] }),
      schema: {
        tags: ['letters'],
        summary: "The practice's letterhead",
        response: withErrors({ 200: Letterhead }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const letterhead = await loadLetterhead(tx);
        tx.audit({ action: 'letters.letterhead_viewed', subjectType: 'letterhead', subjectId: tx.actor.practiceId });
        return letterhead;
      }),
  );
};
