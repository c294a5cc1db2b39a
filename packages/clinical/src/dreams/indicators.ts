/**
 * Every Hall–Van de Castle indicator of CLINICAL-REFERENCE.md §6, computed from codes by the exact
 * formulas there. Proportions are in [0, 1] (null when the denominator is 0); the A/C, F/C and S/C
 * indices are rates per character and can exceed 1.
 */
import type { DreamCodeContent, DreamSeries } from './dream-codes.js';
import { NEGATIVE_EMOTIONS } from './dream-codes.js';

export const PROPORTION_INDICATORS = [
  'maleFemale',
  'familiarity',
  'friends',
  'family',
  'deadImaginary',
  'animal',
  'aggressionFriendliness',
  'befriender',
  'aggressor',
  'physicalAggression',
  'selfNegativity',
  'dreamerSuccess',
  'bodilyMisfortunes',
  'torsoAnatomy',
  'negativeEmotions',
  'indoorSetting',
  'familiarSetting',
  'dreamsWithAggression',
  'dreamsWithFriendliness',
  'dreamsWithSexuality',
  'dreamsWithMisfortune',
  'dreamsWithGoodFortune',
  'dreamsWithSuccess',
  'dreamsWithFailure',
  'dreamsWithStriving',
] as const;
export type ProportionIndicator = (typeof PROPORTION_INDICATORS)[number];

export const RATE_INDICATORS = [
  'aggressionsPerCharacter',
  'friendlinessPerCharacter',
  'sexualityPerCharacter',
] as const;
export type RateIndicator = (typeof RATE_INDICATORS)[number];
export type Indicator = ProportionIndicator | RateIndicator;

/** A proportion with the counts behind it, so a reader (and a significance test) sees the base. */
export interface Proportion {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0. */
  value: number | null;
}

export interface DreamIndicators {
  dreams: number;
  proportions: Record<ProportionIndicator, Proportion>;
  rates: Record<RateIndicator, Proportion>;
}

export const INDICATOR_LABELS: Record<Indicator, string> = {
  maleFemale: 'Male/Female %',
  familiarity: 'Familiarity %',
  friends: 'Friends %',
  family: 'Family %',
  deadImaginary: 'Dead & imaginary %',
  animal: 'Animal %',
  aggressionFriendliness: 'Aggression/Friendliness %',
  befriender: 'Befriender %',
  aggressor: 'Aggressor %',
  physicalAggression: 'Physical aggression %',
  selfNegativity: 'Self-negativity %',
  dreamerSuccess: 'D-involved success %',
  bodilyMisfortunes: 'Bodily misfortunes %',
  torsoAnatomy: 'Torso/Anatomy %',
  negativeEmotions: 'Negative emotions %',
  indoorSetting: 'Indoor setting %',
  familiarSetting: 'Familiar setting %',
  dreamsWithAggression: 'Dreams with ≥1 aggression',
  dreamsWithFriendliness: 'Dreams with ≥1 friendliness',
  dreamsWithSexuality: 'Dreams with ≥1 sexuality',
  dreamsWithMisfortune: 'Dreams with ≥1 misfortune',
  dreamsWithGoodFortune: 'Dreams with ≥1 good fortune',
  dreamsWithSuccess: 'Dreams with ≥1 success',
  dreamsWithFailure: 'Dreams with ≥1 failure',
  dreamsWithStriving: 'Dreams with ≥1 striving',
  aggressionsPerCharacter: 'A/C index',
  friendlinessPerCharacter: 'F/C index',
  sexualityPerCharacter: 'S/C index',
};

export function proportion(numerator: number, denominator: number): Proportion {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

const count = (codes: readonly DreamCodeContent[], test: (c: DreamCodeContent) => boolean) =>
  codes.reduce((n, c) => (test(c) ? n + 1 : n), 0);

/** The indicators of a dream series (each element the codes of one dream). */
export function dreamIndicators(series: DreamSeries): DreamIndicators {
  const all = series.flat();
  const n = (test: (c: DreamCodeContent) => boolean) => count(all, test);
  const dreamsWith = (test: (c: DreamCodeContent) => boolean) =>
    proportion(series.filter((codes) => codes.some(test)).length, series.length);

  const humans = n((c) => c.category === 'character' && c.kind === 'human');
  const characters = n((c) => c.category === 'character');
  const males = n((c) => c.category === 'character' && c.kind === 'human' && c.sex === 'male');
  const females = n((c) => c.category === 'character' && c.kind === 'human' && c.sex === 'female');
  const familiar = n((c) => c.category === 'character' && c.kind === 'human' && c.identity !== 'stranger');
  const friends = n((c) => c.category === 'character' && c.kind === 'human' && c.identity === 'friend');
  const family = n(
    (c) => c.category === 'character' && c.kind === 'human' && (c.identity === 'family' || c.identity === 'relative'),
  );
  const deadImaginary = n((c) => c.category === 'character' && (c.dead || c.imaginary));
  const animals = n((c) => c.category === 'character' && c.kind === 'animal');

  const aggressions = n((c) => c.category === 'aggression');
  const dAggression = n((c) => c.category === 'aggression' && c.dreamerRole !== 'witness');
  const aggressor = n((c) => c.category === 'aggression' && c.dreamerRole === 'aggressor');
  const victim = n((c) => c.category === 'aggression' && c.dreamerRole === 'victim');
  const physical = n((c) => c.category === 'aggression' && c.level >= 5);
  const friendliness = n((c) => c.category === 'friendliness');
  const dFriendliness = n((c) => c.category === 'friendliness' && c.dreamerRole !== 'witness');
  const befriender = n((c) => c.category === 'friendliness' && c.dreamerRole === 'befriender');
  const befriended = n((c) => c.category === 'friendliness' && c.dreamerRole === 'befriended');
  const sexuality = n((c) => c.category === 'sexuality');

  const dSuccess = n((c) => c.category === 'success' && c.dreamerInvolved);
  const dFailure = n((c) => c.category === 'failure' && c.dreamerInvolved);
  const dMisfortune = n((c) => c.category === 'misfortune' && c.dreamerInvolved);
  const dGoodFortune = n((c) => c.category === 'good-fortune' && c.dreamerInvolved);
  const misfortunes = n((c) => c.category === 'misfortune');
  const bodily = n((c) => c.category === 'misfortune' && c.level >= 5);
  const bodyParts = n((c) => c.category === 'body-part');
  const torso = n(
    (c) => c.category === 'body-part' && (c.region === 'torso' || c.region === 'anatomy' || c.region === 'sex-organs'),
  );
  const emotions = n((c) => c.category === 'emotion');
  const negative = n((c) => c.category === 'emotion' && NEGATIVE_EMOTIONS.includes(c.emotion));
  const indoor = n((c) => c.category === 'setting' && c.place === 'indoor');
  const outdoor = n((c) => c.category === 'setting' && c.place === 'outdoor');
  const familiarSetting = n((c) => c.category === 'setting' && c.familiarity === 'familiar');
  const unfamiliarSetting = n((c) => c.category === 'setting' && c.familiarity === 'unfamiliar');
  const negatives = victim + dMisfortune + dFailure;

  return {
    dreams: series.length,
    proportions: {
      maleFemale: proportion(males, males + females),
      familiarity: proportion(familiar, humans),
      friends: proportion(friends, humans),
      family: proportion(family, humans),
      deadImaginary: proportion(deadImaginary, characters),
      animal: proportion(animals, characters),
      aggressionFriendliness: proportion(dAggression, dAggression + dFriendliness),
      befriender: proportion(befriender, befriender + befriended),
      aggressor: proportion(aggressor, aggressor + victim),
      physicalAggression: proportion(physical, aggressions),
      selfNegativity: proportion(negatives, negatives + befriended + dGoodFortune + dSuccess),
      dreamerSuccess: proportion(dSuccess, dSuccess + dFailure),
      bodilyMisfortunes: proportion(bodily, misfortunes),
      torsoAnatomy: proportion(torso, bodyParts),
      negativeEmotions: proportion(negative, emotions),
      indoorSetting: proportion(indoor, indoor + outdoor),
      familiarSetting: proportion(familiarSetting, familiarSetting + unfamiliarSetting),
      dreamsWithAggression: dreamsWith((c) => c.category === 'aggression'),
      dreamsWithFriendliness: dreamsWith((c) => c.category === 'friendliness'),
      dreamsWithSexuality: dreamsWith((c) => c.category === 'sexuality'),
      dreamsWithMisfortune: dreamsWith((c) => c.category === 'misfortune'),
      dreamsWithGoodFortune: dreamsWith((c) => c.category === 'good-fortune'),
      dreamsWithSuccess: dreamsWith((c) => c.category === 'success'),
      dreamsWithFailure: dreamsWith((c) => c.category === 'failure'),
      dreamsWithStriving: dreamsWith((c) => c.category === 'success' || c.category === 'failure'),
    },
    rates: {
      aggressionsPerCharacter: proportion(aggressions, characters),
      friendlinessPerCharacter: proportion(friendliness, characters),
      sexualityPerCharacter: proportion(sexuality, characters),
    },
  };
}
