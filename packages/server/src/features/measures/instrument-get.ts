import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { builtinSummary, practiceSummary, resolveInstrument } from './instrument-catalogue.js';
import { Instrument, InstrumentIdParam } from './measures-schemas.js';

/**
 * GET /api/measures/instruments/:instrumentId[?version=N] (admin, therapist, supervisor): one
 * instrument's definition — stem, items, answer options, licence and copyright line — the active
 * version, or the version asked for (answers pin theirs).
 */
export const getInstrumentRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/measures/instruments/:instrumentId',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist', 'supervisor'] }),
      schema: {
        tags: ['measures'],
        summary: 'One questionnaire definition',
        params: Type.Object({ instrumentId: InstrumentIdParam }),
        querystring: Type.Object({ version: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$' })) }),
        response: withErrors({ 200: Type.Object({ instrument: Instrument }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const version = request.query.version === undefined ? undefined : Number(request.query.version);
        const found = await resolveInstrument(tx, request.params.instrumentId, version);
        if (!found) {
          throw new HttpError(
            404,
            'There is no such questionnaire in this practice (or no such version of it).',
            'not_found',
          );
        }
        return {
          instrument: {
            summary: found.row ? practiceSummary(found.row) : builtinSummary(found.definition),
            definition: found.definition,
          },
        };
      }),
  );
};
