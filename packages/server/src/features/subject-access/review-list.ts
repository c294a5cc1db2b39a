import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { inTurn } from '../journal/entry-record.js';
import { authorId } from '../record/process-note-record.js';
import { deadlineOf } from './due-date.js';
import { practiceToday, type RequestRow } from './request-record.js';
import { authorNotesFor, toReviewNote } from './review-record.js';
import { Review } from './subject-access-schemas.js';

/**
 * GET /api/subject-access/reviews (therapist): the open subject access requests about clients the
 * signed-in therapist has written process notes about, each with those notes (theirs alone, with
 * their text) and what they decided for the request. A note no one has decided on stays out of the
 * pack. The audit event does not name the client, so their "who opened my record" never reveals that
 * process notes exist.
 */
export const listReviewsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/subject-access/reviews',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Your process notes to review for open subject access requests (only you can read them)',
        response: withErrors({ 200: Type.Object({ reviews: Type.Array(Review) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const requests = await tx.query<
          Pick<RequestRow, 'id' | 'client_id' | 'client_name' | 'received_on' | 'due_on' | 'extended_due_on' | 'status'>
        >(
          `SELECT r.id, r.client_id, c.display_name AS client_name, to_char(r.received_on, 'YYYY-MM-DD') AS received_on,
                  to_char(r.due_on, 'YYYY-MM-DD') AS due_on, to_char(r.extended_due_on, 'YYYY-MM-DD') AS extended_due_on,
                  r.status
             FROM subject_access_requests r
             JOIN users c ON c.practice_id = r.practice_id AND c.id = r.client_id
            WHERE r.status IN ('received', 'in_preparation', 'pack_ready')
              AND EXISTS (SELECT 1 FROM process_notes p WHERE p.client_id = r.client_id AND p.author_id = $1)
            ORDER BY coalesce(r.extended_due_on, r.due_on), r.received_on, r.id`,
          [authorId(tx)],
        );
        const today = await practiceToday(tx);
        const reviews = await inTurn(requests.rows, async (r) => {
          const rows = await authorNotesFor(tx, r.id, r.client_id);
          return {
            requestId: r.id,
            client: { id: r.client_id, displayName: r.client_name },
            receivedOn: r.received_on,
            dueOn: deadlineOf(r.due_on, r.extended_due_on, true, today).dueOn,
            status: r.status,
            notes: await inTurn(rows, (row) => toReviewNote(tx, r.id, row)),
          };
        });
        tx.audit({
          action: 'subject_access.reviews_listed',
          subjectType: 'subject_access_reviews',
          details: { requests: reviews.length, notes: reviews.reduce((n, r) => n + r.notes.length, 0) },
        });
        return { reviews };
      }),
  );
};
