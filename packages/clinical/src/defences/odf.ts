/**
 * Overall Defensive Functioning (ODF), the level profile and the grouping of levels —
 * CLINICAL-REFERENCE.md §6 (DMRS).
 */
import { DMRS_LEVELS, DMRS_LEVEL_VALUES, defenceById } from './dmrs.js';
import type { DefenceId, DmrsLevel } from './dmrs.js';

/**
 * One coded defence: its id, or an id with a count when the same defence was coded several times
 * (e.g. in a transcript rating). A bare id counts once.
 */
export type DefenceRating = DefenceId | { defence: DefenceId; count: number };

/** Coded levels with their counts. Throws on an unknown defence id or a count that is not a whole number ≥ 0. */
function levelCounts(ratings: readonly DefenceRating[]): Map<DmrsLevel, number> {
  const counts = new Map<DmrsLevel, number>();
  for (const rating of ratings) {
    const id: string = typeof rating === 'string' ? rating : rating.defence;
    const count = typeof rating === 'string' ? 1 : rating.count;
    const defence = defenceById(id);
    if (!defence) throw new RangeError(`Unknown DMRS defence id "${id}"`);
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`Count for "${id}" must be a whole number ≥ 0, got ${count}`);
    }
    counts.set(defence.level, (counts.get(defence.level) ?? 0) + count);
  }
  return counts;
}

/**
 * ODF = Σ level × (defences coded at that level / all defences coded), i.e. the mean level of the
 * coded defences, between 1 and 7. Null when no defence is coded. The value is not rounded
 * (round for display, conventionally to two decimals).
 *
 * @example overallDefensiveFunctioning(['humour', 'denial', 'projection']) // 13 / 3 ≈ 4.33
 */
export function overallDefensiveFunctioning(ratings: readonly DefenceRating[]): number | null {
  let total = 0;
  let weighted = 0;
  for (const [level, count] of levelCounts(ratings)) {
    total += count;
    weighted += level * count;
  }
  return total === 0 ? null : weighted / total;
}

export interface LevelShare {
  level: DmrsLevel;
  name: string;
  count: number;
  /** count / all coded defences; 0 when none is coded. */
  share: number;
}

export interface LevelProfile {
  /** All coded defences. */
  total: number;
  /** Levels 7 down to 1; shares sum to 1 when total > 0. */
  levels: LevelShare[];
}

/** The share of coded defences at each DMRS level (7 down to 1). */
export function levelProfile(ratings: readonly DefenceRating[]): LevelProfile {
  const counts = levelCounts(ratings);
  let total = 0;
  for (const count of counts.values()) total += count;
  const levels = [...DMRS_LEVELS].reverse().map(({ level, name }) => {
    const count = counts.get(level) ?? 0;
    return { level, name, count, share: total === 0 ? 0 : count / total };
  });
  return { total, levels };
}

export interface DefenceGroup {
  id: string;
  label: string;
  levels: readonly DmrsLevel[];
}

export interface DefenceGrouping {
  /** Groups that together cover each level 1–7 exactly once. */
  groups: readonly DefenceGroup[];
  /** True while the grouping has not been checked against a primary source. */
  unverified: boolean;
  /** Where the grouping comes from, for display. */
  source: string;
}

/**
 * The common grouping: mature = level 7, neurotic = 5–6, immature = 1–4.
 *
 * **Unverified** (CLINICAL-REFERENCE.md §6): this is data, not a fact of the DMRS. Pass a practice's
 * own grouping to `groupProfile` to replace it, and say it is unverified wherever it is shown.
 */
export const DEFAULT_DEFENCE_GROUPING: DefenceGrouping = {
  groups: [
    { id: 'mature', label: 'Mature', levels: [7] },
    { id: 'neurotic', label: 'Neurotic', levels: [5, 6] },
    { id: 'immature', label: 'Immature', levels: [1, 2, 3, 4] },
  ],
  unverified: true,
  source: 'Common grouping (mature 7, neurotic 5–6, immature 1–4), unverified — CLINICAL-REFERENCE.md §6',
};

/** Person-readable problems with a grouping; empty when it covers each level 1–7 exactly once with unique ids. */
export function groupingErrors(grouping: DefenceGrouping): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  const seen = new Map<number, string>();
  grouping.groups.forEach((group, i) => {
    if (group.id.trim() === '') errors.push(`groups[${i}].id is empty`);
    else if (ids.has(group.id)) errors.push(`groups[${i}].id "${group.id}" is used twice`);
    ids.add(group.id);
    for (const level of group.levels) {
      if (!(DMRS_LEVEL_VALUES as readonly number[]).includes(level)) {
        errors.push(`groups[${i}] has level ${level}, which is not a DMRS level (1–7)`);
      } else if (seen.has(level)) {
        errors.push(`level ${level} is in both "${seen.get(level)}" and "${group.id}"`);
      } else {
        seen.set(level, group.id);
      }
    }
  });
  for (const level of DMRS_LEVEL_VALUES) {
    if (!seen.has(level)) errors.push(`level ${level} is in no group`);
  }
  return errors;
}

export interface GroupShare {
  id: string;
  label: string;
  count: number;
  /** count / all coded defences; 0 when none is coded. */
  share: number;
}

export interface GroupProfile {
  total: number;
  groups: GroupShare[];
  /** Copied from the grouping, so a chart can say so. */
  unverified: boolean;
}

/**
 * The share of coded defences in each group (by default mature / neurotic / immature, which is
 * **unverified** — see `DEFAULT_DEFENCE_GROUPING`). Throws when the grouping does not cover each
 * level exactly once.
 */
export function groupProfile(
  ratings: readonly DefenceRating[],
  grouping: DefenceGrouping = DEFAULT_DEFENCE_GROUPING,
): GroupProfile {
  const errors = groupingErrors(grouping);
  if (errors.length > 0) throw new RangeError(`Invalid defence grouping: ${errors.join('; ')}`);
  const profile = levelProfile(ratings);
  const groups = grouping.groups.map((group) => {
    const count = profile.levels.filter((l) => group.levels.includes(l.level)).reduce((sum, l) => sum + l.count, 0);
    return { id: group.id, label: group.label, count, share: profile.total === 0 ? 0 : count / profile.total };
  });
  return { total: profile.total, groups, unverified: grouping.unverified };
}

export interface RatedOccasion<K> {
  /** When (or which note): a date string, a session number, a note id… kept as given. */
  at: K;
  ratings: readonly DefenceRating[];
}

export interface OdfPoint<K> {
  at: K;
  /** Null when no defence was coded on that occasion. */
  odf: number | null;
  defencesCoded: number;
}

/** ODF per occasion (e.g. per progress note), in the order given, for a trend chart. */
export function odfTrend<K>(occasions: readonly RatedOccasion<K>[]): OdfPoint<K>[] {
  return occasions.map(({ at, ratings }) => ({
    at,
    odf: overallDefensiveFunctioning(ratings),
    defencesCoded: levelProfile(ratings).total,
  }));
}
