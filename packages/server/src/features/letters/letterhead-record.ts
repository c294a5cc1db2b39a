import type { Scoped } from '../../access/access-layer.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import type { Letterhead } from './letters-schemas.js';

/**
 * The practice's letterhead, and the one-time set-up of letters: the first time anyone in the
 * practice uses letters, its letterhead row is made (named after the practice) and the built-in
 * templates are added. Two first uses at once: the second waits on the first's row and adds nothing.
 */
interface LetterheadRow {
  name: string;
  address_lines: string[];
  phone: string;
  email: string;
  website: string;
  footer: string;
}

export async function ensureLetterSetup(tx: Scoped): Promise<void> {
  const made = await tx.query(
    `INSERT INTO letterheads (practice_id, name, templates_seeded_at)
     SELECT p.id, left(p.name, 200), now() FROM practices p WHERE p.id = app_practice_id()
     ON CONFLICT (practice_id) DO NOTHING`,
  );
  if (made.rowCount === 0) return;
  for (const template of DEFAULT_TEMPLATES) {
    await tx.query(
      `INSERT INTO letter_templates (practice_id, built_in, name, subject, body)
       VALUES (app_practice_id(), $1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [template.builtIn, template.name, template.subject, template.body],
    );
  }
}

export async function loadLetterhead(tx: Scoped): Promise<Letterhead> {
  await ensureLetterSetup(tx);
  const result = await tx.query<LetterheadRow>(
    `SELECT name, address_lines, phone, email, website, footer FROM letterheads WHERE practice_id = app_practice_id()`,
  );
  const row = result.rows[0];
  if (!row) throw new Error('the letterhead row just made cannot be read');
  return {
    name: row.name,
    addressLines: row.address_lines,
    phone: row.phone,
    email: row.email,
    website: row.website,
    footer: row.footer,
  };
}

/** The letterhead with its fields trimmed and empty address lines dropped. */
export function tidyLetterhead(letterhead: Letterhead): Letterhead {
  return {
    name: letterhead.name.trim(),
    addressLines: letterhead.addressLines.map((l) => l.trim()).filter((l) => l !== ''),
    phone: letterhead.phone.trim(),
    email: letterhead.email.trim(),
    website: letterhead.website.trim(),
    footer: letterhead.footer.trim(),
  };
}

export async function saveLetterhead(tx: Scoped, letterhead: Letterhead, by: string): Promise<void> {
  await ensureLetterSetup(tx);
  await tx.query(
    `UPDATE letterheads SET name = $1, address_lines = $2, phone = $3, email = $4, website = $5, footer = $6,
            updated_at = now(), updated_by = $7
      WHERE practice_id = app_practice_id()`,
    [
      letterhead.name,
      letterhead.addressLines,
      letterhead.phone,
      letterhead.email,
      letterhead.website,
      letterhead.footer,
      by,
    ],
  );
}

/** The lines printed under the practice's name: the address, then one line of ways to get in touch. */
export function letterheadLines(letterhead: Letterhead): string[] {
  const contact = [letterhead.phone, letterhead.email, letterhead.website].filter((s) => s !== '').join(' · ');
  return [...letterhead.addressLines, ...(contact ? [contact] : [])];
}
