import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import type { AuditDetails } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';

/**
 * GET /api/audit (admin): the practice's audit log, newest first, with the names of the people
 * involved joined in. Cursor pagination on the event id (`before`); filters by action (an exact
 * action such as `auth.sign_in`, or a family such as `auth`), outcome, actor and time range.
 * Looking at the audit log is itself recorded.
 */
const DetailValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  outcome: Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')]),
  subjectType: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  subjectName: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), DetailValue),
});

const Query = Type.Object({
  action: Type.Optional(Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)?$', maxLength: 80 })),
  outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')])),
  actorId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,17}$' })),
  limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })),
});

interface Row {
  id: number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  subject_type: string | null;
  subject_id: string | null;
  subject_name: string | null;
  ip: string | null;
  details: AuditDetails;
}

export const MAX_PAGE = 200;

export const browseAuditRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['audit'],
        summary: 'Browse the practice’s audit log, newest first (cursor: nextBefore)',
        querystring: Query,
        response: withErrors({
          200: Type.Object({
            events: Type.Array(AuditEntry),
            nextBefore: Type.Union([Type.String(), Type.Null()]),
          }),
        }),
      },
    },
    async (request) => {
      const q = request.query;
      const limit = Math.min(Number(q.limit ?? 50), MAX_PAGE);
      for (const [name, value] of [
        ['“From”', q.from],
        ['“To”', q.to],
      ] as const) {
        // RFC 3339 allows the year 0000; PostgreSQL does not (there was no year 0).
        if (value?.startsWith('0000')) {
          throw new HttpError(400, `${name} must be a date in the year 1 or later.`, 'invalid_request');
        }
      }
      if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) {
        throw new HttpError(400, '“From” must be earlier than “to”.', 'invalid_request');
      }
      const action = q.action ?? null;
      const family = action !== null && !action.includes('.');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const result = await tx.query<Row>(
          `SELECT a.id, a.occurred_at, a.actor_user_id, actor.display_name AS actor_name, a.actor_role, a.action,
                  a.outcome, a.subject_type, a.subject_id,
                  coalesce(subject.display_name, inv.display_name) AS subject_name, a.ip, a.details
             FROM audit_events a
             LEFT JOIN users actor ON actor.id = a.actor_user_id
             LEFT JOIN users subject ON subject.id = a.subject_user_id
             LEFT JOIN invitations inv ON a.subject_user_id IS NULL AND a.subject_type = 'invitation'
                                      AND inv.id::text = a.subject_id
            WHERE a.practice_id = $1
              AND ($2::text IS NULL OR (CASE WHEN $3 THEN a.action LIKE $2 || '.%' ELSE a.action = $2 END))
              AND ($4::text IS NULL OR a.outcome = $4)
              AND ($5::uuid IS NULL OR a.actor_user_id = $5)
              AND ($6::timestamptz IS NULL OR a.occurred_at >= $6)
              AND ($7::timestamptz IS NULL OR a.occurred_at < $7)
              AND ($8::bigint IS NULL OR a.id < $8)
            ORDER BY a.id DESC
            LIMIT $9`,
          [
            tx.actor.practiceId,
            action,
            family,
            q.outcome ?? null,
            q.actorId ?? null,
            q.from ?? null,
            q.to ?? null,
            q.before ?? null,
            limit + 1,
          ],
        );
        const more = result.rows.length > limit;
        const rows = more ? result.rows.slice(0, limit) : result.rows;
        tx.audit({
          action: 'audit.browsed',
          details: {
            listed: rows.length,
            action,
            outcome: q.outcome ?? null,
            actorId: q.actorId ?? null,
            from: q.from ?? null,
            to: q.to ?? null,
            before: q.before ?? null,
          },
        });
        return {
          events: rows.map((row) => ({
            id: Number(row.id),
            occurredAt: row.occurred_at.toISOString(),
            actorId: row.actor_user_id,
            actorName: row.actor_name,
            actorRole: row.actor_role,
            action: row.action,
            outcome: row.outcome,
            subjectType: row.subject_type,
            subjectId: row.subject_id,
            subjectName: row.subject_name,
            ip: row.ip,
            details: row.details,
          })),
          nextBefore: more ? String(rows.at(-1)?.id) : null,
        };
      });
    },
  );
};
