/**
 * Core Conflictual Relationship Theme (CCRT, Luborsky) standard clusters — CLINICAL-REFERENCE.md §6.
 *
 * Each relationship episode (RE) is scored for W (wish, need, intention), RO (response of other,
 * real or expected) and RS (response of self). The standard categories (edition 3) are grouped in
 * eight clusters per component.
 *
 * **Unverified**: the cluster names below were written from memory, and the positive/negative
 * marking of RS is inferred (the reference states only that the first five RO clusters are
 * negative). They are default data: a practice edits its own copy (`CcrtCategorySet`), checked with
 * `validateCcrtCategorySet`, and every display must say the defaults are unverified.
 */

export type CcrtComponent = 'W' | 'RO' | 'RS';
export const CCRT_COMPONENTS: readonly CcrtComponent[] = ['W', 'RO', 'RS'];

export type CcrtValence = 'positive' | 'negative';

export interface CcrtWishCluster {
  /** Stable key stored with a scored episode. */
  id: string;
  component: 'W';
  label: string;
}

export interface CcrtResponseCluster {
  id: string;
  component: 'RO' | 'RS';
  label: string;
  /** Whether this response counts as positive or negative in the RO/RS balance. */
  valence: CcrtValence;
}

export type CcrtCluster = CcrtWishCluster | CcrtResponseCluster;

/** A set of clusters: the standard defaults, or a practice's edited copy. */
export interface CcrtCategorySet {
  /** Stable id of the set, e.g. "ccrt-standard-3" or a practice's own. */
  id: string;
  name: string;
  /** True while any cluster or marking has not been checked against the CCRT manual. */
  unverified: boolean;
  /** Where the clusters come from, for display. */
  source: string;
  clusters: readonly CcrtCluster[];
}

/** A practice's edited set, remembering the set it started from. */
export interface PracticeCcrtCategorySet extends CcrtCategorySet {
  /** Id of the set it was copied from (normally `STANDARD_CCRT_CLUSTERS.id`). */
  basedOn: string;
}

const W = (id: string, label: string): CcrtWishCluster => ({ id, component: 'W', label });
const R = (component: 'RO' | 'RS', id: string, label: string, valence: CcrtValence): CcrtResponseCluster => ({
  id,
  component,
  label,
  valence,
});

/**
 * The standard clusters, edition 3, as default data. **Unverified** (from memory; see the module
 * comment) and editable: copy with `copyCcrtCategorySet` and change the copy.
 */
export const STANDARD_CCRT_CLUSTERS: CcrtCategorySet = {
  id: 'ccrt-standard-3',
  name: 'CCRT standard clusters (edition 3)',
  unverified: true,
  source: 'Luborsky, standard categories edition 3; cluster names from memory, unverified — CLINICAL-REFERENCE.md §6',
  clusters: [
    W('w-assert-self', 'To assert self and be independent'),
    W('w-oppose-hurt-control', 'To oppose, hurt and control others'),
    W('w-be-controlled', 'To be controlled, hurt and not responsible'),
    W('w-distant', 'To be distant and avoid conflicts'),
    W('w-close', 'To be close and accepting'),
    W('w-loved-understood', 'To be loved and understood'),
    W('w-feel-good', 'To feel good and comfortable'),
    W('w-achieve-help', 'To achieve and help others'),
    R('RO', 'ro-strong', 'Strong', 'negative'),
    R('RO', 'ro-controlling', 'Controlling', 'negative'),
    R('RO', 'ro-upset', 'Upset', 'negative'),
    R('RO', 'ro-bad', 'Bad', 'negative'),
    R('RO', 'ro-rejecting-opposing', 'Rejecting and opposing', 'negative'),
    R('RO', 'ro-helpful', 'Helpful', 'positive'),
    R('RO', 'ro-likes-me', 'Likes me', 'positive'),
    R('RO', 'ro-understanding', 'Understanding', 'positive'),
    R('RS', 'rs-helpful', 'Helpful', 'positive'),
    R('RS', 'rs-unreceptive', 'Unreceptive', 'negative'),
    R('RS', 'rs-respected-accepted', 'Respected and accepted', 'positive'),
    R('RS', 'rs-oppose-hurt', 'Oppose and hurt others', 'negative'),
    R('RS', 'rs-self-controlled-confident', 'Self-controlled and self-confident', 'positive'),
    R('RS', 'rs-helpless', 'Helpless', 'negative'),
    R('RS', 'rs-disappointed-depressed', 'Disappointed and depressed', 'negative'),
    R('RS', 'rs-anxious-ashamed', 'Anxious and ashamed', 'negative'),
  ],
};

/** The clusters of one component, in set order. */
export function ccrtClustersOf(set: CcrtCategorySet, component: CcrtComponent): CcrtCluster[] {
  return set.clusters.filter((c) => c.component === component);
}

/** A deep copy a practice can edit, starting from `base` (the standard set by default). */
export function copyCcrtCategorySet(
  id: string,
  name: string,
  base: CcrtCategorySet = STANDARD_CCRT_CLUSTERS,
): PracticeCcrtCategorySet {
  return {
    id,
    name,
    unverified: base.unverified,
    source: `Edited from ${base.name}`,
    basedOn: base.id,
    clusters: base.clusters.map((c) => ({ ...c })),
  };
}

export type CcrtSetValidation = { ok: true; set: CcrtCategorySet } | { ok: false; errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Check a set (e.g. a practice's edited JSON): text id, name and source, boolean `unverified`,
 * clusters with unique non-empty ids and labels, a known component, a valence on every RO/RS
 * cluster and none on W, and at least one cluster per component. Errors name the path.
 */
export function validateCcrtCategorySet(json: unknown): CcrtSetValidation {
  if (!isRecord(json)) return { ok: false, errors: ['The set must be an object'] };
  const errors: string[] = [];
  for (const key of ['id', 'name', 'source'] as const) {
    if (!isText(json[key])) errors.push(`${key} must be non-empty text`);
  }
  if (typeof json.unverified !== 'boolean') errors.push('unverified must be true or false');
  if (json.basedOn !== undefined && !isText(json.basedOn)) errors.push('basedOn must be non-empty text when given');
  if (!Array.isArray(json.clusters)) {
    errors.push('clusters must be a list');
    return { ok: false, errors };
  }
  const ids = new Set<string>();
  const perComponent = new Map<string, number>();
  json.clusters.forEach((c: unknown, i) => {
    const at = `clusters[${i}]`;
    if (!isRecord(c)) {
      errors.push(`${at} must be an object`);
      return;
    }
    if (!isText(c.id)) errors.push(`${at}.id must be non-empty text`);
    else if (ids.has(c.id)) errors.push(`${at}.id "${c.id}" is used twice`);
    else ids.add(c.id);
    if (!isText(c.label)) errors.push(`${at}.label must be non-empty text`);
    if (c.component !== 'W' && c.component !== 'RO' && c.component !== 'RS') {
      errors.push(`${at}.component must be W, RO or RS`);
      return;
    }
    perComponent.set(c.component, (perComponent.get(c.component) ?? 0) + 1);
    if (c.component === 'W') {
      if (c.valence !== undefined) errors.push(`${at}.valence must be left out for a wish (W)`);
    } else if (c.valence !== 'positive' && c.valence !== 'negative') {
      errors.push(`${at}.valence must be "positive" or "negative" for ${c.component}`);
    }
  });
  for (const component of CCRT_COMPONENTS) {
    if (!perComponent.has(component)) errors.push(`there is no ${component} cluster`);
  }
  return errors.length === 0 ? { ok: true, set: json as unknown as CcrtCategorySet } : { ok: false, errors };
}
