import { STANDARD_CCRT_CLUSTERS, validateCcrtCategorySet, type CcrtCategorySet } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import type { FieldProblem } from '../frame/episodes-field-errors.js';
import { iso } from '../journal/entry-record.js';
import type { CcrtCategories, CcrtCategoriesSave } from './formulation-schemas.js';

/**
 * The practice's CCRT category set: its saved copy, or the standard clusters (packages/clinical,
 * marked unverified) while it has saved none. A formulation chooses its W, RO and RS clusters from it.
 */
type StoredSet = CcrtCategorySet & { basedOn?: string };

export async function loadCcrtCategories(tx: Scoped): Promise<CcrtCategories> {
  const result = await tx.query<{ category_set: StoredSet; updated_at: Date }>(
    'SELECT category_set, updated_at FROM ccrt_category_sets WHERE practice_id = app_practice_id()',
  );
  const row = result.rows[0];
  const set: StoredSet = row?.category_set ?? STANDARD_CCRT_CLUSTERS;
  return {
    id: set.id,
    name: set.name,
    unverified: set.unverified,
    source: set.source,
    basedOn: set.basedOn ?? null,
    isStandard: !row,
    clusters: set.clusters.map((c) =>
      c.component === 'W'
        ? { id: c.id, component: c.component, label: c.label }
        : { id: c.id, component: c.component, label: c.label, valence: c.valence },
    ),
    updatedAt: row ? iso(row.updated_at) : null,
  };
}

/** The set an admin's edit makes (a copy based on the standard set), with what is wrong with it. */
export function categorySetOf(
  practiceId: string,
  save: CcrtCategoriesSave,
): { set: StoredSet; problems: FieldProblem[] } {
  const set: StoredSet = {
    id: `practice-${practiceId}`,
    name: save.name.trim(),
    unverified: save.unverified,
    source: `Edited from ${STANDARD_CCRT_CLUSTERS.name}`,
    basedOn: STANDARD_CCRT_CLUSTERS.id,
    clusters: save.clusters.map((c) => ({ ...c, label: c.label.trim() })) as StoredSet['clusters'],
  };
  const problems: FieldProblem[] = [];
  const checked = validateCcrtCategorySet(set);
  if (!checked.ok) {
    for (const error of checked.errors) problems.push(problemOf(error, save));
  }
  const labels = new Map<string, number>();
  save.clusters.forEach((c, index) => {
    const key = `${c.component}:${c.label.trim().toLocaleLowerCase('en-GB')}`;
    const first = labels.get(key);
    if (first !== undefined) {
      problems.push({
        field: `clusters.${index}.label`,
        message: `“${c.label.trim()}” is already a ${COMPONENT_NAMES[c.component]} cluster (number ${first + 1}); give each cluster its own label.`,
      });
    } else labels.set(key, index);
  });
  if (set.name === '') problems.push({ field: 'name', message: 'Give the set a name.' });
  return { set, problems };
}

export const COMPONENT_NAMES = { W: 'wish (W)', RO: 'response of other (RO)', RS: 'response of self (RS)' } as const;

/** The clinical validator's error ("clusters[3].valence must be …") as a field problem a person can act on. */
function problemOf(error: string, save: CcrtCategoriesSave): FieldProblem {
  const at = /^clusters\[(\d+)\]\.(\w+)/.exec(error);
  if (at) {
    const index = Number(at[1]);
    const cluster = save.clusters[index];
    const name = cluster ? `“${cluster.label.trim() || cluster.id}”` : `Cluster ${index + 1}`;
    if (at[2] === 'valence') {
      return {
        field: `clusters.${index}.valence`,
        message:
          cluster?.component === 'W'
            ? `${name} is a wish (W): a wish is not marked positive or negative.`
            : `${name} is a response: mark it positive or negative.`,
      };
    }
    if (at[2] === 'id') return { field: `clusters.${index}.id`, message: `${name}: the same cluster appears twice.` };
    return { field: `clusters.${index}.${at[2]}`, message: `${name}: ${error.replace(/^\S+\s/, '')}.` };
  }
  const missing = /^there is no (W|RO|RS) cluster/.exec(error);
  if (missing) {
    const component = missing[1] as keyof typeof COMPONENT_NAMES;
    return {
      field: 'clusters',
      message: `The set needs at least one ${COMPONENT_NAMES[component]} cluster; add one before saving.`,
    };
  }
  return { field: 'clusters', message: `${error}.` };
}

export async function saveCcrtCategories(tx: Scoped, set: StoredSet, by: string): Promise<void> {
  await tx.query(
    `INSERT INTO ccrt_category_sets (practice_id, category_set, updated_at, updated_by)
     VALUES (app_practice_id(), $1::jsonb, now(), $2)
     ON CONFLICT (practice_id) DO UPDATE SET category_set = EXCLUDED.category_set, updated_at = now(),
       updated_by = EXCLUDED.updated_by`,
    [JSON.stringify(set), by],
  );
}
