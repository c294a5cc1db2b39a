/**
 * Our own word list of character terms (Hall–Van de Castle characters): kinship, roles, animals and
 * imaginary creatures, each with the sex and identity it implies. Plural forms count as one (group)
 * character, as in HVdC. Written for this product; not taken from any published dictionary.
 */
import type { CharacterCode, CharacterIdentity, CharacterKind, CharacterSex } from './dream-codes.js';

export interface CharacterTerm {
  /** Phrases (see `phraseIndex`): regular plurals are accepted. */
  phrases: readonly string[];
  kind: CharacterKind;
  sex: CharacterSex;
  identity: CharacterIdentity;
  imaginary?: boolean;
  /** The identity after 'my' or 'our' when it differs ('a child' is a stranger, 'my child' family). */
  mineIdentity?: CharacterIdentity;
}

const human = (phrases: string, sex: CharacterSex, identity: CharacterIdentity): CharacterTerm => ({
  phrases: phrases.split(','),
  kind: 'human',
  sex,
  identity,
});

export const CHARACTER_TERMS: readonly CharacterTerm[] = [
  human('mother,mum,mom,mummy,mam,mommy', 'female', 'family'),
  human('father,dad,daddy,papa', 'male', 'family'),
  human('sister', 'female', 'family'),
  human('brother', 'male', 'family'),
  human('parent', 'indefinite', 'family'),
  human('wife', 'female', 'family'),
  human('husband', 'male', 'family'),
  human('partner', 'indefinite', 'family'),
  human('son', 'male', 'family'),
  human('daughter', 'female', 'family'),
  { ...human('child|children,kid,baby|babies', 'indefinite', 'stranger'), mineIdentity: 'family' },
  human('grandmother,grandma,granny,nan,nana,gran', 'female', 'relative'),
  human('grandfather,grandpa,granddad,grandad', 'male', 'relative'),
  human('grandparent', 'indefinite', 'relative'),
  human('aunt,auntie', 'female', 'relative'),
  human('uncle', 'male', 'relative'),
  human('cousin', 'indefinite', 'relative'),
  human('niece', 'female', 'relative'),
  human('nephew', 'male', 'relative'),
  human('stepmother,mother-in-law', 'female', 'relative'),
  human('stepfather,father-in-law', 'male', 'relative'),
  human('girlfriend', 'female', 'friend'),
  human('boyfriend', 'male', 'friend'),
  human('friend,best friend,flatmate,roommate,housemate', 'indefinite', 'friend'),
  human('colleague,coworker,classmate,neighbour,neighbor,teammate', 'indefinite', 'known'),
  human('boss,manager,teacher,therapist,my doctor', 'indefinite', 'known'),
  human('ex', 'indefinite', 'known'),
  human('man|men,guy,boy,gentleman|gentlemen', 'male', 'stranger'),
  human('woman|women,lady|ladies,girl', 'female', 'stranger'),
  human(
    'person,people,stranger,someone,somebody,crowd,doctor,nurse,policeman|policemen,police officer,soldier,waiter,waitress,driver,teenager,passenger,guard,student,figure,intruder,burglar,thief|thieves,surgeon,pilot,priest,shopkeeper,receptionist,group,gang,audience',
    'indefinite',
    'stranger',
  ),
  human('the queen,the king,the president,the prime minister,a celebrity,a famous', 'indefinite', 'prominent'),
  {
    phrases:
      'dog,puppy|puppies,cat,kitten,horse,snake,spider,bird,rat,mouse|mice,wolf|wolves,bear,lion,tiger,shark,fish,insect,bee,wasp,cow,pig,sheep,fox,rabbit,owl,crow,deer,crocodile,whale,dolphin,animal,creature,bull,goat,monkey,elephant,frog,worm,beetle,cockroach'.split(
        ',',
      ),
    kind: 'animal',
    sex: 'indefinite',
    identity: 'stranger',
  },
  {
    phrases:
      'monster,ghost,dragon,witch|witches,alien,zombie,vampire,fairy|fairies,angel,devil,demon,giant,troll,goblin,spirit,unicorn,mermaid|mermaids,robot'.split(
        ',',
      ),
    kind: 'creature',
    sex: 'indefinite',
    identity: 'stranger',
    imaginary: true,
  },
];

/** First names whose sex is conventional, for 'my friend Anna', 'Tom was there'. Our own short list. */
export const FEMALE_NAMES: ReadonlySet<string> = new Set(
  'anna,sarah,emma,lucy,kate,katie,claire,rachel,laura,sophie,hannah,jess,jessica,amy,emily,helen,jane,julia,maria,mary,ruth,alice,ellie,chloe,grace,olivia,ella,zoe,rose,nina,priya,fatima,aisha,leila,mia,eva,clara,beth,holly,megan,natalie,karen,susan,linda,sue,ann,joan,judith,martha,lisa,nora,tess,freya,isla,amira,ingrid,vicky'.split(
    ',',
  ),
);
export const MALE_NAMES: ReadonlySet<string> = new Set(
  'tom,james,john,david,michael,paul,peter,mark,daniel,ben,sam,jack,harry,oliver,luke,matt,matthew,andrew,chris,steve,richard,robert,simon,adam,alex,joe,george,henry,omar,ali,raj,leo,max,owen,ryan,dan,mike,nick,will,ed,edward,jamie,callum,ravi,hugo,felix,karl,ian,colin,frank,graham,tony,arthur,liam,noah,ethan,marcus'.split(
    ',',
  ),
);

/** Words just before a character term that mark it as dead in waking life or in the dream. */
export const DEAD_BEFORE: ReadonlySet<string> = new Set(['late', 'dead', 'deceased']);
/** Phrases shortly after a character term that mark it dead: 'who died', 'who passed away', 'who is dead'. */
export const DEAD_AFTER: readonly (readonly string[])[] = [
  ['who', 'died'],
  ['who', 'had', 'died'],
  ['who', 'passed'],
  ['who', 'is', 'dead'],
  ['who', 'was', 'dead'],
  ['who', 'has', 'died'],
];

/** Possessives that make a human familiar ('my', 'our'), and words that make a stranger of a known term. */
export const FAMILIAR_DETERMINERS: ReadonlySet<string> = new Set(['my', 'our']);

export function characterFromTerm(term: CharacterTerm, dead: boolean): CharacterCode {
  return {
    category: 'character',
    kind: term.kind,
    sex: term.sex,
    identity: term.identity,
    dead,
    imaginary: term.imaginary === true,
  };
}
