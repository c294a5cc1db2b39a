import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { assertNoProblems, type FieldProblem } from '../frame/episodes-field-errors.js';
import { loadLetterhead, saveLetterhead, tidyLetterhead } from './letterhead-record.js';
import { Letterhead } from './letters-schemas.js';

/** What is wrong with a letterhead the admin wants to save (the schema has checked the sizes). */
function letterheadProblems(letterhead: Letterhead): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (letterhead.name === '') problems.push({ field: 'name', message: 'The letterhead needs the practice’s name.' });
  if (letterhead.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(letterhead.email)) {
    problems.push({ field: 'email', message: 'The e-mail address should look like name@example.org.' });
  }
  return problems;
}

/** PUT /api/letters/letterhead (admin): the practice's name, address and contact lines and footer for letters. */
export const putLetterheadRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/letters/letterhead',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['letters'],
        summary: "Save the practice's letterhead",
        body: Letterhead,
        response: withErrors({ 200: Letterhead }),
      },
    },
    async (request) => {
      const letterhead = tidyLetterhead(request.body);
      assertNoProblems(letterheadProblems(letterhead), 'invalid_letterhead');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        await saveLetterhead(tx, letterhead, selfId(tx));
        tx.audit({
          action: 'letters.letterhead_changed',
          subjectType: 'letterhead',
          subjectId: tx.actor.practiceId,
          details: { addressLines: letterhead.addressLines.length },
        });
        return loadLetterhead(tx);
      });
    },
  );
};
