/**
 * The HVdC arithmetic against the norms table: count sets worked out by hand so that, run through
 * `dreamIndicators`, they give the published percentages (to the table's whole percent) and indices
 * (to two decimals) of Hall & Van de Castle (1966) for men and for women.
 */
import { describe, expect, it } from 'vitest';
import type { CharacterIdentity, DreamCodeContent } from './dream-codes.js';
import { PROPORTION_INDICATORS, RATE_INDICATORS, dreamIndicators } from './indicators.js';
import type { DreamNormGroupId } from './norms.js';
import { HVDC_NORMS } from './norms.js';

interface Counts {
  dreams: number;
  humans: { male: number; female: number; family: number; friend: number; known: number; dead: number };
  animals: number;
  creatures: number;
  aggression: { aggressor: number; victim: number; witness: number; physical: number; inDreams: number };
  friendliness: { befriender: number; befriended: number; mutual: number; witness: number; inDreams: number };
  sexuality: { codes: number; inDreams: number };
  /** D-involved success and failure codes, the dreams [from, to) that hold them. */
  success: { codes: number; dreams: [number, number] };
  failure: { codes: number; dreams: [number, number] };
  misfortune: { dreamer: number; others: number; bodily: number; inDreams: number };
  goodFortune: { dreamer: number; inDreams: number };
  emotions: { negative: number; happy: number };
  bodyParts: { torsoAnatomy: number; other: number };
  settings: { indoor: number; outdoor: number; familiar: number; unfamiliar: number; questionable: number };
}

/*
 * Men: 200 characters = 188 humans (126 male, 62 female; familiar 85 = 23 family + 58 friends + 4 known)
 * + 12 animals. 68 aggressions (34 physical; aggressor 16, victim 24), 42 friendliness (befriender 12,
 * befriended 12, mutual 4), 12 sexuality. Self-negativity (24 + 33 + 25) / (82 + 12 + 6 + 26) = .651.
 */
const MEN: Counts = {
  dreams: 100,
  humans: { male: 126, female: 62, family: 23, friend: 58, known: 4, dead: 0 },
  animals: 12,
  creatures: 0,
  aggression: { aggressor: 16, victim: 24, witness: 28, physical: 34, inDreams: 47 },
  friendliness: { befriender: 12, befriended: 12, mutual: 4, witness: 14, inDreams: 38 },
  sexuality: { codes: 12, inDreams: 12 },
  success: { codes: 26, dreams: [0, 15] },
  failure: { codes: 25, dreams: [12, 27] },
  misfortune: { dreamer: 33, others: 5, bodily: 11, inDreams: 36 },
  goodFortune: { dreamer: 6, inDreams: 6 },
  emotions: { negative: 40, happy: 10 },
  bodyParts: { torsoAnatomy: 31, other: 69 },
  settings: { indoor: 48, outdoor: 52, familiar: 62, unfamiliar: 38, questionable: 5 },
};

/*
 * Women: 271 characters = 259 humans (124 male, 135 female; familiar 150 = 49 family, 2 of them dead,
 * + 96 friends + 5 known) + 11 animals + 1 creature. 65 aggressions (22 physical; aggressor 8,
 * victim 16), 60 friendliness (befriender 8, befriended 9, mutual 6), 4 sexuality in 4 dreams.
 * Self-negativity (16 + 25 + 29) / (70 + 9 + 6 + 21) = .660.
 */
const WOMEN: Counts = {
  dreams: 100,
  humans: { male: 124, female: 135, family: 49, friend: 96, known: 5, dead: 2 },
  animals: 11,
  creatures: 1,
  aggression: { aggressor: 8, victim: 16, witness: 41, physical: 22, inDreams: 44 },
  friendliness: { befriender: 8, befriended: 9, mutual: 6, witness: 37, inDreams: 42 },
  sexuality: { codes: 4, inDreams: 4 },
  success: { codes: 21, dreams: [0, 8] },
  failure: { codes: 29, dreams: [5, 15] },
  misfortune: { dreamer: 25, others: 15, bodily: 14, inDreams: 33 },
  goodFortune: { dreamer: 6, inDreams: 6 },
  emotions: { negative: 40, happy: 10 },
  bodyParts: { torsoAnatomy: 20, other: 80 },
  settings: { indoor: 61, outdoor: 39, familiar: 79, unfamiliar: 21, questionable: 3 },
};

/** A dream series holding exactly these counts, spread so that the "dreams with ≥1" counts hold. */
function seriesFrom(c: Counts): DreamCodeContent[][] {
  const dreams: DreamCodeContent[][] = Array.from({ length: c.dreams }, () => []);
  const spread = (codes: DreamCodeContent[], from: number, to: number) => {
    if (codes.length < to - from) throw new Error('fewer codes than dreams to hold them');
    codes.forEach((code, i) => dreams[from + (i % (to - from))]!.push(code));
  };
  const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

  const humans = c.humans.male + c.humans.female;
  const identities: CharacterIdentity[] = [
    ...times(c.humans.family, () => 'family' as const),
    ...times(c.humans.friend, () => 'friend' as const),
    ...times(c.humans.known, () => 'known' as const),
  ];
  spread(
    times(humans, (i) => ({
      category: 'character',
      kind: 'human',
      sex: i < c.humans.male ? 'male' : 'female',
      identity: identities[i] ?? 'stranger',
      dead: i < c.humans.dead,
      imaginary: false,
    })),
    0,
    c.dreams,
  );
  spread(
    [
      ...times(
        c.animals,
        () =>
          ({
            category: 'character',
            kind: 'animal',
            sex: 'indefinite',
            identity: 'stranger',
            dead: false,
            imaginary: false,
          }) as const,
      ),
      ...times(
        c.creatures,
        () =>
          ({
            category: 'character',
            kind: 'creature',
            sex: 'indefinite',
            identity: 'stranger',
            dead: false,
            imaginary: true,
          }) as const,
      ),
    ],
    0,
    c.animals + c.creatures,
  );
  const a = c.aggression;
  const roles = [
    ...times(a.aggressor, () => 'aggressor' as const),
    ...times(a.victim, () => 'victim' as const),
    ...times(a.witness, () => 'witness' as const),
  ];
  spread(
    roles.map((dreamerRole, i) => ({ category: 'aggression', level: i < a.physical ? 7 : 2, dreamerRole })),
    0,
    a.inDreams,
  );
  const f = c.friendliness;
  spread(
    [
      ...times(f.befriender, () => 'befriender' as const),
      ...times(f.befriended, () => 'befriended' as const),
      ...times(f.mutual, () => 'mutual' as const),
      ...times(f.witness, () => 'witness' as const),
    ].map((dreamerRole) => ({ category: 'friendliness', level: 2, dreamerRole })),
    0,
    f.inDreams,
  );
  spread(
    times(c.sexuality.codes, () => ({ category: 'sexuality', level: 2, dreamerRole: 'mutual' })),
    0,
    c.sexuality.inDreams,
  );
  spread(
    times(c.success.codes, () => ({ category: 'success', dreamerInvolved: true })),
    ...c.success.dreams,
  );
  spread(
    times(c.failure.codes, () => ({ category: 'failure', dreamerInvolved: true })),
    ...c.failure.dreams,
  );
  const m = c.misfortune;
  spread(
    times(m.dreamer + m.others, (i) => ({
      category: 'misfortune',
      level: i < m.bodily ? 5 : 2,
      dreamerInvolved: i >= m.others,
    })),
    0,
    m.inDreams,
  );
  spread(
    times(c.goodFortune.dreamer, () => ({ category: 'good-fortune', dreamerInvolved: true })),
    0,
    c.goodFortune.inDreams,
  );
  spread(
    times(c.emotions.negative + c.emotions.happy, (i) => ({
      category: 'emotion',
      emotion: i < c.emotions.negative ? 'AP' : 'HA',
      dreamerFeels: true,
    })),
    0,
    c.emotions.negative + c.emotions.happy,
  );
  spread(
    times(c.bodyParts.torsoAnatomy + c.bodyParts.other, (i) => ({
      category: 'body-part',
      region: i < c.bodyParts.torsoAnatomy ? 'torso' : 'head',
    })),
    0,
    c.dreams,
  );
  const s = c.settings;
  spread(
    times(s.indoor + s.outdoor + s.questionable, (i) => ({
      category: 'setting',
      place: i < s.indoor ? 'indoor' : i < s.indoor + s.outdoor ? 'outdoor' : 'ambiguous',
      familiarity: i < s.familiar ? 'familiar' : i < s.familiar + s.unfamiliar ? 'unfamiliar' : 'questionable',
    })),
    0,
    c.dreams,
  );
  return dreams;
}

describe.each([
  ['men', MEN],
  ['women', WOMEN],
] as [DreamNormGroupId, Counts][])('the norms table, %s', (group, counts) => {
  const indicators = dreamIndicators(seriesFrom(counts));
  const norm = HVDC_NORMS[group];

  it.each(PROPORTION_INDICATORS.map((k) => [k]))('%s comes out at the published percentage', (k) => {
    const value = indicators.proportions[k].value;
    expect(value).not.toBeNull();
    expect(Math.round(value! * 100)).toBe(Math.round(norm.proportions[k] * 100));
  });

  it.each(RATE_INDICATORS.map((k) => [k]))('%s comes out at the published index', (k) => {
    const value = indicators.rates[k].value;
    expect(value).not.toBeNull();
    expect(Math.round(value! * 100) / 100).toBe(norm.rates[k]);
  });

  it('counts the dreams', () => {
    expect(indicators.dreams).toBe(100);
  });
});

describe('indicators of an empty or sparse series', () => {
  it('gives null, not NaN, where a denominator is 0', () => {
    const empty = dreamIndicators([]);
    for (const k of PROPORTION_INDICATORS) expect(empty.proportions[k].value).toBeNull();
    for (const k of RATE_INDICATORS) expect(empty.rates[k].value).toBeNull();
    const one = dreamIndicators([[{ category: 'emotion', emotion: 'HA', dreamerFeels: true }]]);
    expect(one.proportions.negativeEmotions).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(one.proportions.dreamsWithAggression).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(one.proportions.maleFemale.value).toBeNull();
  });

  it('lets the rates exceed 1', () => {
    const dream: DreamCodeContent[] = [
      { category: 'character', kind: 'human', sex: 'male', identity: 'stranger', dead: false, imaginary: false },
      { category: 'aggression', level: 7, dreamerRole: 'victim' },
      { category: 'aggression', level: 2, dreamerRole: 'aggressor' },
    ];
    expect(dreamIndicators([dream]).rates.aggressionsPerCharacter.value).toBe(2);
  });
});
