import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { formatToken, hashSecret, newSecret } from '../../sessions/tokens.js';
import { selfId } from './care-access.js';

/**
 * A therapist's or client's private calendar subscription links. The link holds a secret token
 * (practice id + 256 random bits) shown once, when it is made; only its hash is kept. Turning a link
 * off stops it at once. GET/POST /api/frame/feeds, DELETE /api/frame/feeds/:id.
 */
export const MAX_FEEDS_PER_PERSON = 5;

export const CalendarFeed = Type.Object({
  id: Uuid,
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/calendar/${token}.ics`;
}

const roles = ['therapist', 'client'] as const;

export const manageFeedsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/feeds',
    {
      preHandler: guard(app.ctx.access, { roles: [...roles] }),
      schema: {
        tags: ['frame'],
        summary: 'Your calendar subscription links that are switched on (the links themselves are shown only once)',
        response: withErrors({ 200: Type.Array(CalendarFeed) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const result = await tx.query<{ id: string; created_at: Date; last_used_at: Date | null }>(
          `SELECT id, created_at, last_used_at FROM calendar_feeds
            WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at`,
          [selfId(tx)],
        );
        return result.rows.map((r) => ({
          id: r.id,
          createdAt: r.created_at.toISOString(),
          lastUsedAt: r.last_used_at?.toISOString() ?? null,
        }));
      }),
  );

  app.post(
    '/api/frame/feeds',
    {
      preHandler: guard(app.ctx.access, { roles: [...roles] }),
      schema: {
        tags: ['frame'],
        summary: 'Make a private calendar subscription link; the address is in this answer only',
        body: Type.Object({}, { additionalProperties: false }),
        response: withErrors({ 201: Type.Object({ id: Uuid, url: Type.String() }) }),
      },
    },
    async (request, reply) => {
      const created = await app.ctx.access.run(actorOf(request), async (tx) => {
        const userId = selfId(tx);
        const event = { action: 'frame.feed_created' as const, subjectType: 'calendar_feed' };
        // One change at a time per person, so two clicks cannot pass the limit together.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-feeds:${userId}`]);
        const active = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL',
          [userId],
        );
        if ((active.rows[0]?.n ?? 0) >= MAX_FEEDS_PER_PERSON) {
          refuse(
            tx,
            event,
            409,
            'too_many_feeds',
            `You already have ${MAX_FEEDS_PER_PERSON} calendar links. Turn off one you no longer use before making another.`,
          );
        }
        const secret = newSecret();
        const inserted = await tx.query<{ id: string }>(
          'INSERT INTO calendar_feeds (practice_id, user_id, token_hash) VALUES ($1, $2, $3) RETURNING id',
          [tx.actor.practiceId, userId, hashSecret(secret)],
        );
        const id = inserted.rows[0]?.id;
        if (!id) throw new Error('calendar feed insert returned no id');
        tx.audit({ ...event, subjectId: id });
        return { id, url: feedUrl(app.ctx.config.publicUrl, formatToken(tx.actor.practiceId, secret)) };
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/frame/feeds/:id',
    {
      preHandler: guard(app.ctx.access, { roles: [...roles] }),
      schema: {
        tags: ['frame'],
        summary: 'Turn a calendar subscription link off: calendars using it stop updating at once',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const event = {
          action: 'frame.feed_revoked' as const,
          subjectType: 'calendar_feed',
          subjectId: request.params.id,
        };
        const revoked = await tx.query(
          `UPDATE calendar_feeds SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
          [request.params.id, selfId(tx)],
        );
        if ((revoked.rowCount ?? 0) === 0) {
          refuse(tx, event, 404, 'not_found', 'There is no such calendar link, or it is already turned off.');
        }
        tx.audit(event);
        return { ok: true as const };
      }),
  );
};
