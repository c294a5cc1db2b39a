import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../frame/bank-holidays.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { findBreaks, practiceTimeZone, toBreak } from './breaks-record.js';
import { Break, IsoDate } from './frame-schemas.js';

/**
 * GET /api/frame/bank-holidays (admin): the bank holidays of England and Wales that Undercurrent
 * knows (bundled from gov.uk) still to come and not yet imported, and those already imported as
 * practice breaks.
 */
export const BankHoliday = Type.Object({ date: IsoDate, title: Type.String() });

export const listBankHolidaysRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/bank-holidays',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['frame'],
        summary: 'Bank holidays of England and Wales: those still to import, and those imported as breaks',
        response: withErrors({ 200: Type.Object({ available: Type.Array(BankHoliday), imported: Type.Array(Break) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const today = todayIn(await practiceTimeZone(tx));
        const imported = await findBreaks(tx, { kind: 'bank_holiday' });
        const importedDates = new Set(imported.map((b) => b.starts_on));
        const available = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter(
          (h) => h.date >= today && !importedDates.has(h.date),
        ).map((h) => ({ date: h.date, title: h.title }));
        return { available, imported: imported.map((row) => toBreak(row)) };
      }),
  );
};
