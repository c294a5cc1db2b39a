import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { EntryPage } from './journal-schemas.js';
import { clientTagNames, toSummaries } from './entry-record.js';
import { decodeCursor, encodeCursor, EntryListQuery, fetchRows, searchRows } from './entry-query.js';
import { searchWords } from './entry-text.js';

export const DEFAULT_PAGE = 50;

/**
 * GET /api/journal/entries (client): the client's timeline, newest first, a page at a time; filters
 * by kind, sharing and tag; `q` searches the text of their own entries (every word must occur,
 * regardless of case and accents). Only excerpts are decrypted for the timeline; tags come in the
 * same statement as ids and are named from one read of the client's tags.
 */
export const listEntriesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/journal/entries',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Your journal, newest first: filter by kind, sharing and tag, or search your own entries',
        querystring: EntryListQuery,
        response: withErrors({ 200: EntryPage }),
      },
    },
    async (request) => {
      const { q, cursor, limit: digits, ...filters } = request.query;
      const limit = digits === undefined ? DEFAULT_PAGE : Number(digits);
      const after = decodeCursor(cursor);
      const words = searchWords(q ?? '');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const rows =
          words.length > 0
            ? await searchRows(tx, clientId, filters, after, limit + 1, words)
            : await fetchRows(tx, clientId, filters, after, limit + 1, false);
        const tagNames = await clientTagNames(tx, clientId);
        const page = rows.slice(0, limit);
        const entries = await toSummaries(tx, page, tagNames);
        const last = page.at(-1);
        tx.audit({
          action: words.length > 0 ? 'journal.searched' : 'journal.listed',
          subjectType: 'journal',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { results: entries.length },
        });
        return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
      });
    },
  );
};
