import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { letterEvent, requireLetter, toLetter } from './letter-record.js';
import { Letter } from './letters-schemas.js';

/** GET /api/letters/:id (the letter's author, or a therapist currently caring for the client): one letter whole. */
export const getLetterRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/letters/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['letters'],
        summary: 'One letter',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Object({ letter: Letter }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireLetter(tx, id, {
          action: 'letters.letter_viewed',
          subjectType: 'letter',
          subjectId: id,
        });
        tx.audit({ ...letterEvent('letters.letter_viewed', row), details: { version: row.version } });
        return { letter: await toLetter(tx, row) };
      }),
  );
};
