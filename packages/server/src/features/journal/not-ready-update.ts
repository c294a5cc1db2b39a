import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { NotReadyItem, NotReadyText } from './journal-schemas.js';
import { checkNotReadyText, findNotReady, NOT_READY_BODY_LIMIT, textContext } from './not-ready-record.js';

/** PUT /api/journal/not-ready/:id (client): rewrites a note on my "not ready" list. */
export const notReadyUpdateRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/journal/not-ready/:id',
    {
      bodyLimit: NOT_READY_BODY_LIMIT,
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Rewrite a note on my "not ready to talk about yet" list',
        params: Type.Object({ id: Uuid }),
        body: NotReadyText,
        response: withErrors({ 200: Type.Object({ item: NotReadyItem }) }),
      },
    },
    async (request) => {
      checkNotReadyText(request.body.text);
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const { id } = request.params;
        const event = {
          action: 'journal.not_ready_changed' as const,
          subjectType: 'not_ready_item',
          subjectId: id,
          subjectUserId: clientId,
        };
        const textEnc = await tx.encrypt('clinical', textContext(id), request.body.text);
        const updated = await tx.query(
          `UPDATE journal_not_ready SET text_enc = $3, updated_at = now() WHERE id = $1 AND client_id = $2`,
          [id, clientId, textEnc],
        );
        if (updated.rowCount === 0) refuse(tx, event, 404, 'not_found', 'That note is no longer on your list.');
        tx.audit({ ...event, details: { change: 'updated' } });
        const [item] = await findNotReady(tx, clientId, id);
        return { item: item as NonNullable<typeof item> };
      });
    },
  );
};
