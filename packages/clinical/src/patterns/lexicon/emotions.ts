/**
 * Emotion families and the words that express them. Our own list, written for Undercurrent (no NRC,
 * LIWC or other restricted lexicon). The first five follow the Hall–Van de Castle emotion classes
 * (anger, apprehension, sadness, confusion, happiness); shame, guilt, love and envy are added for
 * psychodynamic work. Terms are lemmas or surface words, lower case; a space joins several words,
 * and `*` stands for up to two words in between.
 */

export type EmotionFamily =
  | 'anger'
  | 'fear'
  | 'sadness'
  | 'confusion'
  | 'happiness'
  | 'shame'
  | 'guilt'
  | 'love'
  | 'envy';

export interface EmotionFamilyTerms {
  family: EmotionFamily;
  /** en-GB label for display. */
  label: string;
  valence: 'negative' | 'positive' | 'mixed';
  terms: readonly string[];
}

export const EMOTION_FAMILIES: readonly EmotionFamilyTerms[] = [
  {
    family: 'anger',
    label: 'anger',
    valence: 'negative',
    terms: [
      'angry',
      'anger',
      'furious',
      'fury',
      'rage',
      'livid',
      'irritated',
      'irritation',
      'irritable',
      'annoyed',
      'annoyance',
      'resentful',
      'resentment',
      'resent',
      'frustrated',
      'frustration',
      'outraged',
      'seething',
      'fuming',
      'bitter',
      'hate',
      'hatred',
      'exasperated',
      'cross with',
      'mad at',
      'wound up',
      'pissed off',
      'fed up',
      'seethe',
      'drive me mad',
    ],
  },
  {
    family: 'fear',
    label: 'fear and apprehension',
    valence: 'negative',
    terms: [
      'afraid',
      'scared',
      'frightened',
      'fear',
      'terrified',
      'terror',
      'anxious',
      'anxiety',
      'worried',
      'worry',
      'nervous',
      'panic',
      'panicky',
      'panicked',
      'dread',
      'uneasy',
      'apprehensive',
      'apprehension',
      'tense',
      'on edge',
      'petrified',
      'alarmed',
      'frighten',
      'scare',
      'unsafe',
      'stressed',
      'stress out',
    ],
  },
  {
    family: 'sadness',
    label: 'sadness',
    valence: 'negative',
    terms: [
      'sad',
      'sadness',
      'unhappy',
      'depressed',
      'miserable',
      'grief',
      'grieve',
      'heartbroken',
      'lonely',
      'loneliness',
      'hopeless',
      'despair',
      'tearful',
      'cry',
      'crying',
      'weep',
      'sorrow',
      'gloomy',
      'disappointed',
      'disappointment',
      'low',
      'feel down',
      'felt down',
      'empty',
      'devastated',
      'upset',
      'heavy-hearted',
      'in tears',
      'alone',
      'hurt',
      'pointless',
      'abandoned',
      'rejected',
    ],
  },
  {
    family: 'confusion',
    label: 'confusion',
    valence: 'mixed',
    terms: [
      'confused',
      'confusion',
      'confusing',
      'bewildered',
      'puzzled',
      'unsure',
      'uncertain',
      'not sure',
      'torn',
      'muddled',
      'baffled',
      'mixed up',
      'lost',
      "don't know what",
      'do not know what',
      'no idea',
      "can't make sense",
      'make sense of',
      "didn't know what",
      "don't know why",
      'do not know why',
      'never knew why',
    ],
  },
  {
    family: 'happiness',
    label: 'happiness',
    valence: 'positive',
    terms: [
      'happy',
      'happiness',
      'glad',
      'joy',
      'joyful',
      'cheerful',
      'delighted',
      'content',
      'relieved',
      'relief',
      'pleased',
      'excited',
      'elated',
      'calm',
      'peaceful',
      'grateful',
      'proud',
      'laugh',
      'laughing',
      'enjoy',
      'lovely',
      'light',
      'hopeful',
    ],
  },
  {
    family: 'shame',
    label: 'shame',
    valence: 'negative',
    terms: [
      'ashamed',
      'shame',
      'humiliated',
      'humiliation',
      'embarrassed',
      'embarrassment',
      'mortified',
      'exposed',
      'felt small',
      'feel small',
      'felt stupid',
      'feel stupid',
      'worthless',
      'pathetic',
      'inadequate',
      'useless',
      'a failure',
      'cringe',
      'shy',
    ],
  },
  {
    family: 'guilt',
    label: 'guilt',
    valence: 'negative',
    terms: [
      'guilty',
      'guilt',
      'my fault',
      'to blame',
      'remorse',
      'regret',
      'should have',
      "shouldn't have",
      'let * down',
      'selfish',
      'felt responsible',
      'feel responsible',
      'blame myself',
    ],
  },
  {
    family: 'love',
    label: 'love and tenderness',
    valence: 'positive',
    terms: ['love', 'loving', 'adore', 'affection', 'affectionate', 'fond', 'tenderness', 'tender', 'cherish', 'warmth', 'miss', 'close to'],
  },
  {
    family: 'envy',
    label: 'envy and jealousy',
    valence: 'negative',
    terms: ['envy', 'envious', 'jealous', 'jealousy', 'covet', 'wish i had', 'wish i were', 'wish i was'],
  },
];

export const EMOTION_FAMILY_IDS: readonly EmotionFamily[] = EMOTION_FAMILIES.map((f) => f.family);

export function emotionLabel(family: EmotionFamily): string {
  return EMOTION_FAMILIES.find((f) => f.family === family)!.label;
}

/**
 * Terms whose own words carry a negation ("not sure", "shouldn't have"), so a negation in the
 * sentence does not cancel them.
 */
export const SELF_NEGATING_TERMS: ReadonlySet<string> = new Set([
  'not sure',
  "don't know what",
  'do not know what',
  "can't make sense",
  "didn't know what",
  "shouldn't have",
  'no idea',
  "don't know why",
  'do not know why',
  'never knew why',
]);
