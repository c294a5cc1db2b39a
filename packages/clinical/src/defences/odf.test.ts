import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFENCE_IDS } from './dmrs.js';
import type { DefenceId } from './dmrs.js';
import {
  DEFAULT_DEFENCE_GROUPING,
  groupProfile,
  groupingErrors,
  levelProfile,
  odfTrend,
  overallDefensiveFunctioning,
} from './odf.js';
import type { DefenceGrouping, DefenceRating } from './odf.js';

describe('overallDefensiveFunctioning', () => {
  it('is the mean level: 7, 3, 3 → 13 / 3 ≈ 4.33', () => {
    const odf = overallDefensiveFunctioning(['humour', 'denial', 'projection']);
    expect(odf).toBeCloseTo(13 / 3, 12);
    expect(odf?.toFixed(2)).toBe('4.33');
  });

  it('is null when nothing is coded', () => {
    expect(overallDefensiveFunctioning([])).toBeNull();
    expect(overallDefensiveFunctioning([{ defence: 'humour', count: 0 }])).toBeNull();
  });

  it('weights by count: 2 × level 6 + 1 × level 1 + 1 × level 4 → 17 / 4 = 4.25', () => {
    expect(overallDefensiveFunctioning([{ defence: 'undoing', count: 2 }, 'acting-out', 'idealisation-other'])).toBe(
      4.25,
    );
  });

  it('counts a repeated id as often as it appears: 5, 5, 2 → 4', () => {
    expect(overallDefensiveFunctioning(['repression', 'repression', 'splitting-other'])).toBe(4);
  });

  it('is the level itself for one defence', () => {
    expect(overallDefensiveFunctioning(['passive-aggression'])).toBe(1);
    expect(overallDefensiveFunctioning(['suppression'])).toBe(7);
  });

  it('refuses an unknown id and a bad count', () => {
    expect(() => overallDefensiveFunctioning(['humor' as DefenceId])).toThrow(/Unknown DMRS defence id "humor"/);
    expect(() => overallDefensiveFunctioning([{ defence: 'humour', count: -1 }])).toThrow(/whole number/);
    expect(() => overallDefensiveFunctioning([{ defence: 'humour', count: 1.5 }])).toThrow(/whole number/);
  });
});

describe('levelProfile', () => {
  it('gives the share per level from 7 down to 1', () => {
    const profile = levelProfile(['humour', 'denial', 'projection', { defence: 'undoing', count: 1 }]);
    expect(profile.total).toBe(4);
    expect(profile.levels.map((l) => [l.level, l.count, l.share])).toEqual([
      [7, 1, 0.25],
      [6, 1, 0.25],
      [5, 0, 0],
      [4, 0, 0],
      [3, 2, 0.5],
      [2, 0, 0],
      [1, 0, 0],
    ]);
    expect(profile.levels[0]?.name).toBe('High adaptive');
  });

  it('is all zero when nothing is coded', () => {
    const profile = levelProfile([]);
    expect(profile.total).toBe(0);
    expect(profile.levels.every((l) => l.count === 0 && l.share === 0)).toBe(true);
  });
});

describe('grouping (unverified, configurable)', () => {
  it('defaults to mature 7, neurotic 5–6, immature 1–4, marked unverified', () => {
    expect(DEFAULT_DEFENCE_GROUPING.unverified).toBe(true);
    expect(groupingErrors(DEFAULT_DEFENCE_GROUPING)).toEqual([]);
    const profile = groupProfile(['humour', 'undoing', 'repression', 'denial', 'acting-out']);
    expect(profile.groups.map((g) => [g.id, g.count, g.share])).toEqual([
      ['mature', 1, 0.2],
      ['neurotic', 2, 0.4],
      ['immature', 2, 0.4],
    ]);
    expect(profile.unverified).toBe(true);
  });

  it('takes a practice grouping instead', () => {
    const twoWay: DefenceGrouping = {
      groups: [
        { id: 'higher', label: 'Higher', levels: [5, 6, 7] },
        { id: 'lower', label: 'Lower', levels: [1, 2, 3, 4] },
      ],
      unverified: false,
      source: 'Practice choice',
    };
    const profile = groupProfile(['humour', 'denial', 'projection'], twoWay);
    expect(profile.groups.map((g) => g.count)).toEqual([1, 2]);
    expect(profile.unverified).toBe(false);
    expect(groupProfile([], twoWay).groups.map((g) => g.share)).toEqual([0, 0]);
  });

  it('explains what is wrong with a grouping and refuses to use it', () => {
    const bad: DefenceGrouping = {
      groups: [
        { id: 'a', label: 'A', levels: [7, 6] },
        { id: 'a', label: 'A again', levels: [6, 8 as 7] },
        { id: ' ', label: 'Blank', levels: [1] },
      ],
      unverified: true,
      source: 'test',
    };
    expect(groupingErrors(bad)).toEqual([
      'groups[1].id "a" is used twice',
      'level 6 is in both "a" and "a"',
      'groups[1] has level 8, which is not a DMRS level (1–7)',
      'groups[2].id is empty',
      'level 2 is in no group',
      'level 3 is in no group',
      'level 4 is in no group',
      'level 5 is in no group',
    ]);
    expect(() => groupProfile(['humour'], bad)).toThrow(/Invalid defence grouping/);
  });
});

describe('odfTrend', () => {
  it('gives the ODF per occasion in order, null where nothing was coded', () => {
    expect(
      odfTrend([
        { at: '2025-01-07', ratings: ['denial', 'projection'] },
        { at: '2025-01-14', ratings: [] },
        { at: '2025-01-21', ratings: ['humour', 'denial', 'projection'] },
      ]).map((p) => [p.at, p.odf === null ? null : Number(p.odf.toFixed(2)), p.defencesCoded]),
    ).toEqual([
      ['2025-01-07', 3, 2],
      ['2025-01-14', null, 0],
      ['2025-01-21', 4.33, 3],
    ]);
  });
});

const rating: fc.Arbitrary<DefenceRating> = fc.oneof(
  fc.constantFrom(...DEFENCE_IDS),
  fc.record({ defence: fc.constantFrom(...DEFENCE_IDS), count: fc.integer({ min: 1, max: 20 }) }),
);

describe('properties', () => {
  it('ODF is within 1–7 for any non-empty coding', () => {
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 60 }), (ratings) => {
        const odf = overallDefensiveFunctioning(ratings);
        return odf !== null && odf >= 1 && odf <= 7;
      }),
    );
  });

  it('level-profile shares sum to 1 and ODF equals Σ level × share', () => {
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 60 }), (ratings) => {
        const { levels } = levelProfile(ratings);
        const sum = levels.reduce((s, l) => s + l.share, 0);
        const weighted = levels.reduce((s, l) => s + l.level * l.share, 0);
        expect(sum).toBeCloseTo(1, 12);
        expect(weighted).toBeCloseTo(overallDefensiveFunctioning(ratings)!, 12);
      }),
    );
  });

  it('group shares sum to 1 under the default grouping', () => {
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 60 }), (ratings) => {
        const sum = groupProfile(ratings).groups.reduce((s, g) => s + g.share, 0);
        expect(sum).toBeCloseTo(1, 12);
      }),
    );
  });

  it('ODF does not depend on the order of ratings', () => {
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 30 }), (ratings) => {
        const reversed = [...ratings].reverse();
        expect(overallDefensiveFunctioning(reversed)).toBeCloseTo(overallDefensiveFunctioning(ratings)!, 12);
      }),
    );
  });
});
