import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { builtinInstrument, validateDefinition } from '@undercurrent/clinical';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { FieldsError } from '../frame/episodes-field-errors.js';
import { definitionById, practiceSummary } from './instrument-catalogue.js';
import { InstrumentSummary } from './measures-schemas.js';

/** The largest definition accepted (CORE-OM, 34 items, is about 10 KB as JSON). */
export const IMPORT_BODY_LIMIT = 256 * 1024;

/**
 * POST /api/measures/instruments (admin): imports a definition (the JSON itself is the body) of an
 * instrument the practice is licensed to use. Checked by `validateDefinition`: every problem is
 * answered at once, as a 400 listing each with its path. An id of a built-in instrument is refused;
 * importing an id the practice already has adds the next version and retires the one before (answers
 * keep pointing at the version they were given against).
 */
export const importInstrumentRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/measures/instruments',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['measures'],
        summary: 'Import a questionnaire definition the practice is licensed to use',
        body: Type.Unknown({ description: 'The instrument definition (packages/clinical format)' }),
        response: withErrors({ 200: Type.Object({ instrument: InstrumentSummary }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const event: AuditInput = { action: 'measures.instrument_imported', subjectType: 'instrument_definition' };
        const checked = validateDefinition(request.body);
        if (!checked.ok) {
          tx.audit({ ...event, outcome: 'failure', details: { reason: 'invalid', problems: checked.errors.length } });
          const count = checked.errors.length;
          const error = new FieldsError(
            checked.errors.map((e) => ({ field: e.path === '' ? 'definition' : e.path, message: e.message })),
            'invalid_definition',
          );
          error.message =
            `The definition cannot be imported: ${count === 1 ? 'one problem' : `${count} problems`} to fix. ` +
            checked.errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join(' ');
          throw error;
        }
        const definition = checked.definition;
        if (builtinInstrument(definition.id)) {
          refuse(
            tx,
            { ...event, details: { instrumentId: definition.id } },
            409,
            'builtin_id',
            `"${definition.id}" is the id of a questionnaire built into Undercurrent. Give your definition an id of its own, for example "${definition.id}-practice".`,
          );
        }
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('instrument:' || app_practice_id()::text || $1))`, [
          definition.id,
        ]);
        const previous = await tx.query<{ id: string; version: number; retired_at: Date | null }>(
          `SELECT id, version, retired_at FROM instrument_definitions WHERE instrument_id = $1 ORDER BY version DESC`,
          [definition.id],
        );
        const version = (previous.rows[0]?.version ?? 0) + 1;
        const superseded = previous.rows.find((r) => r.retired_at === null);
        if (superseded) {
          await tx.query(`UPDATE instrument_definitions SET retired_at = now(), retired_by = $2 WHERE id = $1`, [
            superseded.id,
            selfId(tx),
          ]);
        }
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO instrument_definitions (practice_id, instrument_id, version, definition, imported_by)
           VALUES (app_practice_id(), $1, $2, $3::jsonb, $4) RETURNING id`,
          [definition.id, version, JSON.stringify(definition), selfId(tx)],
        );
        const id = inserted.rows[0]?.id;
        const row = id ? await definitionById(tx, id) : undefined;
        if (!row) throw new Error('an imported definition cannot be read back');
        tx.audit({
          ...event,
          subjectId: row.id,
          details: {
            instrumentId: definition.id,
            version,
            items: definition.items.length,
            superseded: Boolean(superseded),
          },
        });
        return { instrument: practiceSummary(row) };
      }),
  );
};
