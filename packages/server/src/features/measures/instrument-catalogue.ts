import { BUILTIN_INSTRUMENTS, builtinInstrument, type InstrumentDefinition } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import { iso } from '../journal/entry-record.js';
import type { InstrumentSummary } from './measures-schemas.js';

/** A definition the practice imported, as stored (one row per version). */
export interface DefinitionRow {
  id: string;
  instrument_id: string;
  version: number;
  definition: InstrumentDefinition;
  imported_at: Date;
  imported_by: string;
  importer_name: string;
  retired_at: Date | null;
}

const DEFINITION_COLUMNS = `d.id, d.instrument_id, d.version, d.definition, d.imported_at, d.imported_by,
  u.display_name AS importer_name, d.retired_at`;

/** An instrument ready to administer or read: its definition, and the practice version pinned. */
export interface ResolvedInstrument {
  definition: InstrumentDefinition;
  /** The practice's row, or null for a built-in instrument. */
  row: DefinitionRow | null;
}

export function builtinSummary(def: InstrumentDefinition): InstrumentSummary {
  return {
    instrumentId: def.id,
    name: def.name,
    title: def.title,
    source: 'builtin',
    version: null,
    definitionId: null,
    status: 'active',
    itemCount: def.items.length,
    copyright: def.licence.copyright,
    terms: def.licence.terms,
    url: def.licence.url ?? null,
    importedAt: null,
    importedBy: null,
  };
}

export function practiceSummary(row: DefinitionRow): InstrumentSummary {
  const def = row.definition;
  return {
    instrumentId: row.instrument_id,
    name: def.name,
    title: def.title,
    source: 'practice',
    version: row.version,
    definitionId: row.id,
    status: row.retired_at ? 'retired' : 'active',
    itemCount: def.items.length,
    copyright: def.licence.copyright,
    terms: def.licence.terms,
    url: def.licence.url ?? null,
    importedAt: iso(row.imported_at),
    importedBy: { id: row.imported_by, displayName: row.importer_name },
  };
}

/** The practice's active definitions (the newest version of each instrument not retired). */
export async function activeDefinitions(tx: Scoped): Promise<DefinitionRow[]> {
  const found = await tx.query<DefinitionRow>(
    `SELECT ${DEFINITION_COLUMNS} FROM instrument_definitions d JOIN users u ON u.id = d.imported_by
      WHERE d.retired_at IS NULL ORDER BY d.instrument_id`,
  );
  return found.rows;
}

/** The built-in instruments, then the practice's active ones. */
export async function catalogue(tx: Scoped): Promise<InstrumentSummary[]> {
  return [...BUILTIN_INSTRUMENTS.map(builtinSummary), ...(await activeDefinitions(tx)).map(practiceSummary)];
}

/** A practice definition by its row id (any version, retired or not). */
export async function definitionById(tx: Scoped, id: string): Promise<DefinitionRow | undefined> {
  const found = await tx.query<DefinitionRow>(
    `SELECT ${DEFINITION_COLUMNS} FROM instrument_definitions d JOIN users u ON u.id = d.imported_by WHERE d.id = $1`,
    [id],
  );
  return found.rows[0];
}

/**
 * An instrument by id: a built-in one, or the practice's — the given version, else the active one.
 * Undefined when there is no such instrument (or version).
 */
export async function resolveInstrument(
  tx: Scoped,
  instrumentId: string,
  version?: number | null,
): Promise<ResolvedInstrument | undefined> {
  const builtin = builtinInstrument(instrumentId);
  if (builtin) return { definition: builtin, row: null };
  const found = await tx.query<DefinitionRow>(
    `SELECT ${DEFINITION_COLUMNS} FROM instrument_definitions d JOIN users u ON u.id = d.imported_by
      WHERE d.instrument_id = $1 AND (CASE WHEN $2::int IS NULL THEN d.retired_at IS NULL ELSE d.version = $2::int END)`,
    [instrumentId, version ?? null],
  );
  const row = found.rows[0];
  return row ? { definition: row.definition, row } : undefined;
}
