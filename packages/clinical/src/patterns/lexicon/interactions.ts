/**
 * Interaction verbs: what one person does to another. Our own list. Terms are lemmas (or surface
 * words) in lower case; a space joins several words and `*` stands for up to two words in between
 * ("put * down" finds "put me down").
 */

export type InteractionKind =
  'help' | 'comfort' | 'praise' | 'attack' | 'criticise' | 'ignore' | 'leave' | 'reject' | 'control' | 'argue';

export interface InteractionKindTerms {
  kind: InteractionKind;
  /** en-GB label for display, as a verb ("criticise"). */
  label: string;
  valence: 'positive' | 'negative';
  terms: readonly string[];
}

export const INTERACTION_KINDS: readonly InteractionKindTerms[] = [
  {
    kind: 'help',
    label: 'help',
    valence: 'positive',
    terms: [
      'help',
      'support',
      'supportive',
      'teach',
      'look after',
      'take care of',
      'care for',
      'rescue',
      'protect',
      'stand up for',
      'encourage',
      'pick * up from',
    ],
  },
  {
    kind: 'comfort',
    label: 'comfort',
    valence: 'positive',
    terms: ['comfort', 'hug', 'cuddle', 'reassure', 'console', 'soothe', 'listen', 'hold my hand', 'be there for'],
  },
  {
    kind: 'praise',
    label: 'praise',
    valence: 'positive',
    terms: ['praise', 'compliment', 'thank', 'congratulate', 'admire', 'proud of me'],
  },
  {
    kind: 'attack',
    label: 'attack',
    valence: 'negative',
    terms: [
      'hit',
      'slap',
      'punch',
      'kick',
      'shout',
      'yell',
      'scream at',
      'attack',
      'beat',
      'push',
      'shove',
      'threaten',
      'bully',
      'abuse',
      'mock',
      'humiliate',
      'tease',
      'hurt me',
      'snap at',
      'lash out',
      'laugh at',
      'chase',
    ],
  },
  {
    kind: 'criticise',
    label: 'criticise',
    valence: 'negative',
    terms: [
      'criticise',
      'criticize',
      'criticism',
      'blame',
      'judge',
      'tell * off',
      'put * down',
      'nag',
      'scold',
      'belittle',
      'lecture',
      'complain about',
      'disapprove',
      'find fault',
      'correct',
      'pick on',
    ],
  },
  {
    kind: 'ignore',
    label: 'ignore',
    valence: 'negative',
    terms: [
      'ignore',
      'dismiss',
      'neglect',
      'brush * off',
      'overlook',
      'ghost',
      'forget',
      'forget about me',
      'talk over',
    ],
  },
  {
    kind: 'leave',
    label: 'leave',
    valence: 'negative',
    terms: [
      'leave',
      'walk out',
      'abandon',
      'move out',
      'go away',
      'break up',
      'split up',
      'dump',
      'desert',
      'storm off',
      'walk away',
      'move away',
    ],
  },
  {
    kind: 'reject',
    label: 'reject',
    valence: 'negative',
    terms: [
      'reject',
      'refuse',
      'turn * down',
      'exclude',
      'shut * out',
      'push * away',
      'snub',
      'cut * off',
      'not want me',
    ],
  },
  {
    kind: 'control',
    label: 'control',
    valence: 'negative',
    terms: [
      'control',
      'force',
      'order',
      'forbid',
      'boss * around',
      'check up on',
      'insist',
      'tell me what to',
      'treat * like a child',
      'decide for',
    ],
  },
  {
    kind: 'argue',
    label: 'argue with',
    valence: 'negative',
    terms: ['argue', 'argument', 'row', 'fight', 'quarrel', 'fall out', 'clash', 'bicker', 'have it out'],
  },
];

export const INTERACTION_KIND_IDS: readonly InteractionKind[] = INTERACTION_KINDS.map((k) => k.kind);

export function interactionLabel(kind: InteractionKind): string {
  return INTERACTION_KINDS.find((k) => k.kind === kind)!.label;
}

/**
 * Kinds that, when negated ("she never listened", "nobody helped me"), describe care withheld: read
 * as `ignore`. A negated negative kind ("he didn't shout") is dropped.
 */
export const WITHHELD_AS_IGNORE: ReadonlySet<InteractionKind> = new Set(['help', 'comfort', 'praise']);

/**
 * Acts of attention that only say something when withheld: "she never replied", "he did not come",
 * "they never asked how I was" read as `ignore`; said plainly they are not counted.
 */
export const ATTENTION_TERMS: readonly string[] = [
  'reply',
  'answer',
  'visit',
  'call',
  'ring',
  'ask how',
  'ask about',
  'speak to',
  'speak',
  'talk to',
  'come to',
  'come',
  'look at',
  'notice',
  'say * love',
  'turn up',
  'show up',
];
