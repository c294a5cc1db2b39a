import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_CCRT_CLUSTERS, ccrtClustersOf, copyCcrtCategorySet } from './clusters.js';
import { ccrtSummary } from './summary.js';
import type { ScoredEpisode } from './summary.js';

/** Hand-scored fixture: four scored episodes, one unscored, one scored only with an unknown id. */
const episodes: ScoredEpisode[] = [
  { id: 'e1', W: ['w-close'], RO: ['ro-rejecting-opposing'], RS: ['rs-disappointed-depressed'] },
  { id: 'e2', W: ['w-close', 'w-close'], RO: ['ro-rejecting-opposing', 'ro-controlling'], RS: ['rs-helpless'] },
  {
    id: 'e3',
    W: ['w-assert-self'],
    RO: ['ro-helpful', 'rs-helpless'],
    RS: ['rs-disappointed-depressed', 'rs-respected-accepted'],
  },
  { id: 'e4', W: ['w-close'], RO: [], RS: ['rs-disappointed-depressed'] },
  { id: 'e5' },
  { W: ['w-removed'] },
];

const tallies = (c: { categories: { id: string; episodes: number; pervasiveness: number }[] }) =>
  c.categories.filter((t) => t.episodes > 0).map((t) => [t.id, t.episodes, t.pervasiveness]);

describe('ccrtSummary', () => {
  const summary = ccrtSummary(episodes);

  it('counts only scored episodes in the denominator', () => {
    expect(summary.scoredEpisodes).toBe(4);
    expect(summary.W.episodesScored).toBe(4);
    expect(summary.RO.episodesScored).toBe(3);
    expect(summary.RS.episodesScored).toBe(4);
  });

  it('gives pervasiveness = episodes with the category / scored episodes, once per episode', () => {
    expect(tallies(summary.W)).toEqual([
      ['w-close', 3, 0.75],
      ['w-assert-self', 1, 0.25],
    ]);
    expect(tallies(summary.RO)).toEqual([
      ['ro-rejecting-opposing', 2, 0.5],
      ['ro-controlling', 1, 0.25],
      ['ro-helpful', 1, 0.25],
    ]);
    expect(tallies(summary.RS)).toEqual([
      ['rs-disappointed-depressed', 3, 0.75],
      ['rs-respected-accepted', 1, 0.25],
      ['rs-helpless', 1, 0.25],
    ]);
    expect(summary.W.categories).toHaveLength(8);
    expect(summary.W.categories.at(-1)?.pervasiveness).toBe(0);
  });

  it('names the most frequent W, RO and RS (the CCRT)', () => {
    expect(summary.W.mostFrequent.map((c) => c.label)).toEqual(['To be close and accepting']);
    expect(summary.RO.mostFrequent.map((c) => c.label)).toEqual(['Rejecting and opposing']);
    expect(summary.RS.mostFrequent.map((c) => c.label)).toEqual(['Disappointed and depressed']);
  });

  it('gives the positive vs negative balance of RO and RS', () => {
    expect(summary.RO.balance).toEqual({ positive: 1, negative: 3, positiveShare: 0.25, negativeShare: 0.75 });
    expect(summary.RS.balance).toEqual({ positive: 1, negative: 4, positiveShare: 0.2, negativeShare: 0.8 });
    expect(summary.RO.mostFrequent[0]?.valence).toBe('negative');
  });

  it('reports scores that name no cluster of that component, without counting them', () => {
    expect(summary.unknownCategories).toEqual([
      { episode: 'e3', component: 'RO', id: 'rs-helpless' },
      { component: 'W', id: 'w-removed' },
    ]);
  });

  it('cautions below the minimum number of episodes (10 by default, configurable)', () => {
    expect(summary.enoughEpisodes).toBe(false);
    expect(ccrtSummary(episodes, { minimumEpisodes: 4 }).enoughEpisodes).toBe(true);
    expect(summary.unverified).toBe(true);
  });

  it('lists every tied category as most frequent, in set order', () => {
    const tied = ccrtSummary([{ W: ['w-loved-understood'] }, { W: ['w-assert-self'] }]);
    expect(tied.W.mostFrequent.map((c) => c.id)).toEqual(['w-assert-self', 'w-loved-understood']);
    expect(tied.RO.mostFrequent).toEqual([]);
    expect(tied.RO.balance).toEqual({ positive: 0, negative: 0, positiveShare: null, negativeShare: null });
  });

  it('is empty for no episodes', () => {
    const empty = ccrtSummary([]);
    expect(empty.scoredEpisodes).toBe(0);
    expect(empty.W.categories.every((c) => c.pervasiveness === 0)).toBe(true);
    expect(empty.W.mostFrequent).toEqual([]);
  });

  it('uses a practice’s edited set', () => {
    const base = copyCcrtCategorySet('practice-1', 'Ours');
    const ours = {
      ...base,
      unverified: false,
      clusters: [
        ...base.clusters,
        { id: 'ro-absent', component: 'RO' as const, label: 'Absent', valence: 'negative' as const },
      ],
    };
    const result = ccrtSummary([{ RO: ['ro-absent'] }, { RO: ['ro-absent', 'ro-helpful'] }], { categories: ours });
    expect(result.RO.mostFrequent.map((c) => [c.label, c.pervasiveness])).toEqual([['Absent', 1]]);
    expect(result.RO.balance.negativeShare).toBeCloseTo(2 / 3, 12);
    expect(result.unverified).toBe(false);
  });
});

const ids = (component: 'W' | 'RO' | 'RS') => ccrtClustersOf(STANDARD_CCRT_CLUSTERS, component).map((c) => c.id);
const episode: fc.Arbitrary<ScoredEpisode> = fc.record({
  W: fc.array(fc.constantFrom(...ids('W')), { maxLength: 3 }),
  RO: fc.array(fc.constantFrom(...ids('RO')), { maxLength: 3 }),
  RS: fc.array(fc.constantFrom(...ids('RS')), { maxLength: 3 }),
});

describe('properties', () => {
  it('pervasiveness is within 0–1, the most frequent has the highest count, balances sum to 1', () => {
    fc.assert(
      fc.property(fc.array(episode, { maxLength: 30 }), (eps) => {
        const s = ccrtSummary(eps);
        expect(s.scoredEpisodes).toBeLessThanOrEqual(eps.length);
        for (const c of [s.W, s.RO, s.RS]) {
          for (const t of c.categories) {
            expect(t.pervasiveness).toBeGreaterThanOrEqual(0);
            expect(t.pervasiveness).toBeLessThanOrEqual(1);
          }
          const max = Math.max(...c.categories.map((t) => t.episodes));
          for (const t of c.mostFrequent) expect(t.episodes).toBe(max);
        }
        for (const b of [s.RO.balance, s.RS.balance]) {
          if (b.positiveShare !== null) expect(b.positiveShare + b.negativeShare!).toBeCloseTo(1, 12);
        }
      }),
    );
  });
});
