/**
 * Kinship and role terms, resolved to figures. Our own list (no third-party lexicon).
 *
 * A kinship term counts as the client's own figure when it is bare ("Mum said") or follows "my" /
 * "our"; "his mother" or "her dad" is someone else's relation and is not counted. Role terms
 * (boss, teacher, friend…) also count after "the" / "a" / "an" ("the boss", "a friend").
 */

export type FigureGroup = 'family' | 'partner' | 'children' | 'work' | 'school' | 'friends' | 'care' | 'other';

export interface FigureRole {
  /** Stable key of the figure, e.g. "mother". */
  key: string;
  /** How the figure is shown, en-GB. */
  label: string;
  group: FigureGroup;
  /** Pronoun a later "he" / "she" can refer to; `undefined` for either. */
  gender?: 'female' | 'male';
  /** Words (lower case, singular) that name this figure. */
  terms: readonly string[];
  /** True for family and partner terms, which need "my"/"our" or no determiner. */
  kin: boolean;
}

const role = (
  key: string,
  label: string,
  group: FigureGroup,
  terms: readonly string[],
  gender?: 'female' | 'male',
): FigureRole => ({ key, label, group, terms, kin: ['family', 'partner', 'children'].includes(group), gender });

export const FIGURE_ROLES: readonly FigureRole[] = [
  role(
    'mother',
    'mother',
    'family',
    ['mother', 'mum', 'mom', 'mummy', 'mommy', 'mam', 'stepmother', 'stepmum'],
    'female',
  ),
  role('father', 'father', 'family', ['father', 'dad', 'daddy', 'stepfather', 'stepdad', 'papa'], 'male'),
  role('parents', 'parents', 'family', ['parents', 'parent', 'folks']),
  role('sister', 'sister', 'family', ['sister', 'sis', 'stepsister', 'half-sister'], 'female'),
  role('brother', 'brother', 'family', ['brother', 'stepbrother', 'half-brother'], 'male'),
  role('siblings', 'siblings', 'family', ['siblings', 'sibling']),
  role(
    'grandmother',
    'grandmother',
    'family',
    ['grandmother', 'gran', 'granny', 'grandma', 'nan', 'nana', 'nanna'],
    'female',
  ),
  role('grandfather', 'grandfather', 'family', ['grandfather', 'grandad', 'granddad', 'grandpa'], 'male'),
  role('aunt', 'aunt', 'family', ['aunt', 'auntie', 'aunty'], 'female'),
  role('uncle', 'uncle', 'family', ['uncle'], 'male'),
  role('cousin', 'cousin', 'family', ['cousin']),
  role('family', 'family', 'family', ['family']),
  role('partner', 'partner', 'partner', [
    'partner',
    'husband',
    'wife',
    'boyfriend',
    'girlfriend',
    'spouse',
    'fiancé',
    'fiancée',
    'fiance',
    'fiancee',
  ]),
  role('ex', 'ex-partner', 'partner', ['ex', 'ex-husband', 'ex-wife', 'ex-boyfriend', 'ex-girlfriend', 'ex-partner']),
  role('son', 'son', 'children', ['son', 'stepson'], 'male'),
  role('daughter', 'daughter', 'children', ['daughter', 'stepdaughter'], 'female'),
  role('children', 'children', 'children', ['kids', 'children', 'child', 'kid']),
  role('boss', 'boss', 'work', ['boss', 'manager', 'line manager', 'supervisor', 'head of department']),
  role('colleague', 'colleague', 'work', ['colleague', 'colleagues', 'co-worker', 'coworker', 'workmate']),
  role('teacher', 'teacher', 'school', ['teacher', 'headteacher', 'headmaster', 'headmistress', 'tutor', 'lecturer']),
  role('friend', 'friend', 'friends', ['friend', 'friends', 'best friend', 'mate', 'flatmate', 'housemate']),
  role('doctor', 'doctor', 'care', ['doctor', 'gp', 'nurse', 'psychiatrist', 'consultant']),
  role('neighbour', 'neighbour', 'other', ['neighbour', 'neighbor', 'neighbours']),
];

const byTerm = new Map<string, FigureRole>();
for (const r of FIGURE_ROLES) for (const t of r.terms) byTerm.set(t, r);

/** The role a (lower-case) word or two-word term names, if any. */
export function figureRoleOfTerm(term: string): FigureRole | undefined {
  return byTerm.get(term);
}

/** Multi-word role terms, longest first, as word lists. */
export const MULTI_WORD_FIGURE_TERMS: readonly (readonly string[])[] = [...byTerm.keys()]
  .filter((t) => t.includes(' '))
  .map((t) => t.split(' '))
  .sort((a, b) => b.length - a.length);

export function figureRoleByKey(key: string): FigureRole | undefined {
  return FIGURE_ROLES.find((r) => r.key === key);
}

/** Capitalised words a part-of-speech tagger may call proper nouns but that are not people. */
export const NOT_A_PERSON: ReadonlySet<string> = new Set(
  [
    'i',
    'god',
    'christmas',
    'easter',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
    'english',
    'british',
    'nhs',
    'uk',
    'london',
    'ok',
    'okay',
    'oh',
    'hi',
    'tv',
    'instagram',
    'facebook',
    'whatsapp',
    'zoom',
    'google',
    'year',
    'years',
    'everything',
    'nothing',
    'something',
    'everyone',
    'someone',
    'nobody',
    'work',
    'school',
    'life',
    'therapy',
    'dr',
    'client',
    'patient',
    'therapist',
  ].concat(FIGURE_ROLES.flatMap((r) => r.terms)),
);
