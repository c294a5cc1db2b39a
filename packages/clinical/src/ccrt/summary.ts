/**
 * The CCRT summary over scored relationship episodes — CLINICAL-REFERENCE.md §6.
 */
import { CCRT_COMPONENTS, STANDARD_CCRT_CLUSTERS } from './clusters.js';
import type { CcrtCategorySet, CcrtCluster, CcrtComponent, CcrtValence } from './clusters.js';

/** One relationship episode as the therapist scored it: cluster ids per component (any number each). */
export interface ScoredEpisode {
  /** Optional, echoed back in `unknownCategories` so a stale score can be found. */
  id?: string;
  W?: readonly string[];
  RO?: readonly string[];
  RS?: readonly string[];
}

export interface CategoryTally {
  id: string;
  label: string;
  valence?: CcrtValence;
  /** Scored episodes in which this category is scored (once per episode however often it is repeated). */
  episodes: number;
  /** episodes / scored episodes (the summary's `scoredEpisodes`); 0 when none is scored. */
  pervasiveness: number;
}

export interface ValenceBalance {
  positive: number;
  negative: number;
  /** positive / (positive + negative); null when neither occurs. */
  positiveShare: number | null;
  /** negative / (positive + negative); null when neither occurs. */
  negativeShare: number | null;
}

export interface ComponentSummary {
  component: CcrtComponent;
  /** Scored episodes with at least one known category of this component. */
  episodesScored: number;
  /** Every category of the set for this component, most pervasive first (set order breaks ties). */
  categories: CategoryTally[];
  /** The most frequent category — all of them when tied; empty when none is scored. */
  mostFrequent: CategoryTally[];
}

export interface CcrtSummary {
  /** Episodes with at least one known category scored; the denominator of pervasiveness. */
  scoredEpisodes: number;
  /** False below `minimumEpisodes` — the CCRT is read across about 10 or more episodes; show a caution. */
  enoughEpisodes: boolean;
  W: ComponentSummary;
  RO: ComponentSummary & { balance: ValenceBalance };
  RS: ComponentSummary & { balance: ValenceBalance };
  /** Scores that name no cluster of this component in the set (e.g. a cluster since removed); not counted. */
  unknownCategories: { episode?: string; component: CcrtComponent; id: string }[];
  /** Copied from the set, so the display can say the clusters are unverified. */
  unverified: boolean;
}

export interface CcrtSummaryOptions {
  /** The practice's clusters; the unverified standard set by default. */
  categories?: CcrtCategorySet;
  /** Episodes needed before the CCRT is read with confidence; default 10 (the reference's "≥ ~10"). */
  minimumEpisodes?: number;
}

/**
 * The CCRT summary: per component, how many scored episodes each category appears in, its
 * pervasiveness (episodes where it is scored / scored episodes), the most frequent category (the
 * CCRT itself), and for RO and RS the positive vs negative balance. The balance counts each
 * category once per episode, summed over episodes.
 *
 * An episode counts as scored when at least one known category is scored on any component;
 * unscored (e.g. unconfirmed candidate) episodes are left out of every denominator.
 */
export function ccrtSummary(episodes: readonly ScoredEpisode[], options: CcrtSummaryOptions = {}): CcrtSummary {
  const set = options.categories ?? STANDARD_CCRT_CLUSTERS;
  const minimumEpisodes = options.minimumEpisodes ?? 10;
  const byComponent = new Map<CcrtComponent, Map<string, CcrtCluster>>(
    CCRT_COMPONENTS.map((component) => [
      component,
      new Map(set.clusters.filter((c) => c.component === component).map((c) => [c.id, c])),
    ]),
  );

  const counts = new Map<CcrtComponent, Map<string, number>>(CCRT_COMPONENTS.map((c) => [c, new Map()]));
  const componentEpisodes = new Map<CcrtComponent, number>(CCRT_COMPONENTS.map((c) => [c, 0]));
  const unknownCategories: CcrtSummary['unknownCategories'] = [];
  let scoredEpisodes = 0;

  for (const episode of episodes) {
    let scored = false;
    for (const component of CCRT_COMPONENTS) {
      const known = byComponent.get(component)!;
      const tally = counts.get(component)!;
      const seen = new Set<string>();
      for (const id of episode[component] ?? []) {
        if (!known.has(id)) {
          unknownCategories.push({ ...(episode.id === undefined ? {} : { episode: episode.id }), component, id });
        } else if (!seen.has(id)) {
          seen.add(id);
          tally.set(id, (tally.get(id) ?? 0) + 1);
        }
      }
      if (seen.size > 0) {
        scored = true;
        componentEpisodes.set(component, componentEpisodes.get(component)! + 1);
      }
    }
    if (scored) scoredEpisodes += 1;
  }

  const summarise = (component: CcrtComponent): ComponentSummary => {
    const tally = counts.get(component)!;
    const categories = [...byComponent.get(component)!.values()]
      .map((cluster) => {
        const n = tally.get(cluster.id) ?? 0;
        return {
          id: cluster.id,
          label: cluster.label,
          ...('valence' in cluster ? { valence: cluster.valence } : {}),
          episodes: n,
          pervasiveness: scoredEpisodes === 0 ? 0 : n / scoredEpisodes,
        };
      })
      // Array.prototype.sort is stable, so set order breaks ties.
      .sort((a, b) => b.episodes - a.episodes);
    const top = categories[0]?.episodes ?? 0;
    return {
      component,
      episodesScored: componentEpisodes.get(component)!,
      categories,
      mostFrequent: top === 0 ? [] : categories.filter((c) => c.episodes === top),
    };
  };

  const balance = (summary: ComponentSummary): ValenceBalance => {
    let positive = 0;
    let negative = 0;
    for (const c of summary.categories) {
      if (c.valence === 'positive') positive += c.episodes;
      else if (c.valence === 'negative') negative += c.episodes;
    }
    const all = positive + negative;
    return {
      positive,
      negative,
      positiveShare: all === 0 ? null : positive / all,
      negativeShare: all === 0 ? null : negative / all,
    };
  };

  const ro = summarise('RO');
  const rs = summarise('RS');
  return {
    scoredEpisodes,
    enoughEpisodes: scoredEpisodes >= minimumEpisodes,
    W: summarise('W'),
    RO: { ...ro, balance: balance(ro) },
    RS: { ...rs, balance: balance(rs) },
    unknownCategories,
    unverified: set.unverified,
  };
}
