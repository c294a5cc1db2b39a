import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { Entry, EntryTagsBody } from './journal-schemas.js';
import { findEntryRow, NO_SUCH_ENTRY, toEntry } from './entry-record.js';
import { lockOwnEntry } from './entry-sharing.js';

/**
 * PUT /api/journal/entries/:id/tags (client): sets the entry's tags to exactly these (each must be the
 * client's own). Tags are the client's alone; they do not change the entry's version or its date of
 * last change, so a device editing the text meanwhile is not put in conflict.
 */
export const setEntryTagsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/journal/entries/:id/tags',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Set the tags of one of your entries',
        params: Type.Object({ id: Uuid }),
        body: EntryTagsBody,
        response: withErrors({ 200: Type.Object({ entry: Entry }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const id = request.params.id;
        const tagIds = [...new Set(request.body.tagIds.map((t) => t.toLowerCase()))];
        const event = {
          action: 'journal.tags_changed' as const,
          subjectType: 'journal_entry',
          subjectId: id,
          subjectUserId: clientId,
        };
        if (!(await lockOwnEntry(tx, clientId, id))) refuse(tx, event, 404, 'not_found', NO_SUCH_ENTRY);
        // Held, so a tag being deleted meanwhile waits rather than vanishing under the new link.
        const own = await tx.query(
          'SELECT id FROM journal_tags WHERE client_id = $1 AND id = ANY ($2::uuid[]) FOR KEY SHARE',
          [clientId, tagIds],
        );
        if (own.rowCount !== tagIds.length) {
          refuse(
            tx,
            event,
            400,
            'unknown_tag',
            'One of these tags is not among yours (it may have been deleted). Please choose again.',
          );
        }
        await tx.query('DELETE FROM journal_entry_tags WHERE entry_id = $1 AND NOT (tag_id = ANY ($2::uuid[]))', [
          id,
          tagIds,
        ]);
        await tx.query(
          `INSERT INTO journal_entry_tags (practice_id, entry_id, tag_id, client_id)
           SELECT $1, $2, unnest($3::uuid[]), $4 ON CONFLICT DO NOTHING`,
          [tx.actor.practiceId, id, tagIds, clientId],
        );
        const row = await findEntryRow(tx, clientId, id);
        if (!row) throw new Error('a locked entry vanished while its tags changed');
        tx.audit({ ...event, details: { tags: tagIds.length } });
        return { entry: await toEntry(tx, row) };
      }),
  );
};
