import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { FINAL_MESSAGE, letterEvent, requireLetter, requireLetterAuthor } from './letter-record.js';

/** DELETE /api/letters/:id (the letter's author): discards a draft. A filed letter stays for good. */
export const deleteLetterRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/letters/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['letters'],
        summary: 'Discard a draft letter',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireLetter(
          tx,
          id,
          { action: 'letters.letter_deleted', subjectType: 'letter', subjectId: id },
          true,
        );
        const event = letterEvent('letters.letter_deleted', row);
        requireLetterAuthor(tx, row, event, 'discard it');
        if (row.status === 'final') refuse(tx, event, 409, 'final', FINAL_MESSAGE);
        await tx.query(`DELETE FROM letters WHERE id = $1 AND status = 'draft'`, [id]);
        tx.audit({ ...event, details: { version: row.version } });
        return { ok: true as const };
      }),
  );
};
