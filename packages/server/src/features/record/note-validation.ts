import { defenceById, dmrsLevelName, type DmrsLevel } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { characterCount, malformedMessage } from '../journal/entry-text.js';
import type { NoteContent } from './note-record.js';
import { MAX_NOTE_CHARACTERS, type NoteSave } from './record-schemas.js';
import { BUILT_IN_KEYS, loadNoteSettings } from './settings-record.js';

/**
 * What a draft save may hold: text of a bounded length in well-formed Unicode, fields of the
 * practice's template, defences of the DMRS hierarchy at their own level, and links only to entries
 * the client has shared (a live share). Links the note already holds are not checked again, so a
 * withdrawn share never blocks saving the rest of the note.
 */
const NUMBER = new Intl.NumberFormat('en-GB');
const lower = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

export function contentOfSave(save: NoteSave): NoteContent {
  const seen = new Set<string>();
  return {
    narrative: save.narrative,
    fields: save.fields,
    materialEntryIds: lower(save.materialEntryIds),
    dreamEntryIds: lower(save.dreamEntryIds),
    defences: save.defences.filter((d) => !seen.has(d.defence) && seen.add(d.defence)),
    interventions: [...new Set(save.interventions)],
  };
}

export async function checkContent(
  tx: Scoped,
  clientId: string,
  stored: NoteContent,
  content: NoteContent,
  event: AuditInput,
): Promise<void> {
  const texts = [content.narrative, ...Object.values(content.fields)];
  const length = texts.reduce((sum, text) => sum + characterCount(text), 0);
  if (length > MAX_NOTE_CHARACTERS) {
    refuse(
      tx,
      event,
      400,
      'too_long',
      `This note is ${NUMBER.format(length)} characters long; a note holds up to ${NUMBER.format(MAX_NOTE_CHARACTERS)}. Please shorten it.`,
    );
  }
  const malformed = malformedMessage(texts);
  if (malformed) refuse(tx, event, 400, 'malformed_text', malformed);
  for (const rating of content.defences) {
    const defence = defenceById(rating.defence);
    if (!defence) {
      refuse(tx, event, 400, 'unknown_defence', `“${rating.defence}” is not a defence of the DMRS hierarchy.`);
    }
    if (defence.level !== rating.level) {
      refuse(
        tx,
        event,
        400,
        'wrong_level',
        `${defence.label} belongs to level ${defence.level} (${dmrsLevelName(defence.level)}), not level ${rating.level} (${dmrsLevelName(rating.level as DmrsLevel)}).`,
      );
    }
  }
  await checkFieldKeys(tx, content, event);
  await checkLinks(tx, clientId, stored, content, event);
}

async function checkFieldKeys(tx: Scoped, content: NoteContent, event: AuditInput): Promise<void> {
  const keys = Object.keys(content.fields);
  if (keys.every((key) => BUILT_IN_KEYS.has(key))) return;
  const template = new Set((await loadNoteSettings(tx)).fields.map((f) => f.key));
  const unknown = keys.find((key) => !BUILT_IN_KEYS.has(key) && !template.has(key));
  if (unknown) {
    refuse(tx, event, 400, 'unknown_field', `“${unknown}” is not a field of your practice's note template.`);
  }
}

async function checkLinks(
  tx: Scoped,
  clientId: string,
  stored: NoteContent,
  content: NoteContent,
  event: AuditInput,
): Promise<void> {
  const had = new Set([...stored.materialEntryIds, ...stored.dreamEntryIds]);
  const material = content.materialEntryIds.filter((id) => !had.has(id));
  const dreams = content.dreamEntryIds.filter((id) => !had.has(id));
  if (material.length === 0 && dreams.length === 0) return;
  const result = await tx.query<{ id: string; kind: string }>(
    `SELECT e.id, e.kind FROM journal_entries e
      WHERE e.client_id = $1 AND e.id = ANY($2::uuid[])
        AND EXISTS (SELECT 1 FROM journal_shares s WHERE s.entry_id = e.id AND s.client_id = e.client_id
                      AND s.withdrawn_at IS NULL)`,
    [clientId, [...material, ...dreams]],
  );
  const shared = new Map(result.rows.map((r) => [r.id, r.kind]));
  if ([...material, ...dreams].some((id) => !shared.has(id))) {
    refuse(
      tx,
      event,
      400,
      'not_shared',
      'A linked entry is not one your client has shared with you (or they have withdrawn it). Please remove the link.',
    );
  }
  if (dreams.some((id) => shared.get(id) !== 'dream')) {
    refuse(tx, event, 400, 'not_a_dream', 'Only dreams your client has shared can be listed as dreams discussed.');
  }
}
