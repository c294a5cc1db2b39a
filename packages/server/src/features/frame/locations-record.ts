import type { Scoped } from '../../access/access-layer.js';
import type { Location } from './frame-schemas.js';

/** Rooms and online meeting places of the practice, shared by its therapists. */
interface LocationRow {
  id: string;
  name: string;
  kind: 'room' | 'online';
  address: string | null;
  archived_at: Date | null;
}

export function toLocation(row: LocationRow): Location {
  return { id: row.id, name: row.name, kind: row.kind, address: row.address, archived: row.archived_at !== null };
}

export async function findLocations(
  tx: Scoped,
  filter: { id?: string; kind?: 'room' | 'online'; includeArchived?: boolean } = {},
): Promise<Location[]> {
  const result = await tx.query<LocationRow>(
    `SELECT id, name, kind, address, archived_at FROM locations
      WHERE ($1::uuid IS NULL OR id = $1) AND ($2::text IS NULL OR kind = $2)
        AND ($3::boolean OR archived_at IS NULL)
      ORDER BY archived_at IS NOT NULL, lower(name), id`,
    [filter.id ?? null, filter.kind ?? null, filter.includeArchived ?? true],
  );
  return result.rows.map(toLocation);
}

export async function findLocation(tx: Scoped, id: string): Promise<Location | undefined> {
  const [found] = await findLocations(tx, { id });
  return found;
}

/** Location names are unique among the practice's live locations; changes are decided one at a time. */
export async function lockLocations(tx: Scoped): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-locations:${tx.actor.practiceId}`]);
}

export async function nameTaken(tx: Scoped, name: string, exceptId?: string): Promise<boolean> {
  const result = await tx.query(
    `SELECT 1 FROM locations WHERE lower(name) = lower($1) AND archived_at IS NULL AND ($2::uuid IS NULL OR id <> $2)`,
    [name, exceptId ?? null],
  );
  return (result.rowCount ?? 0) > 0;
}
