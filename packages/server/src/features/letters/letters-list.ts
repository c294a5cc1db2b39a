import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { inTurn, iso } from '../journal/entry-record.js';
import { clientName } from '../journal/shared-record.js';
import { LETTER_SELECT, recipientNameContext, subjectContext, type LetterRow } from './letter-record.js';
import { LetterList } from './letters-schemas.js';

/**
 * GET /api/letters/clients/:clientId/letters (a therapist currently caring for the client): the
 * client's letters, drafts and filed, newest first, with who each is to and its subject.
 */
export const listLettersRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/letters/clients/:clientId/letters',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['letters'],
        summary: "A client's letters",
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: LetterList }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'letters.listed');
        const rows = await tx.query<LetterRow>(
          `${LETTER_SELECT} WHERE l.client_id = $1 ORDER BY coalesce(l.finalised_at, l.updated_at) DESC, l.id`,
          [clientId],
        );
        const letters = await inTurn(rows.rows, async (row) => ({
          id: row.id,
          author: { id: row.author_id, displayName: row.author_name },
          status: row.status,
          version: row.version,
          recipientName: await tx.decrypt(recipientNameContext(row.id), row.recipient_name_enc),
          subject: await tx.decrypt(subjectContext(row.id), row.subject_enc),
          finalisedAt: row.finalised_at ? iso(row.finalised_at) : null,
          createdAt: iso(row.created_at),
          updatedAt: iso(row.updated_at),
        }));
        tx.audit({
          action: 'letters.listed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { letters: letters.length },
        });
        return { client: { id: clientId, displayName: await clientName(tx, clientId) }, letters };
      }),
  );
};
