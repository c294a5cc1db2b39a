import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { SharedSummary } from './journal-schemas.js';
import { LAST_SESSION_LATERAL, UNREAD } from './shared-record.js';

/**
 * GET /api/journal/shared-summary (therapist): for each client currently in my care, how many live
 * shares I have not read (or that changed since I read them) and how many they want to bring to
 * the next session. Counts only: no text is read.
 */
export const sharedSummaryRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/journal/shared-summary',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['journal'],
        summary: 'Unread and to-bring counts of shared journal entries across my caseload',
        response: withErrors({ 200: SharedSummary }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const therapistId = selfId(tx);
        const result = await tx.query<{ client_id: string; unread: number; to_bring: number }>(
          `SELECT ca.client_id,
                  count(s.id) FILTER (WHERE r.read_at IS NULL OR r.read_at = '${UNREAD}' OR r.read_at < e.updated_at)::int
                    AS unread,
                  count(s.id) FILTER (WHERE s.bring_next AND (last.starts_at IS NULL OR s.bring_marked_at > last.starts_at))::int
                    AS to_bring
             FROM (SELECT DISTINCT client_id FROM care_assignments WHERE therapist_id = $1 AND ended_at IS NULL) ca
             ${LAST_SESSION_LATERAL}
             LEFT JOIN journal_shares s ON s.client_id = ca.client_id AND s.withdrawn_at IS NULL
             LEFT JOIN journal_reads r ON r.share_id = s.id AND r.therapist_id = $1
             LEFT JOIN journal_entries e ON e.id = s.entry_id
            GROUP BY ca.client_id, last.starts_at
            ORDER BY ca.client_id`,
          [therapistId, new Date()],
        );
        const clients = result.rows.map((r) => ({ clientId: r.client_id, unread: r.unread, toBring: r.to_bring }));
        tx.audit({
          action: 'journal.shared_listed',
          subjectType: 'journal',
          details: {
            scope: 'caseload',
            clients: clients.length,
            unread: clients.reduce((n, c) => n + c.unread, 0),
            toBring: clients.reduce((n, c) => n + c.toBring, 0),
          },
        });
        return { clients };
      }),
  );
};
