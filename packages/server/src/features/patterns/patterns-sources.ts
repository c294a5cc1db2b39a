import type { PatternEntry } from '@undercurrent/clinical/patterns';
import type { Scoped } from '../../access/access-layer.js';
import { fieldsContext, narrativeContext } from '../record/note-record.js';

/**
 * The material the pattern aids read, decrypted inside the caller's transaction. Each query names
 * exactly what it may take, and row-level security checks the same again:
 *
 * - `staffMaterial`: the client's entries with a live (not withdrawn) share, and the progress notes of
 *   that client the therapist may read (the narrative as a session note, the countertransference
 *   field as 'countertransference'). A private or withdrawn entry is never selected, so it is never
 *   decrypted, analysed or folded for a staff view.
 * - `ownMaterial`: all of the signed-in client's own entries (shared ones as 'shared', the rest as
 *   'private'); never a note.
 *
 * `link` is the page the person may open for each passage, so every citation resolves.
 */
export interface Material {
  entry: PatternEntry;
  version: number;
  link: string;
  /** The dream's body, for the dream coding (dreams only). */
  dream: boolean;
}

interface EntryRow {
  id: string;
  kind: string;
  version: number;
  body_enc: string;
  day: string;
  share_id: string | null;
}

const ENTRY_DAY = `coalesce(e.dreamt_on::text, to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'))`;

/** The defences the therapist rated in a note, for the ODF trend. */
export interface RatedNote {
  noteId: string;
  day: string;
  defences: string[];
}

export async function staffMaterial(
  tx: Scoped,
  clientId: string,
): Promise<{ material: Material[]; rated: RatedNote[] }> {
  const entries = await tx.query<EntryRow>(
    `SELECT e.id, e.kind, e.version, e.body_enc, ${ENTRY_DAY} AS day, s.id AS share_id
       FROM journal_entries e
       JOIN journal_shares s ON s.entry_id = e.id AND s.client_id = e.client_id AND s.withdrawn_at IS NULL
      WHERE e.client_id = $1
      ORDER BY e.created_at, e.id`,
    [clientId],
  );
  const material: Material[] = [];
  for (const row of entries.rows) {
    const text = await tx.decrypt(`journal_entries.body_enc:${row.id}`, row.body_enc);
    material.push({
      entry: { id: row.id, kind: row.kind === 'dream' ? 'dream' : 'journal', date: row.day, text, source: 'shared' },
      version: row.version,
      link: `/clients/${clientId}/journal/${row.share_id}`,
      dream: row.kind === 'dream',
    });
  }
  const notes = await tx.query<{
    id: string;
    version: number;
    narrative_enc: string;
    fields_enc: string | null;
    day: string;
    defences: { defence: string }[];
  }>(
    `SELECT n.id, n.version, n.narrative_enc, n.fields_enc, n.defences,
            to_char(n.session_starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
       FROM progress_notes n
      WHERE n.client_id = $1
      ORDER BY n.session_starts_at, n.id`,
    [clientId],
  );
  const rated: RatedNote[] = [];
  for (const row of notes.rows) {
    if (row.defences.length > 0)
      rated.push({ noteId: row.id, day: row.day, defences: row.defences.map((d) => d.defence) });
    const link = `/clients/${clientId}/notes/${row.id}`;
    const narrative = await tx.decrypt(narrativeContext(row.id), row.narrative_enc);
    if (narrative.trim()) {
      material.push({
        entry: { id: row.id, kind: 'session_note', date: row.day, text: narrative, source: 'therapist' },
        version: row.version,
        link,
        dream: false,
      });
    }
    const fields = row.fields_enc
      ? (JSON.parse(await tx.decrypt(fieldsContext(row.id), row.fields_enc)) as Record<string, unknown>)
      : {};
    const countertransference = fields['countertransference'];
    if (typeof countertransference === 'string' && countertransference.trim()) {
      material.push({
        entry: {
          id: `${row.id}:countertransference`,
          kind: 'countertransference',
          date: row.day,
          text: countertransference,
          source: 'therapist',
        },
        version: row.version,
        link,
        dream: false,
      });
    }
  }
  return { material, rated };
}

export async function ownMaterial(tx: Scoped, clientId: string): Promise<Material[]> {
  const entries = await tx.query<EntryRow>(
    `SELECT e.id, e.kind, e.version, e.body_enc, ${ENTRY_DAY} AS day, s.id AS share_id
       FROM journal_entries e
       LEFT JOIN journal_shares s ON s.entry_id = e.id AND s.client_id = e.client_id AND s.withdrawn_at IS NULL
      WHERE e.client_id = $1
      ORDER BY e.created_at, e.id`,
    [clientId],
  );
  const material: Material[] = [];
  for (const row of entries.rows) {
    const text = await tx.decrypt(`journal_entries.body_enc:${row.id}`, row.body_enc);
    material.push({
      entry: {
        id: row.id,
        kind: row.kind === 'dream' ? 'dream' : 'journal',
        date: row.day,
        text,
        source: row.share_id ? 'shared' : 'private',
      },
      version: row.version,
      link: `/journal/${row.id}`,
      dream: row.kind === 'dream',
    });
  }
  return material;
}
