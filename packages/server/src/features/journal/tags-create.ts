import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { Tag, TagName } from './journal-schemas.js';
import { tagNameContext } from './entry-record.js';
import { clientTags, sameTagName } from './tags-record.js';

/**
 * POST /api/journal/tags (client): makes a tag, or answers with the client's existing tag of the same
 * name (whatever its case), so one word never becomes two tags.
 */
export const createTagRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/journal/tags',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Make a tag (or find yours of the same name)',
        body: TagName,
        response: withErrors({ 200: Type.Object({ tag: Tag }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const name = request.body.name.trim().replace(/\s+/gu, ' ');
        const event = {
          action: 'journal.tags_changed' as const,
          subjectType: 'journal_tag',
          subjectUserId: clientId,
        };
        if (!name) refuse(tx, event, 400, 'invalid_request', 'A tag needs a name: type a word or two.');
        // One client's tag names are compared decrypted, so two makers of the same name take turns.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-journal-tags:${clientId}`]);
        const existing = (await clientTags(tx, clientId)).find((t) => sameTagName(t.name, name));
        if (existing) {
          tx.audit({ ...event, subjectId: existing.id, details: { created: false } });
          return { tag: existing };
        }
        const id = crypto.randomUUID();
        await tx.query('INSERT INTO journal_tags (id, practice_id, client_id, name_enc) VALUES ($1, $2, $3, $4)', [
          id,
          tx.actor.practiceId,
          clientId,
          await tx.encrypt('clinical', tagNameContext(id), name),
        ]);
        tx.audit({ ...event, subjectId: id, details: { created: true } });
        return { tag: { id, name, count: 0 } };
      }),
  );
};
