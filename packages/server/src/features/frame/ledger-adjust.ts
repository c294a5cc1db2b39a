import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from './care-access.js';
import { LedgerEntry } from './frame-schemas.js';
import { findLedgerEntries, insertLedgerEntry, practiceCurrency } from './ledger-record.js';

/**
 * POST /api/frame/clients/:clientId/ledger (therapist): an adjustment to a client's ledger — a
 * charge (positive pence) or a credit (negative), with a description both of you will see.
 */
export const adjustLedgerRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/clients/:clientId/ledger',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Add an adjustment to a client’s ledger: a charge (positive) or a credit (negative)',
        params: Type.Object({ clientId: Uuid }),
        body: Type.Object(
          {
            amountPence: Type.Integer({ minimum: -10_000_000, maximum: 10_000_000 }),
            description: Type.String({ minLength: 1, maxLength: 300 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: LedgerEntry }),
      },
    },
    async (request) => {
      const { amountPence } = request.body;
      const description = request.body.description.trim();
      if (amountPence === 0) {
        throw new HttpError(
          400,
          'An adjustment needs an amount: positive to charge, negative to credit.',
          'invalid_request',
        );
      }
      if (!description) {
        throw new HttpError(400, 'Say what the adjustment is for; the client sees it.', 'invalid_request');
      }
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const { clientId } = request.params;
        await requireOwnClient(tx, clientId, 'frame.ledger_adjusted');
        const id = await insertLedgerEntry(tx, {
          clientId,
          therapistId: selfId(tx),
          appointmentId: null,
          kind: 'adjustment',
          amountPence,
          currency: await practiceCurrency(tx),
          description,
        });
        tx.audit({
          action: 'frame.ledger_adjusted',
          subjectType: 'ledger_entry',
          subjectId: id,
          subjectUserId: clientId,
          details: { amountPence },
        });
        const [entry] = await findLedgerEntries(tx, { ids: [id] });
        if (!entry) throw new Error('the ledger entry vanished');
        return entry.view;
      });
    },
  );
};
