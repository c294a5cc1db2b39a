import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { assertNoProblems } from '../frame/episodes-field-errors.js';
import {
  findLetterRow,
  letterEvent,
  requireLetter,
  requireLetterAuthor,
  requireLetterDraftAt,
  sealLetter,
  toLetter,
} from './letter-record.js';
import { letterProblems, tidyLetter } from './letter-text.js';
import { Letter, LetterSave } from './letters-schemas.js';

/**
 * PUT /api/letters/:id (the letter's author): saves a draft letter over the version the therapist
 * last had (a stale save answers 409 and changes nothing). A filed letter is never changed.
 */
export const saveLetterRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/letters/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['letters'],
        summary: 'Save a draft letter',
        params: Type.Object({ id: Uuid }),
        body: LetterSave,
        response: withErrors({ 200: Type.Object({ letter: Letter }) }),
      },
    },
    async (request) => {
      const content = tidyLetter(request.body);
      assertNoProblems(letterProblems(content), 'invalid_letter');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireLetter(
          tx,
          id,
          { action: 'letters.letter_saved', subjectType: 'letter', subjectId: id },
          true,
        );
        const event = letterEvent('letters.letter_saved', row);
        requireLetterAuthor(tx, row, event, 'change it');
        requireLetterDraftAt(tx, row, request.body.baseVersion, event);
        const version = row.version + 1;
        const sealed = await sealLetter(tx, id, content);
        await tx.query(
          `UPDATE letters SET recipient_name_enc = $2, recipient_address_enc = $3, subject_enc = $4, body_enc = $5,
                  version = $6, updated_at = now()
            WHERE id = $1 AND status = 'draft'`,
          [id, sealed.recipientNameEnc, sealed.recipientAddressEnc, sealed.subjectEnc, sealed.bodyEnc, version],
        );
        const saved = await findLetterRow(tx, id);
        if (!saved) throw new Error('a letter just saved cannot be read back');
        tx.audit({ ...event, details: { version } });
        return { letter: await toLetter(tx, saved, content) };
      });
    },
  );
};
