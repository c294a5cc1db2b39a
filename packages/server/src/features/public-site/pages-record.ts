import { pageTextProblems } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import type { FieldProblem } from '../frame/episodes-field-errors.js';
import { defaultPages } from './default-pages.js';
import { PAGE_SLUGS, type AdminPage, type PageInput, type PageSlug } from './public-site-schemas.js';

/**
 * The practice's public pages: each saved row, or the default text (unpublished) for a page never
 * saved. Always in the fixed order of PAGE_SLUGS.
 */
export async function loadPages(tx: Scoped): Promise<AdminPage[]> {
  const practice = await tx.query<{ name: string; slug: string }>(
    'SELECT name, slug FROM practices WHERE id = app_practice_id()',
  );
  const { name, slug } = practice.rows[0] ?? { name: 'The practice', slug: '' };
  const defaults = defaultPages(name, slug);
  const saved = await tx.query<{ slug: PageSlug; title: string; body: string; published: boolean; updated_at: Date }>(
    'SELECT slug, title, body, published, updated_at FROM public_pages WHERE practice_id = app_practice_id()',
  );
  const bySlug = new Map(saved.rows.map((row) => [row.slug, row]));
  return PAGE_SLUGS.map((pageSlug) => {
    const row = bySlug.get(pageSlug);
    if (!row) {
      return { slug: pageSlug, ...defaults[pageSlug], published: false, isDefault: true, updatedAt: null };
    }
    return {
      slug: pageSlug,
      title: row.title,
      body: row.body,
      published: row.published,
      isDefault: false,
      updatedAt: row.updated_at.toISOString(),
    };
  });
}

export async function savePage(tx: Scoped, slug: PageSlug, page: PageInput, by: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO public_pages (practice_id, slug, title, body, published, updated_at, updated_by)
     VALUES (app_practice_id(), $1, $2, $3, $4, now(), $5)
     ON CONFLICT (practice_id, slug) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body,
       published = EXCLUDED.published, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [slug, page.title.trim(), page.body, page.published, by],
  );
}

/** What the admin must fix before a page can be saved (the schema has checked lengths). */
export function pageProblems(page: PageInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (page.title.trim() === '') problems.push({ field: 'title', message: 'Give the page a title.' });
  for (const problem of pageTextProblems(page.body)) problems.push({ field: 'body', message: problem.message });
  return problems;
}
