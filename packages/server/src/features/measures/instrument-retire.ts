import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { builtinInstrument } from '@undercurrent/clinical';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { definitionById, practiceSummary, resolveInstrument } from './instrument-catalogue.js';
import { InstrumentIdParam, InstrumentSummary } from './measures-schemas.js';

/**
 * POST /api/measures/instruments/:instrumentId/retire (admin): takes the practice's instrument out
 * of the catalogue. The definition is kept — never deleted or changed — so answers already given
 * against it can still be read and scored; importing the id again makes it active as a new version.
 */
export const retireInstrumentRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/measures/instruments/:instrumentId/retire',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['measures'],
        summary: 'Retire an imported questionnaire (kept for the answers given with it)',
        params: Type.Object({ instrumentId: InstrumentIdParam }),
        response: withErrors({ 200: Type.Object({ instrument: InstrumentSummary }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const instrumentId = request.params.instrumentId;
        const event: AuditInput = {
          action: 'measures.instrument_retired',
          subjectType: 'instrument_definition',
          details: { instrumentId },
        };
        if (builtinInstrument(instrumentId)) {
          refuse(
            tx,
            event,
            400,
            'builtin',
            'The built-in questionnaires are part of Undercurrent and cannot be retired.',
          );
        }
        const found = await resolveInstrument(tx, instrumentId);
        if (!found?.row) {
          refuse(tx, event, 404, 'not_found', 'This practice has no active questionnaire with that id.');
        }
        await tx.query(`UPDATE instrument_definitions SET retired_at = now(), retired_by = $2 WHERE id = $1`, [
          found.row.id,
          selfId(tx),
        ]);
        const row = await definitionById(tx, found.row.id);
        if (!row) throw new Error('a retired definition cannot be read back');
        tx.audit({ ...event, subjectId: row.id, details: { instrumentId, version: row.version } });
        return { instrument: practiceSummary(row) };
      }),
  );
};
