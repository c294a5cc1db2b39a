import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { catalogue } from './instrument-catalogue.js';
import { InstrumentSummary } from './measures-schemas.js';

/**
 * GET /api/measures/instruments (admin, therapist, supervisor): the catalogue — the four built-in
 * instruments and the practice's active imported ones, each with its licence and copyright line.
 * Definitions are not clinical data (no client in them), so reading them is not audited.
 */
export const listInstrumentsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/measures/instruments',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist', 'supervisor'] }),
      schema: {
        tags: ['measures'],
        summary: 'The questionnaires this practice can administer',
        response: withErrors({ 200: Type.Object({ instruments: Type.Array(InstrumentSummary) }) }),
      },
    },
    async (request) => app.ctx.access.run(actorOf(request), async (tx) => ({ instruments: await catalogue(tx) })),
  );
};
