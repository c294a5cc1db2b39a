import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { NotReadyItem, NotReadyText } from './journal-schemas.js';
import { checkNotReadyText, findNotReady, NOT_READY_BODY_LIMIT, textContext } from './not-ready-record.js';

/** POST /api/journal/not-ready (client): adds a note to my "not ready to talk about yet" list. */
export const notReadyCreateRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/journal/not-ready',
    {
      bodyLimit: NOT_READY_BODY_LIMIT,
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Add to my "not ready to talk about yet" list',
        body: NotReadyText,
        response: withErrors({ 200: Type.Object({ item: NotReadyItem }) }),
      },
    },
    async (request) => {
      checkNotReadyText(request.body.text);
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const id = crypto.randomUUID();
        const textEnc = await tx.encrypt('clinical', textContext(id), request.body.text);
        await tx.query(
          `INSERT INTO journal_not_ready (id, practice_id, client_id, text_enc) VALUES ($1, app_practice_id(), $2, $3)`,
          [id, clientId, textEnc],
        );
        tx.audit({
          action: 'journal.not_ready_changed',
          subjectType: 'not_ready_item',
          subjectId: id,
          subjectUserId: clientId,
          details: { change: 'created' },
        });
        const [item] = await findNotReady(tx, clientId, id);
        return { item: item as NonNullable<typeof item> };
      });
    },
  );
};
