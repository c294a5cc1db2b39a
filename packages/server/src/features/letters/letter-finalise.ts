import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import {
  decryptLetter,
  findLetterRow,
  letterEvent,
  requireLetter,
  requireLetterAuthor,
  requireLetterDraftAt,
  toLetter,
} from './letter-record.js';
import { finalProblems } from './letter-text.js';
import { loadLetterhead } from './letterhead-record.js';
import { Letter } from './letters-schemas.js';

/**
 * POST /api/letters/:id/finalise (the letter's author): files the draft in the record as it stands
 * at the version the therapist names, dated today, with the letterhead as it is now. From then on
 * the letter cannot change (the database refuses it too).
 */
export const finaliseLetterRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/letters/:id/finalise',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['letters'],
        summary: 'File a letter in the record',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { baseVersion: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ letter: Letter }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireLetter(
          tx,
          id,
          { action: 'letters.letter_finalised', subjectType: 'letter', subjectId: id },
          true,
        );
        const event = letterEvent('letters.letter_finalised', row);
        requireLetterAuthor(tx, row, event, 'file it');
        requireLetterDraftAt(tx, row, request.body.baseVersion, event);
        const content = await decryptLetter(tx, row);
        const problem = finalProblems(content)[0];
        if (problem) refuse(tx, event, 400, 'incomplete', problem.message);
        const letterhead = await loadLetterhead(tx);
        const version = row.version + 1;
        await tx.query(
          `UPDATE letters SET status = 'final', version = $2, letterhead = $3::jsonb, finalised_at = now(),
                  finalised_by = $4, updated_at = now()
            WHERE id = $1 AND status = 'draft'`,
          [id, version, JSON.stringify(letterhead), tx.actor.userId],
        );
        const filed = await findLetterRow(tx, id);
        if (!filed) throw new Error('a letter just filed cannot be read back');
        tx.audit({ ...event, details: { version } });
        return { letter: await toLetter(tx, filed, content) };
      }),
  );
};
