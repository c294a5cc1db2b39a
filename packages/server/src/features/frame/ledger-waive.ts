import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from './care-access.js';
import { fitDescription } from './charges-format.js';
import { LedgerEntry } from './frame-schemas.js';
import { findLedgerEntries, insertReversal } from './ledger-record.js';

/**
 * POST /api/frame/ledger/:entryId/waive (therapist): waives one of your charges to one of your
 * clients — a reversal entry with the opposite amount and the reason. The charge itself stays in
 * the ledger (it is append-only); a charge is waived once.
 */
export const waiveChargeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/ledger/:entryId/waive',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Waive one charge (a reversing entry with your reason)',
        params: Type.Object({ entryId: Uuid }),
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: withErrors({ 200: LedgerEntry }),
      },
    },
    async (request) => {
      const reason = request.body.reason.trim();
      if (!reason) throw new HttpError(400, 'Say why the charge is waived; the client sees it.', 'invalid_request');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const event = {
          action: 'frame.charge_waived' as const,
          subjectType: 'ledger_entry',
          subjectId: request.params.entryId,
        };
        const [entry] = await findLedgerEntries(tx, { ids: [request.params.entryId] });
        if (!entry || entry.therapistId !== tx.actor.userId) {
          refuse(tx, event, 404, 'not_found', 'There is no such charge among yours.');
        }
        await requireOwnClient(tx, entry.view.clientId, 'frame.charge_waived');
        // Charges of one client are changed one at a time.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-charges:${entry.view.clientId}`]);
        const subject = { ...event, subjectUserId: entry.view.clientId };
        if (entry.view.kind === 'reversal') {
          refuse(tx, subject, 409, 'is_reversal', 'This entry already reverses another; it cannot be waived.');
        }
        const [fresh] = await findLedgerEntries(tx, { ids: [entry.view.id] });
        if (fresh?.reversed) {
          refuse(tx, subject, 409, 'already_reversed', 'This charge has already been waived or reversed.');
        }
        const id = await insertReversal(tx, entry, fitDescription(`Waived: ${entry.view.description} (${reason})`));
        tx.audit({ ...subject, details: { amountPence: -entry.view.amountPence } });
        const [written] = await findLedgerEntries(tx, { ids: [id] });
        if (!written) throw new Error('the ledger entry vanished');
        return written.view;
      });
    },
  );
};
