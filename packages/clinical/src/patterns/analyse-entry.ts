/**
 * One passage → its analysis: sentences with offsets, the figures mentioned, feelings (negation
 * handled), interactions with who did what to whom where the sentence says, childhood cues,
 * references to the therapist or the therapy, and theme candidates. The result is plain JSON, cached
 * by entry id (`ANALYSIS_VERSION` says when a cached one is stale) and folded by `fold.ts`.
 */
import { childhoodCuesIn } from './lexicon/childhood-cues.js';
import { BACKGROUND_WORDS } from './lexicon/background.js';
import { EMOTION_FAMILIES, SELF_NEGATING_TERMS } from './lexicon/emotions.js';
import type { EmotionFamily } from './lexicon/emotions.js';
import {
  FIGURE_ROLES,
  MULTI_WORD_FIGURE_TERMS,
  NOT_A_PERSON,
  figureRoleByKey,
  figureRoleOfTerm,
} from './lexicon/figures.js';
import type { FigureRole } from './lexicon/figures.js';
import { ATTENTION_TERMS, INTERACTION_KINDS, WITHHELD_AS_IGNORE } from './lexicon/interactions.js';
import type { InteractionKind } from './lexicon/interactions.js';
import { THERAPY_TERMS } from './lexicon/therapy-terms.js';
import { compileLexicon, findTerms } from './match-terms.js';
import { tokenise } from './pipeline.js';
import type { Token } from './pipeline.js';
import { ANALYSIS_VERSION } from './types.js';
import type {
  EntryAnalysis,
  FeelingMention,
  FigureAlias,
  FigureMention,
  InteractionMention,
  Participant,
  PatternEntry,
  TherapyReference,
} from './types.js';

const emotionLexicon = compileLexicon(
  EMOTION_FAMILIES.flatMap((f) => f.terms.map((term) => ({ term, value: f.family as EmotionFamily }))),
);
const interactionLexicon = compileLexicon(
  INTERACTION_KINDS.flatMap((k) => k.terms.map((term) => ({ term, value: k.kind as InteractionKind }))),
);
const attentionLexicon = compileLexicon(ATTENTION_TERMS.map((term) => ({ term, value: 'ignore' as InteractionKind })));
/**
 * Words the other aids already follow (figures, feelings, interactions, the therapy) are not theme
 * candidates on their own: themes are about what the material is about.
 */
const NOT_THEMES: ReadonlySet<string> = new Set(
  [
    ...FIGURE_ROLES.flatMap((r) => r.terms),
    ...EMOTION_FAMILIES.flatMap((f) => f.terms),
    ...INTERACTION_KINDS.flatMap((k) => k.terms),
    ...THERAPY_TERMS,
    ...ATTENTION_TERMS,
    'criticize',
    'neighbor',
    'client',
  ].filter((t) => !t.includes(' ')),
);
const therapyLexicon = compileLexicon(THERAPY_TERMS.map((term) => ({ term, value: term })));

/** Feeling words too ordinary to count unless the writer says they felt, were or seemed so. */
const NEEDS_FEELING_VERB = new Set([
  'low',
  'light',
  'lost',
  'empty',
  'content',
  'alone',
  'calm',
  'tense',
  'exposed',
  'bitter',
  'torn',
  'useless',
  'hurt',
  'abandoned',
  'rejected',
  'pointless',
]);
const FEELING_VERBS = new Set([
  'feel',
  'be',
  'seem',
  'get',
  'look',
  'become',
  'leave',
  'so',
  'very',
  'really',
  'quite',
  'completely',
]);

/** Single-word interaction terms that are only read as an interaction when used as a verb. */
const NOUN_INTERACTIONS = new Set(['argument', 'row', 'fight', 'criticism']);
/** Adjectives read as an interaction ("so supportive"). */
const ADJECTIVE_INTERACTIONS = new Set(['supportive']);
/** Words before a verb-looking term that show it is used as a noun ("an offer of help"). */
const NOUN_MARKERS = new Set(['of', 'for', 'my', 'the', 'a', 'an', 'some', 'any', 'no', 'your', 'his', 'their']);
/** Words after "leave" that make it about a person ("left me", "left Mum", "left and never came back"). */
const NOBODY = new Set(['nobody', 'noone', 'no-one']);
const OBJECTS = new Set(['me', 'us', 'him', 'her', 'them', 'myself']);

const SELF = new Set(['i', 'me', 'myself', 'we', 'us']);
const OTHER_PRONOUNS = new Map<string, 'female' | 'male' | 'plural'>([
  ['he', 'male'],
  ['him', 'male'],
  ['himself', 'male'],
  ['she', 'female'],
  ['her', 'female'],
  ['herself', 'female'],
  ['they', 'plural'],
  ['them', 'plural'],
]);
const OWN = new Set(['my', 'our']);
const SOMEONE_ELSES = new Set(['his', 'her', 'their', 'your', "'s", 'its']);
const ARTICLES = new Set(['the', 'a', 'an']);
/** Possessives that mean the client in the therapist's own notes. */
const ABOUT_THE_CLIENT = new Set(['their', 'his', 'her', "'s"]);
const THERAPIST_WRITES: ReadonlySet<string> = new Set(['session_note', 'countertransference']);
const PLACE_WORDS = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'via', 'towards', 'visit']);

export interface AnalyseOptions {
  /** The therapist's names as the client writes them ("Dr Hale", "Hannah"), so they count as references. */
  therapistNames?: readonly string[];
}

/** The role a kinship or role term at `i` names, honouring whose relation it is. */
const MULTI_WORD_FIRSTS = new Set(MULTI_WORD_FIGURE_TERMS.map((w) => w[0]!));

function roleAt(
  tokens: readonly Token[],
  i: number,
  firstToken: number,
  /** The therapist writing about the client: "their mother", "the client's boss" are the client's. */
  aboutTheClient = false,
): { role: FigureRole; length: number } | undefined {
  let role: FigureRole | undefined;
  let length = 1;
  const token0 = tokens[i];
  if (!token0 || !/^[a-z]/.test(token0.lower)) return undefined;
  for (const words of MULTI_WORD_FIRSTS.has(token0.lower) ? MULTI_WORD_FIGURE_TERMS : []) {
    if (words.every((w, k) => tokens[i + k]?.lower === w || tokens[i + k]?.lemma === w)) {
      role = figureRoleOfTerm(words.join(' '));
      length = words.length;
      break;
    }
  }
  const token = tokens[i]!;
  if (!role) {
    if (!['NOUN', 'PROPN', 'ADJ'].includes(token.pos) && token.lower !== 'ex') return undefined;
    role = figureRoleOfTerm(token.lower) ?? figureRoleOfTerm(token.lemma);
  }
  if (!role) return undefined;
  // The word before the term, skipping up to two adjectives ("my older sister").
  let j = i - 1;
  while (j >= firstToken && j >= i - 2 && tokens[j]!.pos === 'ADJ') j--;
  const before = j >= firstToken ? tokens[j]!.lower : '';
  if (SOMEONE_ELSES.has(before) && !(aboutTheClient && ABOUT_THE_CLIENT.has(before))) return undefined;
  // "her mum's" etc. are excluded above; a following "'s" ("Mum's car") is still the client's mum.
  const strict = ['family', 'child', 'kid'].includes(token.lower);
  if (strict && !OWN.has(before)) return undefined;
  if (role.key === 'children' && !OWN.has(before) && before !== 'the') return undefined;
  // "mother-in-law" is not the mother
  if (tokens[i + length]?.value === '-' && tokens[i + length + 1]?.lower === 'in') return undefined;
  if (role.kin && ARTICLES.has(before) && role.key !== 'children') return undefined;
  return { role, length };
}

function addTerm(terms: Map<string, number[]>, term: string, sentence: number): void {
  const list = terms.get(term);
  if (!list) terms.set(term, [sentence]);
  else if (list[list.length - 1] !== sentence) list.push(sentence);
}

/** Analyse one passage. Pure: the same entry always gives the same analysis. */
export function analyseEntry(entry: PatternEntry, options: AnalyseOptions = {}): EntryAnalysis {
  const { tokens, sentences } = tokenise(entry.text);
  const figures: FigureMention[] = [];
  const feelings: FeelingMention[] = [];
  const interactions: InteractionMention[] = [];
  const childhood: EntryAnalysis['childhood'] = [];
  const therapyReferences: TherapyReference[] = [];
  const aliases: FigureAlias[] = [];
  const terms = new Map<string, number[]>();
  const therapistNames = (options.therapistNames ?? []).map((n) => n.toLowerCase().split(/\s+/));
  /** Most recent figure per pronoun gender, for "he"/"she"/"they" in later sentences. */
  let lastFigure: { female?: string; male?: string; plural?: string; any?: string } = {};

  sentences.forEach((sentence, s) => {
    const { firstToken: from, endToken: to } = sentence;
    const inSentence: { token: number; figure: string }[] = [];
    const sentenceFigures: { figure: string; gender?: 'female' | 'male' | 'plural' }[] = [];

    // Figures: role terms and names.
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      const found = roleAt(tokens, i, from, THERAPIST_WRITES.has(entry.kind));
      if (found) {
        const last = tokens[i + found.length - 1]!;
        figures.push({
          figure: found.role.key,
          term: entry.text.slice(token.start, last.end),
          via: 'role',
          sentence: s,
          start: token.start,
          end: last.end,
        });
        inSentence.push({ token: i, figure: found.role.key });
        const plural =
          token.lower.endsWith('s') &&
          ['parents', 'siblings', 'children', 'kids', 'friends', 'colleagues', 'neighbours', 'folks'].includes(
            token.lower,
          );
        sentenceFigures.push({ figure: found.role.key, gender: plural ? 'plural' : found.role.gender });
        const next = tokens[i + found.length];
        if (next && next.pos === 'PROPN' && /^[A-Z]/.test(next.value) && !NOT_A_PERSON.has(next.lower)) {
          aliases.push({ name: next.lower, figure: found.role.key });
        }
        i += found.length - 1;
        continue;
      }
      const therapist = therapistNames.find((words) => words.every((w, k) => tokens[i + k]?.lower === w));
      if (therapist) {
        i += therapist.length - 1;
        continue;
      }
      const previous = tokens[i - 1];
      const isName =
        token.pos === 'PROPN' &&
        /^[A-Z][a-z]+$/.test(token.value) &&
        !NOT_A_PERSON.has(token.lower) &&
        !(previous && PLACE_WORDS.has(previous.lower)) &&
        !(previous && previous.pos === 'PROPN' && !NOT_A_PERSON.has(previous.lower)) &&
        // A capitalised first word is a name only when it acts ("Sarah told me"), not "Tonight my…".
        (i > from || ['VERB', 'AUX', 'ADV', 'PART', 'CCONJ', 'PUNCT'].includes(tokens[i + 1]?.pos ?? ''));
      if (isName) {
        const figure = `name:${token.lower}`;
        figures.push({ figure, term: token.value, via: 'name', sentence: s, start: token.start, end: token.end });
        inSentence.push({ token: i, figure });
        sentenceFigures.push({ figure });
        // "Mark, my boss" / "Mark (my boss)"
        const a = tokens[i + 1];
        const b = tokens[i + 2];
        if (a && b && [',', '('].includes(a.value) && OWN.has(b.lower)) {
          const role = roleAt(tokens, i + 3, from);
          if (role) aliases.push({ name: token.lower, figure: role.role.key });
        }
      }
    }

    // Pronouns that refer back to a figure of an earlier sentence.
    const resolve = (token: Token): Participant | undefined => {
      if (SELF.has(token.lower)) return 'self';
      const gender = OTHER_PRONOUNS.get(token.lower);
      if (!gender) return undefined;
      const here = sentenceFigures.filter(
        (f) => f.gender === gender || (f.gender === undefined && gender !== 'plural'),
      );
      if (here.length > 0) return here[here.length - 1]!.figure;
      return lastFigure[gender] ?? (gender === 'plural' ? undefined : lastFigure.any);
    };
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      if (!OTHER_PRONOUNS.has(token.lower) || inSentence.length > 0) continue;
      const figure = resolve(token);
      if (figure && figure !== 'self') {
        figures.push({ figure, term: token.value, via: 'pronoun', sentence: s, start: token.start, end: token.end });
        inSentence.push({ token: i, figure });
        break;
      }
    }

    // Feelings (not the words of an action phrase: "laughed at me", "proud of me").
    const actionMatches = findTerms(tokens, from, to, interactionLexicon);
    const inPhrase = (k: number) => actionMatches.some((a) => a.to - a.from > 1 && k >= a.from && k < a.to);
    for (const m of findTerms(tokens, from, to, emotionLexicon)) {
      const first = tokens[m.from]!;
      const last = tokens[m.to - 1]!;
      if (inPhrase(m.from)) continue;
      if (m.to - m.from === 1 && NEEDS_FEELING_VERB.has(first.lower)) {
        // "I felt low", "she seemed lost", "I was so alone" — not "the sun was low".
        const window = [m.from - 1, m.from - 2, m.from - 3].filter((k) => k >= from);
        const said = window.some((k) => {
          const t = tokens[k]!;
          if (t.lemma === 'feel' || t.lower.startsWith('feel') || t.lower === 'felt' || t.lemma === 'seem') return true;
          if (!FEELING_VERBS.has(t.lemma) && !FEELING_VERBS.has(t.lower)) return false;
          // The word before the verb (or before "so", "really"…) is a person: "I was", "Mum got".
          return window.some(
            (j) => j - 1 >= from && (tokens[j - 1]!.pos === 'PRON' || inSentence.some((f) => f.token === j - 1)),
          );
        });
        if (!said) continue;
      }
      let negated = false;
      if (!SELF_NEGATING_TERMS.has(m.term)) for (let k = m.from; k < m.to; k++) negated ||= tokens[k]!.negated;
      feelings.push({
        family: m.value,
        term: entry.text.slice(first.start, last.end),
        negated,
        sentence: s,
        start: first.start,
        end: last.end,
      });
    }

    // Interactions, with agent and target where the sentence says.
    const participants = (i: number): Participant | undefined => {
      const figure = inSentence.find((f) => f.token === i)?.figure;
      return figure ?? resolve(tokens[i]!);
    };
    let hasPerson = inSentence.length > 0;
    for (let k = from; k < to && !hasPerson; k++) {
      const w = tokens[k]!.lower;
      hasPerson = OTHER_PRONOUNS.has(w) || w === 'me' || w === 'us' || w === 'we';
    }
    const anyIn = (a: number, b: number, test: (t: Token) => boolean) => {
      for (let k = Math.max(a, from); k < Math.min(b, to); k++) if (test(tokens[k]!)) return true;
      return false;
    };
    const attention = hasPerson
      ? findTerms(tokens, from, to, attentionLexicon).filter((m) =>
          anyIn(m.from - 3, m.to, (t) => t.negated || t.lower === 'never' || NOBODY.has(t.lower)),
        )
      : [];
    const found = [
      ...actionMatches.map((m) => ({ ...m, attention: false })),
      ...attention.map((m) => ({ ...m, attention: true })),
    ]
      .filter(
        (m, k, all) => !all.some((o, j) => j !== k && !o.attention && m.attention && o.from <= m.from && m.from < o.to),
      )
      .sort((a, b) => a.from - b.from);
    for (const m of found) {
      const first = tokens[m.from]!;
      const last = tokens[m.to - 1]!;
      const after = tokens[m.to];
      if (!hasPerson) continue;
      if (m.to - m.from === 1 && !m.attention) {
        const verb = first.pos === 'VERB' || (first.pos === 'ADJ' && after !== undefined && OBJECTS.has(after.lower));
        const noun = NOUN_INTERACTIONS.has(first.lemma) && first.pos === 'NOUN';
        if (!verb && !noun && !ADJECTIVE_INTERACTIONS.has(first.lower)) continue;
        const before = tokens[m.from - 1];
        if (verb && before && before.sentence === s && NOUN_MARKERS.has(before.lower)) continue;
      }
      // Reflexive ("I blame myself", "put myself down") is not an interaction with another.
      if (anyIn(m.from, m.to + 2, (t) => t.lower === 'myself')) continue;
      const negated = anyIn(m.from, m.to, (t) => t.negated) || anyIn(from, m.from, (t) => NOBODY.has(t.lower));
      let kind: InteractionKind = m.value;
      let withheld = false;
      if (m.attention) withheld = true;
      else if (negated) {
        if (!WITHHELD_AS_IGNORE.has(kind)) continue;
        kind = 'ignore';
        withheld = true;
      }
      let agent: Participant | undefined;
      let target: Participant | undefined;
      for (let j = m.from - 1; j >= from && agent === undefined; j--) agent = participants(j);
      let passive = false;
      for (let j = m.to; j < to && target === undefined; j++) {
        if (tokens[j]!.lower === 'by' && j === m.to) {
          passive = true;
          continue;
        }
        target = participants(j);
      }
      if (passive) [agent, target] = [target, agent];
      if (agent === target) target = undefined;
      // "leave" alone is about a person only when someone is left, or a figure leaves ("Dad left and…").
      if (m.term === 'leave') {
        const personLeft =
          after !== undefined && (OBJECTS.has(after.lower) || inSentence.some((f) => f.token === m.to));
        const figureLeft =
          agent !== undefined &&
          agent !== 'self' &&
          (after === undefined || after.pos === 'PUNCT' || after.pos === 'CCONJ');
        if (!personLeft && !figureLeft) continue;
      }
      interactions.push({
        kind,
        term: entry.text.slice(first.start, last.end),
        ...(agent === undefined ? {} : { agent }),
        ...(target === undefined ? {} : { target }),
        withheld,
        sentence: s,
        start: first.start,
        end: last.end,
      });
    }

    // Childhood cues.
    const cues = childhoodCuesIn(entry.text.slice(sentence.start, sentence.end));
    if (cues.length > 0) childhood.push({ cues, sentence: s });

    // References to the therapist or the therapy.
    for (const m of findTerms(tokens, from, to, therapyLexicon)) {
      const first = tokens[m.from]!;
      const last = tokens[m.to - 1]!;
      therapyReferences.push({
        term: entry.text.slice(first.start, last.end),
        sentence: s,
        start: first.start,
        end: last.end,
      });
    }
    for (let i = from; i < to; i++) {
      for (const words of therapistNames) {
        if (words.every((w, k) => tokens[i + k]?.lower === w)) {
          const last = tokens[i + words.length - 1]!;
          therapyReferences.push({
            term: entry.text.slice(tokens[i]!.start, last.end),
            sentence: s,
            start: tokens[i]!.start,
            end: last.end,
          });
        }
      }
    }

    // Theme candidates: content lemmas and adjacent pairs of them.
    let previous: string | undefined;
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      const content =
        ['NOUN', 'VERB', 'ADJ'].includes(token.pos) &&
        /^[a-z][a-z-]{2,}$/.test(token.lemma) &&
        !BACKGROUND_WORDS.has(token.lemma) &&
        !BACKGROUND_WORDS.has(token.lower) &&
        !NOT_THEMES.has(token.lemma) &&
        !NOT_THEMES.has(token.lower);
      if (!content) {
        previous = undefined;
        continue;
      }
      addTerm(terms, token.lemma, s);
      if (previous !== undefined && previous !== token.lemma) addTerm(terms, `${previous} ${token.lemma}`, s);
      previous = token.lemma;
    }

    // Remember figures for pronouns in the next sentences.
    if (sentenceFigures.length > 0) {
      const next = { ...lastFigure };
      for (const f of sentenceFigures) {
        if (f.gender) next[f.gender] = f.figure;
        else {
          const role = figureRoleByKey(f.figure);
          if (!role) {
            next.female = f.figure;
            next.male = f.figure;
          }
        }
        next.any = f.figure;
      }
      lastFigure = next;
    }
  });

  return {
    version: ANALYSIS_VERSION,
    entryId: entry.id,
    kind: entry.kind,
    date: entry.date,
    source: entry.source,
    sentences: sentences.map(({ start, end }) => ({ start, end })),
    figures,
    feelings,
    interactions,
    childhood,
    therapyReferences,
    aliases,
    terms: Object.fromEntries(terms),
  };
}

/** Every role the analyser knows, for a legend ("mother", "boss"…). */
export const KNOWN_FIGURE_ROLES = FIGURE_ROLES.map(({ key, label, group }) => ({ key, label, group }));
