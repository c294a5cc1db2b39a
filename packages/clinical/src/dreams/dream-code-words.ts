import type { DreamCodeContent } from './dream-codes.js';

/**
 * The words for Hall–Van de Castle dream codes (en-GB), shared by the therapist's patterns view in the
 * web app and the subject-access pack on the server, so a code reads the same wherever it is shown.
 */
export const DREAM_CODE_WORDS = {
  category: {
    character: 'Character',
    aggression: 'Aggression',
    friendliness: 'Friendliness',
    sexuality: 'Sexuality',
    emotion: 'Emotion',
    setting: 'Setting',
    success: 'Success',
    failure: 'Failure',
    misfortune: 'Misfortune',
    'good-fortune': 'Good fortune',
    'body-part': 'Body part',
  },
  options: {
    kind: { human: 'Human', animal: 'Animal', creature: 'Creature' },
    sex: { male: 'Male', female: 'Female', indefinite: 'Indefinite' },
    identity: {
      family: 'Immediate family',
      relative: 'Relative',
      friend: 'Friend',
      known: 'Known',
      prominent: 'Prominent',
      stranger: 'Stranger',
    },
    aggressionRole: { aggressor: 'Aggressor', victim: 'Victim', reciprocal: 'Reciprocal', witness: 'Witness' },
    friendlinessRole: { befriender: 'Befriender', befriended: 'Befriended', mutual: 'Mutual', witness: 'Witness' },
    sexualityRole: { initiator: 'Initiator', recipient: 'Recipient', mutual: 'Mutual', witness: 'Witness' },
    emotion: { AN: 'Anger', AP: 'Apprehension', SD: 'Sadness', CO: 'Confusion', HA: 'Happiness' },
    place: { indoor: 'Indoor', outdoor: 'Outdoor', ambiguous: 'Ambiguous' },
    familiarity: {
      familiar: 'Familiar',
      unfamiliar: 'Unfamiliar',
      distorted: 'Distorted',
      geographical: 'Geographical',
      questionable: 'Questionable',
    },
    region: {
      head: 'Head',
      extremities: 'Extremities',
      torso: 'Torso',
      anatomy: 'Anatomy',
      'sex-organs': 'Sex organs',
    },
    aggressionLevel: {
      '1': 'A1 covert hostility',
      '2': 'A2 verbal or expressive hostility',
      '3': 'A3 rejection or coercion',
      '4': 'A4 verbal threat',
      '5': 'A5 theft or destruction',
      '6': 'A6 chasing or confining',
      '7': 'A7 physical assault',
      '8': 'A8 killing',
    },
    friendlinessLevel: {
      '1': 'F1 felt friendliness',
      '2': 'F2 expressed friendliness',
      '3': 'F3 an invitation or visit',
      '4': 'F4 help, protection or rescue',
      '5': 'F5 a gift or loan',
      '6': 'F6 physical affection',
      '7': 'F7 a wish for a lasting relationship',
    },
    sexualityLevel: {
      '1': 'S1 sexual thoughts or overtures',
      '2': 'S2 kissing',
      '3': 'S3 fondling or petting',
      '4': 'S4 attempted intercourse',
      '5': 'S5 intercourse',
    },
    misfortuneLevel: {
      '1': 'M1 a threat from the surroundings',
      '2': 'M2 an obstacle, being lost or late',
      '3': 'M3 an accident or fall',
      '4': 'M4 the loss of something of one’s own',
      '5': 'M5 injury or illness',
      '6': 'M6 death',
    },
  },
} as const;

/** A code whose level is any number (as a form or a JSON body holds it), not only a valid one. */
type WithAnyLevel<T> = T extends { level: number } ? Omit<T, 'level'> & { level: number } : T;
export type DreamCodeContentInput = WithAnyLevel<DreamCodeContent>;

/** A level's words; a level the scale does not have (only from a hand-made body) is given as its number. */
function levelWord(words: Readonly<Record<string, string>>, prefix: string, level: number): string {
  return words[String(level)] ?? `${prefix}${level}`;
}

/** A short description of a code, e.g. "A6 chasing or confining, Victim". */
export function dreamCodeLabel(code: DreamCodeContentInput): string {
  const t = DREAM_CODE_WORDS;
  const o = t.options;
  switch (code.category) {
    case 'character':
      return `${t.category.character}: ${o.kind[code.kind]}, ${o.sex[code.sex]}, ${o.identity[code.identity]}`;
    case 'aggression':
      return `${levelWord(o.aggressionLevel, 'A', code.level)}, ${o.aggressionRole[code.dreamerRole]}`;
    case 'friendliness':
      return `${levelWord(o.friendlinessLevel, 'F', code.level)}, ${o.friendlinessRole[code.dreamerRole]}`;
    case 'sexuality':
      return `${levelWord(o.sexualityLevel, 'S', code.level)}, ${o.sexualityRole[code.dreamerRole]}`;
    case 'emotion':
      return `${t.category.emotion}: ${o.emotion[code.emotion]}`;
    case 'setting':
      return `${t.category.setting}: ${o.place[code.place]}, ${o.familiarity[code.familiarity]}`;
    case 'misfortune':
      return levelWord(o.misfortuneLevel, 'M', code.level);
    case 'body-part':
      return `${t.category['body-part']}: ${o.region[code.region]}`;
    default:
      return t.category[code.category];
  }
}
