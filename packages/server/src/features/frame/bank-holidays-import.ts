import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../frame/bank-holidays.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { cancelSessionsForBreaks, findBreaks, insertBreak, practiceTimeZone, type BreakRow } from './breaks-record.js';
import { formatLongDate } from './charges-format.js';
import { IsoDate } from './frame-schemas.js';

/**
 * POST /api/frame/bank-holidays/import (admin): makes the chosen bank holidays practice breaks.
 * Like any practice closure, each cancels the sessions on its day; each client is told once for
 * the whole import. Dates already imported are skipped.
 */
export const importBankHolidaysRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/bank-holidays/import',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['frame'],
        summary: 'Import bank holidays as practice breaks (their sessions are cancelled)',
        body: Type.Object(
          { dates: Type.Array(IsoDate, { minItems: 1, maxItems: 100 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ added: Type.Integer(), cancelledSessions: Type.Integer() }) }),
      },
    },
    async (request) => {
      const known = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => [h.date, h.title]));
      const dates = [...new Set(request.body.dates)].sort();
      const unknown = dates.filter((d) => !known.has(d));
      if (unknown.length > 0) {
        throw new HttpError(
          400,
          `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a bank holiday' : 'are not bank holidays'} ` +
            'of England and Wales that Undercurrent knows.',
          'invalid_request',
        );
      }
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const today = todayIn(await practiceTimeZone(tx));
        const past = dates.filter((d) => d < today);
        if (past.length > 0) {
          throw new HttpError(
            400,
            `${formatLongDate(past[0] ?? today)} has passed; choose bank holidays still to come.`,
            'invalid_request',
          );
        }
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `undercurrent-bank-holidays:${tx.actor.practiceId}`,
        ]);
        const already = new Set((await findBreaks(tx, { kind: 'bank_holiday' })).map((b) => b.starts_on));
        const added: BreakRow[] = [];
        for (const date of dates) {
          if (already.has(date)) continue;
          added.push(
            await insertBreak(tx, {
              kind: 'bank_holiday',
              therapistId: null,
              title: known.get(date) ?? 'Bank holiday',
              startsOn: date,
              endsOn: date,
            }),
          );
        }
        const counts = await cancelSessionsForBreaks(tx, added, {
          smtpConfigured: Boolean(app.ctx.config.smtpUrl),
          publicUrl: app.ctx.config.publicUrl,
        });
        const cancelledSessions = [...counts.values()].reduce((sum, n) => sum + n, 0);
        tx.audit({
          action: 'frame.bank_holidays_imported',
          subjectType: 'practice',
          subjectId: tx.actor.practiceId,
          details: { added: added.length, skipped: dates.length - added.length, cancelledSessions },
        });
        return { added: added.length, cancelledSessions };
      });
    },
  );
};
