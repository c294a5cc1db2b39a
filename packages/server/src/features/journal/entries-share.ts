import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { Entry, ShareBody } from './journal-schemas.js';
import { decryptEntryText, findEntryRow, NO_SUCH_ENTRY, toEntry } from './entry-record.js';
import { detailsTexts } from './entry-text.js';
import { alertOnEntry } from '../safeguarding/alert-raise.js';
import { lockOwnEntry } from './entry-sharing.js';

/**
 * POST /api/journal/entries/:id/share (client): shares the entry with the therapist, or — when it is
 * shared already — changes whether it is to be brought to the next session (marking it again puts it
 * on the list for the session after now). Sharing runs the risk-language trigger over the entry as a
 * shared one: words the practice's list matches now alert the therapist (features/safeguarding).
 */
export const shareEntryRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/journal/entries/:id/share',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Share an entry with your therapist, and say whether to bring it to the next session',
        params: Type.Object({ id: Uuid }),
        body: ShareBody,
        response: withErrors({ 200: Type.Object({ entry: Entry }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const id = request.params.id;
        const { bringNext } = request.body;
        const event = {
          action: 'journal.entry_shared' as const,
          subjectType: 'journal_entry',
          subjectId: id,
          subjectUserId: clientId,
        };
        const kind = await lockOwnEntry(tx, clientId, id);
        if (!kind) refuse(tx, event, 404, 'not_found', NO_SUCH_ENTRY);
        const share = await tx.query<{ id: string; fresh: boolean }>(
          `INSERT INTO journal_shares (practice_id, client_id, entry_id, kind, bring_next, bring_marked_at)
           VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 THEN now() END)
           ON CONFLICT (entry_id) WHERE withdrawn_at IS NULL
           DO UPDATE SET bring_next = excluded.bring_next, bring_marked_at = excluded.bring_marked_at
           RETURNING id, (xmax = 0) AS fresh`,
          [tx.actor.practiceId, clientId, id, kind, bringNext],
        );
        const row = await findEntryRow(tx, clientId, id);
        if (!row) throw new Error('a locked entry vanished while being shared');
        tx.audit({
          ...event,
          details: { shareId: share.rows[0]?.id ?? null, bringNext, newShare: share.rows[0]?.fresh ?? false },
        });
        const text = await decryptEntryText(tx, row);
        await alertOnEntry(tx, {
          id,
          clientId,
          text: [text.body, ...detailsTexts(text.details)].join('\n'),
          shared: true,
        });
        return { entry: await toEntry(tx, row, text) };
      }),
  );
};
