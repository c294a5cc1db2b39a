import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { OUTBOX_COLUMNS, OutboxMessage, OutboxStatus, toOutboxMessage, type OutboxRow } from './outbox-record.js';

/** GET /api/outbox (admin): every e-mail the practice sent or tried to send, newest first. */
export const OUTBOX_LIST_LIMIT = 500;

export const listOutboxRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/outbox',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['outbox'],
        summary: `The practice’s e-mails, newest first (at most ${OUTBOX_LIST_LIMIT}); bodies are not included`,
        querystring: Type.Object({ status: Type.Optional(OutboxStatus) }),
        response: withErrors({ 200: Type.Array(OutboxMessage) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const result = await tx.query<OutboxRow>(
          `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE ($1::text IS NULL OR status = $1)
            ORDER BY created_at DESC, id LIMIT $2`,
          [request.query.status ?? null, OUTBOX_LIST_LIMIT],
        );
        tx.audit({
          action: 'outbox.listed',
          details: { listed: result.rows.length, status: request.query.status ?? null },
        });
        return result.rows.map(toOutboxMessage);
      }),
  );
};
