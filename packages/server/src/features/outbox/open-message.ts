import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { outboxBodyContext } from '../../mail/enqueue-email.js';
import { refuse } from '../../access/refuse.js';
import { findOutboxMessage, OutboxMessage, toOutboxMessage } from './outbox-record.js';

/**
 * GET /api/outbox/:id (admin): one message with its decrypted body. Without SMTP this is how an admin
 * passes on an invitation link by hand, so opening a message is audited as 'outbox.opened'.
 */
export const openMessageRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/outbox/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['outbox'],
        summary: 'Open one e-mail, body included (audited)',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Composite([OutboxMessage, Type.Object({ body: Type.String() })]) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const event = { action: 'outbox.opened' as const, subjectType: 'outbox', subjectId: request.params.id };
        const row = await findOutboxMessage(tx, request.params.id);
        if (!row) refuse(tx, event, 404, 'not_found', 'There is no such message in this practice’s outbox.');
        const body = await tx.decrypt(outboxBodyContext(row.id), row.body_enc);
        tx.audit({ ...event, details: { kind: row.kind, status: row.status } });
        return { ...toOutboxMessage(row), body };
      }),
  );
};
