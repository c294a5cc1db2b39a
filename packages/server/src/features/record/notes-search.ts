import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { characterCount, searchWords } from '../journal/entry-text.js';
import { iso } from '../journal/entry-record.js';
import { amendmentTextContext, fieldsContext, narrativeContext } from './note-record.js';
import { foldLong, holdsAll, snippetOf } from './notes-search-text.js';
import { NoteStatus } from './record-schemas.js';

export const MAX_QUERY_CHARACTERS = 200;
const DEFAULT_LIMIT = 50;

const SearchResult = Type.Object({
  noteId: Uuid,
  clientId: Uuid,
  clientName: Type.String(),
  sessionStartsAt: Type.String({ format: 'date-time' }),
  status: NoteStatus,
  snippet: Type.String(),
  matchedIn: Type.Union([Type.Literal('narrative'), Type.Literal('fields'), Type.Literal('amendment')]),
});

const SearchAnswer = Type.Object({ results: Type.Array(SearchResult), searched: Type.Integer({ minimum: 0 }) });

interface Row {
  id: string;
  client_id: string;
  client_name: string;
  status: 'draft' | 'signed';
  session_starts_at: Date;
  narrative_enc: string;
  fields_enc: string | null;
  amendments: { id: string; text_enc: string }[];
}

/**
 * GET /api/record/search?q=…&limit= (therapist): searches the progress notes — narrative, structured
 * fields, amendments' text — of the clients currently in my care (my notes and colleagues' notes on
 * them, which row-level security lets me read). Never process notes. The texts are decrypted here,
 * per request, and matched case- and accent-insensitively; every word of q must occur somewhere in
 * the note. Newest first. One audit event per client whose notes are in the answer (no text).
 */
export const searchNotesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/search',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: 'Search the progress notes of my caseload',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 4000 })),
          limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
        }),
        response: withErrors({ 200: SearchAnswer }),
      },
    },
    async (request) => {
      const q = (request.query.q ?? '').trim();
      const words = searchWords(q);
      if (words.length === 0) throw new HttpError(400, 'Type a word or two to search for.', 'empty_query');
      if (characterCount(q) > MAX_QUERY_CHARACTERS) {
        throw new HttpError(
          400,
          `A search can be up to ${MAX_QUERY_CHARACTERS} characters long. Please shorten it.`,
          'query_too_long',
        );
      }
      const limit = Math.min(200, Math.max(1, Number(request.query.limit ?? DEFAULT_LIMIT)));
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const notes = await tx.query<Row>(
          `SELECT n.id, n.client_id, u.display_name AS client_name, n.status, n.session_starts_at,
                  n.narrative_enc, n.fields_enc,
                  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'text_enc', a.text_enc)
                                            ORDER BY a.created_at, a.id)
                              FROM progress_note_amendments a WHERE a.note_id = n.id), '[]'::json) AS amendments
             FROM progress_notes n
             JOIN users u ON u.id = n.client_id
            WHERE n.client_id IN (SELECT c.client_id FROM care_assignments c
                                   WHERE c.therapist_id = $1 AND c.ended_at IS NULL)
            ORDER BY n.session_starts_at DESC, n.id DESC`,
          [tx.actor.userId],
        );
        const memo = new Map<string, string>();
        const results: Static<typeof SearchResult>[] = [];
        for (const n of notes.rows) {
          if (results.length >= limit) break;
          const narrative = await tx.decrypt(narrativeContext(n.id), n.narrative_enc);
          const fields = n.fields_enc
            ? Object.values(JSON.parse(await tx.decrypt(fieldsContext(n.id), n.fields_enc)) as Record<string, string>)
            : [];
          const amendments: string[] = [];
          for (const a of n.amendments) amendments.push(await tx.decrypt(amendmentTextContext(a.id), a.text_enc));
          const parts: [Static<typeof SearchResult>['matchedIn'], string][] = [
            ['narrative', narrative],
            ...fields.map((text) => ['fields', text] as [Static<typeof SearchResult>['matchedIn'], string]),
            ...amendments.map((text) => ['amendment', text] as [Static<typeof SearchResult>['matchedIn'], string]),
          ];
          const folded = parts.map(([, text]) => foldLong(text, memo));
          if (!holdsAll(folded.join('\n'), words)) continue;
          const first = folded.findIndex((text) => words.some((word) => text.includes(word)));
          const [matchedIn, text] = parts[Math.max(0, first)] ?? ['narrative', narrative];
          results.push({
            noteId: n.id,
            clientId: n.client_id,
            clientName: n.client_name,
            sessionStartsAt: iso(n.session_starts_at),
            status: n.status,
            snippet: snippetOf(text, words),
            matchedIn,
          });
        }
        const perClient = new Map<string, number>();
        for (const r of results) perClient.set(r.clientId, (perClient.get(r.clientId) ?? 0) + 1);
        for (const [clientId, count] of perClient) {
          tx.audit({
            action: 'record.notes_listed',
            subjectType: 'user',
            subjectId: clientId,
            subjectUserId: clientId,
            details: { search: true, results: count },
          });
        }
        return { results, searched: notes.rows.length };
      });
    },
  );
};
