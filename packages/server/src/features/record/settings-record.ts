import type { Scoped } from '../../access/access-layer.js';
import type { FieldProblem } from '../frame/episodes-field-errors.js';
import type { NoteSettings } from './record-schemas.js';

/**
 * The practice's note template (the structured fields under the narrative, in order) and its
 * late-signing threshold: the saved row, or the defaults when the practice has saved none.
 * Built-in fields have a meaning and can only be turned off or relabelled; a practice may add its
 * own text fields (custom_<slug>).
 */
export const BUILT_IN_FIELDS: NoteSettings['fields'] = [
  { key: 'themes', label: 'Themes', enabled: true },
  { key: 'material', label: 'Material the client brought', enabled: true },
  { key: 'dreams', label: 'Dreams discussed', enabled: true },
  { key: 'transference', label: 'Transference', enabled: true },
  { key: 'countertransference', label: 'Countertransference', enabled: true },
  { key: 'defences', label: 'Defences observed', enabled: true },
  { key: 'interventions', label: 'Interventions', enabled: true },
  { key: 'risk', label: 'Risk', enabled: true },
  { key: 'plan', label: 'Plan', enabled: true },
];
export const BUILT_IN_KEYS = new Set(BUILT_IN_FIELDS.map((f) => f.key));
export const DEFAULT_LATE_AFTER_HOURS = 72;
const CUSTOM_KEY = /^custom_[a-z0-9][a-z0-9_]*$/;

export async function loadNoteSettings(tx: Scoped): Promise<NoteSettings> {
  const result = await tx.query<{ fields: NoteSettings['fields']; late_after_hours: number }>(
    'SELECT fields, late_after_hours FROM note_settings WHERE practice_id = app_practice_id()',
  );
  const row = result.rows[0];
  if (!row) return { fields: BUILT_IN_FIELDS, lateAfterHours: DEFAULT_LATE_AFTER_HOURS };
  return { fields: row.fields, lateAfterHours: row.late_after_hours };
}

export async function saveNoteSettings(tx: Scoped, settings: NoteSettings, by: string): Promise<void> {
  await tx.query(
    `INSERT INTO note_settings (practice_id, fields, late_after_hours, updated_at, updated_by)
     VALUES (app_practice_id(), $1::jsonb, $2, now(), $3)
     ON CONFLICT (practice_id) DO UPDATE SET fields = EXCLUDED.fields, late_after_hours = EXCLUDED.late_after_hours,
       updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [JSON.stringify(settings.fields), settings.lateAfterHours, by],
  );
}

/** What is wrong with a template an admin wants to save (the schema has checked the shapes). */
export function noteSettingsProblems(settings: NoteSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  settings.fields.forEach((field, index) => {
    if (seen.has(field.key)) {
      problems.push({ field: `fields.${index}.key`, message: `The field “${field.key}” appears twice; keep one.` });
    }
    seen.add(field.key);
    if (!BUILT_IN_KEYS.has(field.key) && !CUSTOM_KEY.test(field.key)) {
      problems.push({
        field: `fields.${index}.key`,
        message: `“${field.key}” is not a field we know. A field of your own needs a key starting with custom_, such as custom_supervision.`,
      });
    }
    if (field.label.trim() === '') {
      problems.push({ field: `fields.${index}.label`, message: 'Every field needs a label.' });
    }
  });
  for (const builtIn of BUILT_IN_FIELDS) {
    if (!seen.has(builtIn.key)) {
      problems.push({
        field: 'fields',
        message: `The built-in field “${builtIn.label}” cannot be removed; turn it off instead.`,
      });
    }
  }
  return problems;
}
