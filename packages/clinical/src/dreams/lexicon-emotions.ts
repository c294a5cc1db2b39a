/**
 * Our own word list of the five Hall–Van de Castle emotions. Each phrase names the emotion felt;
 * negated mentions ('I wasn't scared') are skipped by the coder.
 */
import type { Emotion } from './dream-codes.js';

export interface EmotionTerm {
  emotion: Emotion;
  phrases: readonly string[];
}

const list = (emotion: Emotion, phrases: string): EmotionTerm => ({ emotion, phrases: phrases.split(',') });

export const EMOTION_TERMS: readonly EmotionTerm[] = [
  list(
    'AN',
    'angry,angrily,anger,furious,furiously,annoyed,irritated,irritation,enraged,rage,livid,fuming,cross with,mad at,frustrated,frustration,resentful,indignant,outraged,seething,exasperated,lost my temper,lost his temper,lost her temper',
  ),
  list(
    'AP',
    'afraid,scared,frightened,terrified,terror,fear,fearful,anxious,anxiety,worried,worry,nervous,nervously,panic|panicked|panicking,panicky,dread,dreading,uneasy,alarmed,horrified,petrified,tense,apprehensive,embarrassed,embarrassment,ashamed,shame,humiliated,guilty,mortified,on edge,in a cold sweat,my heart was pounding,my heart pounding',
  ),
  list(
    'SD',
    'sad,sadly,sadness,unhappy,crying,cried,cry,wept,weeping,in tears,tears,lonely,loneliness,heartbroken,grief,grieving,devastated,miserable,disappointed,disappointment,depressed,despair,sorrow,sorrowful,upset,hopeless,felt empty,homesick,regret',
  ),
  list(
    'CO',
    "confused,confusion,puzzled,bewildered,baffled,perplexed,disoriented,disorientated,surprised,surprise,astonished,amazed,shocked,stunned,didn't know what to do,did not know what to do,didn't understand,did not understand,couldn't understand,could not understand,unsure,uncertain,strange feeling,wondered why,no idea why,made no sense",
  ),
  list(
    'HA',
    'happy,happily,happiness,glad,joy,joyful,delighted,thrilled,elated,excited,excitement,relieved,relief,pleased,cheerful,ecstatic,content,contented,overjoyed,euphoric,laughed,laughing,grinning,peaceful,calm,grateful,proud',
  ),
];

/** Words within three tokens before an emotion that negate it. */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not',
  'never',
  'no',
  'nobody',
  'without',
  "wasn't",
  "didn't",
  "weren't",
  "isn't",
  "don't",
  'wasnt',
  'nor',
]);
