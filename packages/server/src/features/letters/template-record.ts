import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { assertNoProblems } from '../frame/episodes-field-errors.js';
import { iso } from '../journal/entry-record.js';
import type { LetterTemplate, TemplateSave } from './letters-schemas.js';
import { placeholderProblems } from './placeholders.js';

/** Reading and checking the practice's letter templates (not clinical: placeholders, no client data). */
interface TemplateRow {
  id: string;
  built_in: string | null;
  name: string;
  subject: string;
  body: string;
  updated_at: Date;
}

const toTemplate = (row: TemplateRow): LetterTemplate => ({
  id: row.id,
  builtIn: row.built_in,
  name: row.name,
  subject: row.subject,
  body: row.body,
  updatedAt: iso(row.updated_at),
});

export async function listTemplates(tx: Scoped): Promise<LetterTemplate[]> {
  const result = await tx.query<TemplateRow>(
    'SELECT id, built_in, name, subject, body, updated_at FROM letter_templates ORDER BY lower(name), id',
  );
  return result.rows.map(toTemplate);
}

export async function findTemplate(tx: Scoped, id: string): Promise<LetterTemplate | undefined> {
  const result = await tx.query<TemplateRow>(
    'SELECT id, built_in, name, subject, body, updated_at FROM letter_templates WHERE id = $1',
    [id],
  );
  const row = result.rows[0];
  return row ? toTemplate(row) : undefined;
}

/** The template trimmed, or a 400 naming each unknown or malformed placeholder. */
export function checkedTemplate(save: TemplateSave): TemplateSave {
  const tidy = { name: save.name.trim(), subject: save.subject.trim(), body: save.body.replace(/\s+$/, '') };
  assertNoProblems(
    [
      ...(tidy.name === '' ? [{ field: 'name', message: 'Give the template a name, such as “To the GP”.' }] : []),
      ...(tidy.body.trim() === '' ? [{ field: 'body', message: 'Write the body of the template.' }] : []),
      ...placeholderProblems(tidy.subject, 'subject'),
      ...placeholderProblems(tidy.body, 'body'),
    ],
    'invalid_template',
  );
  return tidy;
}

/** Refuses (409) a name another template of the practice already has. */
export async function requireFreeName(tx: Scoped, name: string, except: string | null, event: AuditInput) {
  const taken = await tx.query('SELECT 1 FROM letter_templates WHERE lower(name) = lower($1) AND id <> $2', [
    name,
    except ?? '00000000-0000-0000-0000-000000000000',
  ]);
  if ((taken.rowCount ?? 0) > 0) {
    refuse(tx, event, 409, 'name_taken', `There is already a template called “${name}”. Choose another name.`);
  }
}

export const NO_SUCH_TEMPLATE = 'There is no such letter template in this practice.';
