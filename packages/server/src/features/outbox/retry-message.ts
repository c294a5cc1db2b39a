import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { refuse } from '../../access/refuse.js';
import { findOutboxMessage, OutboxMessage, toOutboxMessage } from './outbox-record.js';

/**
 * POST /api/outbox/:id/retry (admin): put a failed or held message back in the queue with a fresh set
 * of attempts. Without SMTP configured it stays 'held' (there is nothing to send it with).
 */
export const retryMessageRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/outbox/:id/retry',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['outbox'],
        summary: 'Send a failed or held e-mail again (back to pending when SMTP is configured)',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: OutboxMessage }),
      },
    },
    async (request) => {
      const smtpConfigured = app.ctx.config.smtpUrl !== undefined;
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const event = { action: 'outbox.retried' as const, subjectType: 'outbox', subjectId: request.params.id };
        const row = await findOutboxMessage(tx, request.params.id, true);
        if (!row) refuse(tx, event, 404, 'not_found', 'There is no such message in this practice’s outbox.');
        if (row.status === 'sent') {
          refuse(tx, event, 409, 'already_sent', 'This message has already been sent, so there is nothing to retry.');
        }
        const status = smtpConfigured ? 'pending' : 'held';
        await tx.query(
          `UPDATE outbox SET status = $2, attempts = CASE WHEN status = 'pending' THEN attempts ELSE 0 END,
                  next_attempt_at = now() WHERE id = $1`,
          [row.id, status],
        );
        tx.audit({ ...event, details: { from: row.status, to: status, attemptsBefore: row.attempts } });
        const updated = await findOutboxMessage(tx, row.id);
        if (!updated) throw new Error('outbox message vanished during retry');
        return toOutboxMessage(updated);
      });
    },
  );
};
