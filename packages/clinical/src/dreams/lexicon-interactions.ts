/**
 * Our own word lists of social interactions (Hall–Van de Castle aggression A1–A8, friendliness F1–F7,
 * sexuality S1–S5), each phrase with its level. Who is aggressor or victim, befriender or befriended
 * is read from the clause around the phrase by the coder.
 */
import type { AggressionLevel, FriendlinessLevel, SexualityLevel } from './dream-codes.js';

export interface InteractionTerm<L extends number> {
  level: L;
  phrases: readonly string[];
  /** The phrase itself says both sides act on each other ('argued with', 'fought'). */
  reciprocal?: boolean;
}

const t = <L extends number>(level: L, phrases: string, reciprocal = false): InteractionTerm<L> => ({
  level,
  phrases: phrases.split(','),
  reciprocal,
});

export const AGGRESSION_TERMS: readonly InteractionTerm<AggressionLevel>[] = [
  t(1, 'glared,glaring,hated,resented,sneered,scowled,jealous,felt hostile,disliked'),
  t(
    2,
    'shout at,yell at,scream at,criticise,criticize,shouted at,yelled at,screamed at,shouting at,yelling at,insulted,mocked,mocking,criticised,criticized,scolded,told me off,told him off,told her off,swore at,cursed at,growled at,hissed at,hissing at,barked at,laughed at,made fun of,ridiculed,snapped at,nagged,humiliated me,sneered at',
  ),
  t(2, 'argue,argued,argument,quarrelled,quarreled,row with,had a row,fight with', true),
  t(
    3,
    'accused,blamed,rejected,excluded,ignored,ignoring,refused to let,turned away,kicked me out,fired,dumped,betrayed,left me,abandoned me',
  ),
  t(4, 'threatened,threatening,threat,ordered me,demanded,pointed a gun,pointed a knife,pulled a knife,pulled a gun'),
  t(5, 'stole|stolen,steal,robbed,smashed,destroyed,wrecked,vandalised,set fire to,broke into,trashed'),
  t(
    6,
    'chased,chasing,chase,pursued,hunted,hunting,kidnapped,captured,trapped me,locked me,locked us,tied me,followed me,following me,was after me,were after me,cornered,grabbed,dragged',
  ),
  t(
    7,
    'attacked,attacking,attack,hit|hitting,punched,kicked,stabbed,shot at,shot,slapped,beat|beaten,bit|bitten,bite,pushed,shoved,strangled,choked,hurt me,hurt him,hurt her,injured me,stung,scratched,threw something at,threw a,burned me,mauled',
  ),
  t(7, 'fought,fighting,wrestled,brawl', true),
  t(8, 'killed,kill,murdered,murder,strangled to death,shot dead,drowned him,drowned her,stabbed to death'),
];

export const FRIENDLINESS_TERMS: readonly InteractionTerm<FriendlinessLevel>[] = [
  t(1, 'liked,felt fond of,felt close to,missed'),
  t(
    2,
    'smiled at,waved at,waved to,greeted,thanked,praised,complimented,congratulated,said hello,welcomed,cheer for,shook my hand,shook his hand,shook her hand,shook hands,chatted with,talked kindly,comforted,reassured,encouraged',
  ),
  t(2, 'chatted,laughed together,talked and laughed', true),
  t(3, 'invited,asked me to join,asked me to come,asked us to join'),
  t(
    4,
    'helped,helping,rescued,saved,protected,looked after,took care of,carried me,pulled me out,showed me the way,gave me a lift,held my hand,held his hand,held her hand',
  ),
  t(5, 'gave me,gave him,gave her,gave us,gift,present for,lent me,brought me,offered me,cooked for,made me a'),
  t(
    6,
    'hugged,hug,embraced,cuddled,held me,held him,held her,kissed me on the cheek,kissed her on the cheek,kissed him on the cheek',
  ),
  t(6, 'hugged each other', true),
  t(7, 'proposed,married,marry,engaged to,moved in together'),
];

export const SEXUALITY_TERMS: readonly InteractionTerm<SexualityLevel>[] = [
  t(1, 'flirted,flirting,attracted to,fancied,came on to,seduce,seduced,aroused,desire for,wanted to sleep with'),
  t(2, 'kissed,kissing,kiss,made out,making out,snogged'),
  t(3, 'caressed,fondled,touched her body,touched his body,undressed,naked with'),
  t(4, 'tried to have sex,started to have sex,almost had sex'),
  t(5, 'had sex,having sex,made love,making love,slept with,sleeping with'),
];
