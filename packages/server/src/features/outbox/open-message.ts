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
 *
 * A password-reset link signs its holder in as the person it was sent to (a client's private space
 * included), so its body opens only while the message is 'held' — no SMTP, the admin is the courier.
 * Once the mail server has it to deliver, the link is for the addressee alone: refused and audited.
 */
export const RESET_BODY_REFUSED =
  'This password reset e-mail is only for the person it is addressed to, and the mail server delivers it to ' +
  'them, so it cannot be opened here. If it did not arrive, they can ask for a new one from the sign-in page.';

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
        if (row.kind === 'password_reset' && row.status !== 'held') {
          tx.deny(RESET_BODY_REFUSED, { ...event, details: { kind: row.kind, status: row.status } });
        }
        const body = await tx.decrypt(outboxBodyContext(row.id), row.body_enc);
        tx.audit({ ...event, details: { kind: row.kind, status: row.status } });
        return { ...toOutboxMessage(row), body };
      }),
  );
};
