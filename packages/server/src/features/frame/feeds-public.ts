import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { refuse } from '../../access/refuse.js';
import { requestActor } from '../../http/authenticate.js';
import { PerAddressLimit } from '../../http/per-address-limit.js';
import { buildCalendar } from '../../frame/ical.js';
import { hashSecret, parseToken } from '../../sessions/tokens.js';
import { feedAppointments, toIcsEvent } from './ics-events.js';

/**
 * GET /calendar/<token>.ics: the subscription feed a calendar app polls. No cookie (calendar apps
 * have none): the secret token in the address is the credential. Outside /api, so the session and
 * CSRF hooks leave it alone. An unknown, revoked or mistyped token, a token of another practice and a
 * person whose account is switched off all get the same 404, so the answer never says which.
 */
export const FEED_NOT_FOUND =
  'There is no calendar at this address. The link may have been turned off; make a new one in Undercurrent.';

/** Calendar apps poll every few minutes to hours; many users of one service can share an address. */
export const FEED_READS_PER_MINUTE = 300;

export const publicFeedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const reads = new PerAddressLimit(FEED_READS_PER_MINUTE, 60_000);

  app.get(
    '/calendar/:token.ics',
    {
      schema: {
        tags: ['frame', 'public'],
        summary: 'A private calendar subscription (iCalendar); the address is the credential',
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: {
          200: {
            description: 'The calendar (text/calendar)',
            content: { 'text/calendar': { schema: Type.String() } },
          },
          404: Type.Ref('ErrorResponse'),
          429: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request, reply) => {
      const wait = reads.take(request.ip);
      if (wait > 0) {
        reply.header('Retry-After', String(wait));
        throw new HttpError(
          429,
          `Too many calendar requests from this address. Try again in ${wait} seconds.`,
          'too_many_attempts',
        );
      }
      const token = parseToken(request.params.token);
      if (!token) throw new HttpError(404, FEED_NOT_FOUND, 'not_found');
      const { config } = app.ctx;
      const body = await app.ctx.access.run(requestActor(request, token.practiceId), async (tx) => {
        const practice = await tx.query<{ name: string }>('SELECT name FROM practices WHERE id = $1', [
          token.practiceId,
        ]);
        const practiceName = practice.rows[0]?.name;
        // No such practice: nothing to record, and nowhere to record it.
        if (!practiceName) throw new HttpError(404, FEED_NOT_FOUND, 'not_found');
        const found = await tx.query<{ id: string; user_id: string; revoked: boolean; active: boolean }>(
          `SELECT f.id, f.user_id, f.revoked_at IS NOT NULL AS revoked, u.status = 'active' AS active
             FROM calendar_feeds f JOIN users u ON u.id = f.user_id
            WHERE f.token_hash = $1`,
          [hashSecret(token.secret)],
        );
        const feed = found.rows[0];
        const event = {
          action: 'frame.feed_read' as const,
          subjectType: 'calendar_feed',
          ...(feed ? { subjectId: feed.id } : {}),
        };
        if (!feed || feed.revoked || !feed.active) refuse(tx, event, 404, 'not_found', FEED_NOT_FOUND);
        const rows = await feedAppointments(tx, feed.user_id);
        // Calendar apps poll often: note the use at most every five minutes, not on every read.
        await tx.query(
          `UPDATE calendar_feeds SET last_used_at = now()
            WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '5 minutes')`,
          [feed.id],
        );
        tx.audit({ ...event, details: { count: rows.length, userId: feed.user_id } });
        return buildCalendar({
          name: `${practiceName}: sessions`,
          events: rows.map((row) => toIcsEvent(row, feed.user_id, config.publicUrl)),
        });
      });
      return reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Cache-Control', 'private, max-age=300')
        .header('Content-Disposition', 'inline; filename="undercurrent.ics"')
        .send(body);
    },
  );
};
