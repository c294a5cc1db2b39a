/**
 * Our own word lists of Hall–Van de Castle outcomes: success and failure (of a striving), misfortune
 * M1–M6 (M5 injury or illness and M6 death are bodily) and good fortune.
 */
import type { MisfortuneLevel } from './dream-codes.js';

export const SUCCESS_PHRASES: readonly string[] = [
  'managed to',
  'succeeded',
  'succeed',
  'won',
  'win',
  'passed the',
  'passed my',
  'finally got',
  'finally made it',
  'finally found',
  'made it to',
  'made it in time',
  'solved',
  'escaped',
  'got away',
  'finished',
  'achieved',
  'was able to',
  'were able to',
  'figured out',
  'caught the',
  'fixed',
];

export const FAILURE_PHRASES: readonly string[] = [
  'failed',
  'fail',
  "couldn't get|reach|open|escape|catch|finish|stop|make|remember|answer|run|save|climb|win",
  'could not get|reach|open|escape|catch|finish|stop|make|remember|answer|run|save|climb|win',
  'was unable to',
  'were unable to',
  'tried to',
  'trying to',
  'lost the game',
  'lost the race',
  'lost the match',
  'gave up',
  'not able to',
  'missed the',
  'did not manage',
  "didn't manage",
  'no matter how hard',
];

export interface MisfortuneTerm {
  level: MisfortuneLevel;
  phrases: readonly string[];
}
const m = (level: MisfortuneLevel, phrases: string): MisfortuneTerm => ({ level, phrases: phrases.split(',') });

export const MISFORTUNE_TERMS: readonly MisfortuneTerm[] = [
  m(
    1,
    'storm,flood,flooding,fire,earthquake,tornado,tsunami,avalanche,collapsing,collapsed,crumbling,burning,explosion,exploded,hurricane',
  ),
  m(
    2,
    "lost my way,got lost,was lost,were lost,stuck,late for,running late,was late,missed my,missed the bus,missed the train,locked out,could not find,couldn't find,broke down,blocked,delayed",
  ),
  m(3, 'fell,falling,fall,tripped,slipped,crashed,crash,accident,sinking,sank,drowning'),
  m(
    4,
    'lost my,lost her,lost his,lost our,my phone was gone,had been stolen,was stolen,were stolen,broke my phone,ruined',
  ),
  m(
    5,
    "injured,injury,wounded,bleeding,bled,blood everywhere,broke my leg,broke my arm,broken leg,broken arm,sick,ill,illness,cancer,pain,in pain,hurt my,hurting,fainted,vomited,teeth fell out,teeth falling out,paralysed,paralyzed,could not move,couldn't move,could not breathe,couldn't breathe,burnt,burned my,fever,hospitalised",
  ),
  m(6, 'died,dying,die,death,drowned,passed away,was dead,were dead,is dead'),
];

export const GOOD_FORTUNE_PHRASES: readonly string[] = [
  'luckily',
  'lucky',
  'by chance',
  'fortunately',
  'miraculously',
  'found money',
  'found some money',
  'won the lottery',
  'it turned out fine',
  'found my lost',
  'got the job',
  'a prize',
  'inherited',
];
