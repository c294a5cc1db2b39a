import type { Scoped } from '../../access/access-layer.js';
import type { LocalCrisisResource } from './crisis-resource-rules.js';

interface ResourceRow {
  name: string;
  phone: string | null;
  text_number: string | null;
  text_keyword: string | null;
  url: string | null;
  hours: string;
  description: string;
}

/** The practice's own crisis resources, in the admin's order. */
export async function loadLocalResources(tx: Scoped): Promise<LocalCrisisResource[]> {
  const rows = await tx.query<ResourceRow>(
    `SELECT name, phone, text_number, text_keyword, url, hours, description FROM practice_crisis_resources
      WHERE practice_id = app_practice_id() ORDER BY position`,
  );
  return rows.rows.map((r) => ({
    name: r.name,
    phone: r.phone,
    textNumber: r.text_number,
    textKeyword: r.text_keyword,
    url: r.url,
    hours: r.hours,
    description: r.description,
  }));
}

/** Replaces the list whole, in the order given (adding, editing, reordering and removing are one save). */
export async function replaceLocalResources(tx: Scoped, resources: LocalCrisisResource[], by: string): Promise<void> {
  await tx.query('DELETE FROM practice_crisis_resources WHERE practice_id = app_practice_id()');
  for (const [position, r] of resources.entries()) {
    await tx.query(
      `INSERT INTO practice_crisis_resources (practice_id, position, name, phone, text_number, text_keyword, url,
                                             hours, description, updated_by)
       VALUES (app_practice_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [position, r.name, r.phone, r.textNumber, r.textKeyword, r.url, r.hours, r.description, by],
    );
  }
}
