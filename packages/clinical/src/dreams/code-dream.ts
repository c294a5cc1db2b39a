/**
 * Automatic Hall–Van de Castle coding of one dream report with our own word lists: characters,
 * emotions, aggression / friendliness / sexuality with the dreamer's role, settings, success and
 * failure, misfortune and good fortune, body parts. Every code cites the words it rests on. The
 * coder is a lexicon-and-clause heuristic: a first draft for the therapist to correct, never a finding.
 */
import type {
  AggressionRole,
  CharacterCode,
  DreamCode,
  DreamCodeContent,
  EvidenceSpan,
  FriendlinessRole,
  SettingCode,
  SettingFamiliarity,
  SexualityRole,
} from './dream-codes.js';
import { BODY_PART_TERMS } from './lexicon-body.js';
import type { CharacterTerm } from './lexicon-characters.js';
import {
  CHARACTER_TERMS,
  DEAD_AFTER,
  DEAD_BEFORE,
  FAMILIAR_DETERMINERS,
  FEMALE_NAMES,
  MALE_NAMES,
  characterFromTerm,
} from './lexicon-characters.js';
import { EMOTION_TERMS, NEGATIONS } from './lexicon-emotions.js';
import type { InteractionTerm } from './lexicon-interactions.js';
import { AGGRESSION_TERMS, FRIENDLINESS_TERMS, SEXUALITY_TERMS } from './lexicon-interactions.js';
import { FAILURE_PHRASES, GOOD_FORTUNE_PHRASES, MISFORTUNE_TERMS, SUCCESS_PHRASES } from './lexicon-outcomes.js';
import {
  DISTORTION_CUES,
  FAMILIAR_PLACE_CUES,
  GEOGRAPHICAL_NAMES,
  LOCATIVE_PREPOSITIONS,
  PLACE_TERMS,
  UNFAMILIAR_PLACE_CUES,
} from './lexicon-settings.js';
import type { DreamerPart } from './participants.js';
import { dreamerIsSubjectOrOwner, participation } from './participants.js';
import type { PhraseMatch, Token } from './tokenise.js';
import { findPhrases, phraseIndex, tokenise } from './tokenise.js';

const characterIndex = phraseIndex(CHARACTER_TERMS, (t) => t.phrases);
const emotionIndex = phraseIndex(EMOTION_TERMS, (t) => t.phrases);
const aggressionIndex = phraseIndex(AGGRESSION_TERMS, (t) => t.phrases);
const friendlinessIndex = phraseIndex(FRIENDLINESS_TERMS, (t) => t.phrases);
const sexualityIndex = phraseIndex(SEXUALITY_TERMS, (t) => t.phrases);
const placeIndex = phraseIndex(PLACE_TERMS, (t) => t.phrases);
const misfortuneIndex = phraseIndex(MISFORTUNE_TERMS, (t) => t.phrases);
const bodyIndex = phraseIndex(BODY_PART_TERMS, (t) => t.phrases);
const successIndex = phraseIndex(SUCCESS_PHRASES, (p) => [p]);
const failureIndex = phraseIndex(FAILURE_PHRASES, (p) => [p]);
const goodFortuneIndex = phraseIndex(GOOD_FORTUNE_PHRASES, (p) => [p]);
const distortionIndex = phraseIndex(DISTORTION_CUES, (p) => [p]);

const POSSESSIVE_PRONOUNS = new Set(['my', 'his', 'her', 'their', 'your', 'its', 'our']);
const BODY_DETERMINERS = new Set([...POSSESSIVE_PRONOUNS, 'the', 'a', 'an', 'both', 'two']);
const STRIVING_FAILURE_CUES = new Set(['but', "couldn't", 'could', "wouldn't", 'failed', 'unable', 'impossible', 'no']);

/** Codes one dream report. Codes are numbered c1, c2 … in the order of the words they cite. */
export function codeDream(text: string): DreamCode[] {
  const tokens = tokenise(text);
  const span = (from: number, to: number): EvidenceSpan => {
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    return { start, end, text: text.slice(start, end) };
  };
  /** The words of the phrase's clause around it (at most six either side): who did what to whom. */
  const clause = (from: number, to: number): EvidenceSpan => {
    let a = from;
    let b = to;
    while (a > 0 && from - a < 6 && tokens[a - 1]!.clause === tokens[from]!.clause) a--;
    while (b < tokens.length && b - to < 6 && tokens[b]!.clause === tokens[to - 1]!.clause) b++;
    return span(a, b);
  };
  const found: { at: number; content: DreamCodeContent; evidence: EvidenceSpan[] }[] = [];
  const add = (at: number, content: DreamCodeContent, evidence: EvidenceSpan[]) =>
    found.push({ at, content, evidence });

  const characterMatches = findPhrases(tokens, characterIndex);
  const characterTokens = new Set<number>();
  for (const m of characterMatches) for (let i = m.from; i < m.to; i++) characterTokens.add(i);
  const characterAt = (i: number) => characterTokens.has(i) || isName(tokens[i]);
  const bodyPartAt = (i: number) => tokens[i] !== undefined && bodyIndex.byFirst.has(tokens[i]!.word);

  codeCharacters(tokens, characterMatches, span, add);
  codeEmotions(tokens, characterAt, span, add);
  codeInteractions(tokens, characterAt, bodyPartAt, clause, add);
  codeSettings(tokens, span, add);
  codeOutcomes(tokens, characterAt, span, add);
  codeBodyParts(tokens, span, add);

  found.sort((a, b) => a.evidence[0]!.start - b.evidence[0]!.start || a.at - b.at);
  return found.map((f, i) => ({ ...f.content, id: `c${i + 1}`, evidence: f.evidence, source: 'automatic' as const }));
}

type Span = (from: number, to: number) => EvidenceSpan;
type Add = (at: number, content: DreamCodeContent, evidence: EvidenceSpan[]) => void;

function isName(token: Token | undefined): boolean {
  return token !== undefined && token.capitalised && (FEMALE_NAMES.has(token.word) || MALE_NAMES.has(token.word));
}

function negated(tokens: readonly Token[], from: number): boolean {
  for (let i = Math.max(0, from - 3); i < from; i++) {
    if (tokens[i]!.sentence === tokens[from]!.sentence && NEGATIONS.has(tokens[i]!.word)) return true;
  }
  return false;
}

function codeCharacters(tokens: readonly Token[], matches: PhraseMatch<CharacterTerm>[], span: Span, add: Add) {
  const seen = new Set<string>();
  const namesAttached = new Set<number>();
  for (const m of matches) {
    const term = m.entry;
    const words = tokens.slice(m.from, m.to).map((t) => t.word);
    const before = tokens[m.from - 1];
    const mine = before !== undefined && (FAMILIAR_DETERMINERS.has(before.word) || before.possessive);
    const dead =
      (before !== undefined && DEAD_BEFORE.has(before.word)) ||
      DEAD_AFTER.some((seq) => seq.every((w, k) => tokens[m.to + k]?.word === w));
    const code: CharacterCode = characterFromTerm(term, dead);
    if (term.kind === 'human' && term.identity === 'stranger' && mine) code.identity = term.mineIdentity ?? 'known';
    // 'his new girlfriend', 'her mother': someone else's relation, known to the dreamer at most
    const owner = [before, tokens[m.from - 2]].find(
      (t) => t !== undefined && t.sentence === tokens[m.from]!.sentence && OTHERS_POSSESSIVES.has(t.word),
    );
    if (term.kind === 'human' && term.identity !== 'stranger' && owner && !mine) code.identity = 'known';
    const evidenceTo = [m.to];
    const next = tokens[m.to];
    if (term.kind === 'human' && isName(next)) {
      namesAttached.add(m.to);
      if (code.sex === 'indefinite') code.sex = FEMALE_NAMES.has(next!.word) ? 'female' : 'male';
      if (code.identity === 'stranger') code.identity = 'known';
      evidenceTo[0] = m.to + 1;
    }
    const key = `${words.join(' ')}|${next && namesAttached.has(m.to) ? next.word : ''}|${dead}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (term.kind === 'human' && code.sex === 'indefinite' && singular(words.at(-1)!)) {
      const pronoun = nextPronoun(tokens, m.to, matches, m);
      if (pronoun) code.sex = pronoun;
    }
    const from = mine && before ? m.from - 1 : m.from;
    add(tokens[from]!.start, code, [span(from, evidenceTo[0]!)]);
    // 'my friends Tom and Jack': the second name is a friend too
    if (namesAttached.has(m.to) && tokens[m.to + 1]?.word === 'and' && isName(tokens[m.to + 2])) {
      const other = tokens[m.to + 2]!;
      namesAttached.add(m.to + 2);
      add(other.start, { ...code, sex: FEMALE_NAMES.has(other.word) ? 'female' : 'male' }, [span(m.to + 2, m.to + 3)]);
    }
  }
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    if (!isName(t) || namesAttached.has(i) || names.has(t.word)) return;
    names.add(t.word);
    add(
      t.start,
      {
        category: 'character',
        kind: 'human',
        sex: FEMALE_NAMES.has(t.word) ? 'female' : 'male',
        identity: 'known',
        dead: false,
        imaginary: false,
      },
      [span(i, i + 1)],
    );
  });
}

const OBJECT_PRONOUNS = new Set([
  'him',
  'her',
  'them',
  'himself',
  'herself',
  'themselves',
  'each',
  'everyone',
  'everybody',
]);
const PASSIVE_BEFORE = new Set(['was', 'were', 'got', 'been', 'being', 'is', 'are']);
const OTHERS_POSSESSIVES = new Set(['his', 'her', 'their']);
const COLLECTIVE = new Set(['people', 'crowd', 'group', 'gang', 'audience', 'children', 'men', 'women', 'police']);
const singular = (word: string) => !COLLECTIVE.has(word) && !/[^s]s$/.test(word);

/** The sex of the first he/him/his or she/her after a character, before another character is named. */
function nextPronoun(
  tokens: readonly Token[],
  from: number,
  matches: readonly PhraseMatch<CharacterTerm>[],
  self: PhraseMatch<CharacterTerm>,
): 'male' | 'female' | undefined {
  const limit = Math.min(tokens.length, from + 25);
  for (let i = from; i < limit; i++) {
    if (isName(tokens[i]) || matches.some((m) => m !== self && m.from === i)) return undefined;
    const w = tokens[i]!.word;
    if (w === 'he' || w === 'him' || w === 'his' || w === 'himself') return 'male';
    if (w === 'she' || w === 'her' || w === 'hers' || w === 'herself') return 'female';
  }
  return undefined;
}

function codeEmotions(tokens: readonly Token[], characterAt: (i: number) => boolean, span: Span, add: Add) {
  const seen = new Set<string>();
  for (const m of findPhrases(tokens, emotionIndex)) {
    if (negated(tokens, m.from)) continue;
    // 'laughed at me' is mockery (aggression), not happiness
    if (m.entry.emotion === 'HA' && tokens[m.to]?.word === 'at') continue;
    const dreamerFeels = dreamerIsSubjectOrOwner(tokens, m.from, m.to, characterAt, true);
    const key = `${m.entry.emotion}|${dreamerFeels}`;
    if (seen.has(key)) continue;
    seen.add(key);
    add(tokens[m.from]!.start, { category: 'emotion', emotion: m.entry.emotion, dreamerFeels }, [span(m.from, m.to)]);
  }
}

function role<R extends string>(
  part: DreamerPart,
  reciprocal: boolean,
  roles: [agent: R, patient: R, both: R, none: R],
): R {
  if (reciprocal) return part === 'neither' ? roles[3] : roles[2];
  return part === 'agent' ? roles[0] : part === 'patient' ? roles[1] : part === 'both' ? roles[2] : roles[3];
}

function codeInteractions(
  tokens: readonly Token[],
  characterAt: (i: number) => boolean,
  bodyPartAt: (i: number) => boolean,
  span: Span,
  add: Add,
) {
  const used = new Set<number>();
  const interactionsOf = <L extends number>(matches: PhraseMatch<InteractionTerm<L>>[]) =>
    matches.filter((m) => {
      if (used.has(m.from) || negated(tokens, m.from)) return false;
      // 'a bit scared'
      if (tokens[m.from]!.word === 'bit' && tokens[m.from - 1]?.word === 'a') return false;
      for (let i = m.from; i < m.to; i++) used.add(i);
      return true;
    });
  const reciprocalWith = (m: PhraseMatch<unknown>) => {
    // 'I argued with my mother' / 'my mother argued with me'
    const { part, subject } = participation(tokens, m.from, m.to, characterAt, bodyPartAt);
    return { part: subject === 'dreamer' || part === 'patient' ? ('both' as const) : part, subject };
  };
  // between two others only when someone is named on the receiving end ('bit Tom', 'hit him'), not 'it hit the water'
  const someoneAfter = (m: PhraseMatch<unknown>) => {
    for (let i = m.to; i < Math.min(tokens.length, m.to + 5) && tokens[i]!.sentence === tokens[m.from]!.sentence; i++)
      if (characterAt(i) || OBJECT_PRONOUNS.has(tokens[i]!.word)) return true;
    return false;
  };
  /** `targetless`: covert feelings (level 1) and damage to things (A5) need no person on the receiving end. */
  const who = (m: PhraseMatch<InteractionTerm<number>>, targetless = m.entry.level === 1) => {
    const p = m.entry.reciprocal ? reciprocalWith(m) : participation(tokens, m.from, m.to, characterAt, bodyPartAt);
    const passive = PASSIVE_BEFORE.has(tokens[m.from - 1]?.word ?? '');
    const noTarget = !targetless && p.part === 'neither' && !m.entry.reciprocal && !passive && !someoneAfter(m);
    return noTarget ? { ...p, subject: 'thing' as const } : p;
  };
  // Sexuality first, so 'kissed' is not also read as friendliness; 'kissed me on the cheek' is longer and wins there.
  const friendly = findPhrases(tokens, friendlinessIndex);
  for (const m of friendly) if (m.to - m.from > 1) for (let i = m.from; i < m.to; i++) used.add(i);
  for (const m of interactionsOf(findPhrases(tokens, sexualityIndex))) {
    const p = who(m);
    if (p.subject === 'thing' && p.part === 'neither') continue;
    const dreamerRole = role<SexualityRole>(p.part, m.entry.reciprocal === true, [
      'initiator',
      'recipient',
      'mutual',
      'witness',
    ]);
    add(tokens[m.from]!.start, { category: 'sexuality', level: m.entry.level, dreamerRole }, [span(m.from, m.to)]);
  }
  for (const m of friendly) for (let i = m.from; i < m.to; i++) used.delete(i);
  for (const m of interactionsOf(findPhrases(tokens, aggressionIndex))) {
    const p = who(m, m.entry.level === 1 || m.entry.level === 5);
    if (p.subject === 'thing' && p.part === 'neither') continue;
    const dreamerRole = role<AggressionRole>(p.part, m.entry.reciprocal === true, [
      'aggressor',
      'victim',
      'reciprocal',
      'witness',
    ]);
    add(tokens[m.from]!.start, { category: 'aggression', level: m.entry.level, dreamerRole }, [span(m.from, m.to)]);
  }
  for (const m of interactionsOf(friendly)) {
    const p = who(m);
    if (p.subject === 'thing' && p.part === 'neither') continue;
    const dreamerRole = role<FriendlinessRole>(p.part, m.entry.reciprocal === true, [
      'befriender',
      'befriended',
      'mutual',
      'witness',
    ]);
    add(tokens[m.from]!.start, { category: 'friendliness', level: m.entry.level, dreamerRole }, [span(m.from, m.to)]);
  }
}

function codeSettings(tokens: readonly Token[], span: Span, add: Add) {
  const distortedSentences = new Set(findPhrases(tokens, distortionIndex).map((m) => tokens[m.from]!.sentence));
  const seen = new Set<string>();
  const sentencesWithSetting = new Set<number>();
  let building = false;
  let familiarBefore = false;
  const settings: { sentence: number; code: SettingCode; evidence: EvidenceSpan[] }[] = [];
  for (const m of findPhrases(tokens, placeIndex)) {
    const words = tokens.slice(m.from, m.to).map((t) => t.word);
    const sentence = tokens[m.from]!.sentence;
    // one setting per sentence; 'inside' / 'outside' only when they end their clause ('I went outside.')
    if (sentencesWithSetting.has(sentence)) continue;
    const isCue = words[0] === 'inside' || words[0] === 'outside';
    if (isCue && tokens[m.to]?.clause === tokens[m.from]!.clause && tokens[m.to]?.sentence === sentence) continue;
    if (m.entry.room && building) continue;
    // 'the attic of my grandparents' farmhouse': the building that follows is the setting
    if (m.entry.room && tokens[m.to]?.word === 'of') continue;
    const atWork = words[0] === 'at';
    if (!isCue && !atWork && !afterLocative(tokens, m.from)) continue;
    const key = words.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    if (m.entry.place === 'indoor' && !m.entry.room) building = true;
    sentencesWithSetting.add(sentence);
    let familiarity: SettingFamiliarity = 'questionable';
    let from = m.from;
    for (let i = m.from - 1; i >= Math.max(0, atWork ? m.from : m.from - 3); i--) {
      const t = tokens[i]!;
      if (t.sentence !== sentence) break;
      if (FAMILIAR_PLACE_CUES.has(t.word) || t.possessive) {
        familiarity = 'familiar';
        from = i;
        break;
      }
      if (UNFAMILIAR_PLACE_CUES.has(t.word)) {
        familiarity = 'unfamiliar';
        from = i;
        break;
      }
      if (t.word === 'the' || t.word === 'this' || t.word === 'that') {
        // 'the garden' after 'our house': the same familiar surroundings
        if (familiarBefore) familiarity = 'familiar';
        break;
      }
    }
    if ((words[0] === 'home' || atWork) && familiarity === 'questionable') familiarity = 'familiar';
    const at = tokens[m.from - 1];
    if (familiarity === 'questionable' && at?.word === 'at' && ['school', 'church', 'university'].includes(words[0]!))
      familiarity = 'familiar';
    if (distortedSentences.has(sentence) && familiarity === 'familiar') familiarity = 'distorted';
    // 'the sea', 'the sky' after a scene is set: the same scene, not a new setting
    if (familiarity === 'questionable' && settings.length > 0) continue;
    if (familiarity === 'familiar' || familiarity === 'distorted') familiarBefore = true;
    settings.push({
      sentence,
      code: { category: 'setting', place: m.entry.place, familiarity },
      evidence: [span(from, m.to)],
    });
  }
  // a named place ('a beach in Cornwall') makes its sentence's setting geographical, or is the setting itself
  const places = new Set<string>();
  tokens.forEach((t, i) => {
    if (!t.capitalised || !GEOGRAPHICAL_NAMES.has(t.word) || places.has(t.word)) return;
    places.add(t.word);
    const same = settings.find((x) => x.sentence === t.sentence);
    if (same) {
      same.code.familiarity = 'geographical';
      same.evidence.push(span(i, i + 1));
    } else
      settings.push({
        sentence: t.sentence,
        code: { category: 'setting', place: 'ambiguous', familiarity: 'geographical' },
        evidence: [span(i, i + 1)],
      });
  });
  for (const x of settings) add(x.evidence[0]!.start, x.code, x.evidence);
}

/** A locative preposition within the three words before a place noun, in its sentence ('in my old house'). */
function afterLocative(tokens: readonly Token[], from: number): boolean {
  for (let i = from - 1; i >= Math.max(0, from - 4); i--) {
    const t = tokens[i]!;
    if (t.sentence !== tokens[from]!.sentence) return false;
    if (LOCATIVE_PREPOSITIONS.has(t.word)) return true;
  }
  return false;
}

function codeOutcomes(tokens: readonly Token[], characterAt: (i: number) => boolean, span: Span, add: Add) {
  const successes = findPhrases(tokens, successIndex).filter((m) => !negated(tokens, m.from));
  const successSentences = new Set(successes.map((m) => tokens[m.from]!.sentence));
  const perSentence = new Set<string>();
  const once = (key: string) => (perSentence.has(key) ? false : (perSentence.add(key), true));
  const thing = (m: PhraseMatch<unknown>) => participation(tokens, m.from, m.to, characterAt).subject === 'thing';
  for (const m of successes) {
    if (thing(m) || !once(`s|${tokens[m.from]!.sentence}`)) continue;
    const dreamerInvolved = dreamerIsSubjectOrOwner(tokens, m.from, m.to, characterAt, true);
    add(tokens[m.from]!.start, { category: 'success', dreamerInvolved }, [span(m.from, m.to)]);
  }
  for (const m of findPhrases(tokens, failureIndex)) {
    const sentence = tokens[m.from]!.sentence;
    const first = tokens[m.from]!.word;
    if (first === 'tried' || first === 'trying') {
      if (successSentences.has(sentence)) continue;
      const rest = tokens.slice(m.to).filter((t) => t.sentence === sentence);
      if (!rest.some((t) => STRIVING_FAILURE_CUES.has(t.word))) continue;
    }
    if (thing(m) || !once(`f|${sentence}`)) continue;
    const dreamerInvolved = dreamerIsSubjectOrOwner(tokens, m.from, m.to, characterAt, true);
    add(tokens[m.from]!.start, { category: 'failure', dreamerInvolved }, [span(m.from, m.to)]);
  }
  for (const m of findPhrases(tokens, misfortuneIndex)) {
    const words = tokens.slice(m.from, m.to + 2).map((t) => t.word);
    if (
      (words[0] === 'fell' || words[0] === 'fall' || words[0] === 'falling') &&
      (words[1] === 'asleep' || words[1] === 'in')
    )
      continue;
    if (negated(tokens, m.from)) continue;
    // 'my dad, who died five years ago': a death in waking life, coded on the character, not a misfortune
    if (m.entry.level === 6 && [tokens[m.from - 1]?.word, tokens[m.from - 2]?.word].includes('who')) continue;
    if (!once(`m${m.entry.level}|${tokens[m.from]!.sentence}`)) continue;
    // an environmental threat or obstacle ('the floor flooded') befalls the dreamer unless it names another
    const environmental = m.entry.level <= 2 && participation(tokens, m.from, m.to, characterAt).subject === 'thing';
    const dreamerInvolved =
      environmental || dreamerIsSubjectOrOwner(tokens, m.from, m.to, characterAt, m.entry.level <= 2);
    add(tokens[m.from]!.start, { category: 'misfortune', level: m.entry.level, dreamerInvolved }, [span(m.from, m.to)]);
  }
  for (const m of findPhrases(tokens, goodFortuneIndex)) {
    if (!once(`g|${tokens[m.from]!.sentence}`)) continue;
    const dreamerInvolved = dreamerIsSubjectOrOwner(tokens, m.from, m.to, characterAt, true);
    add(tokens[m.from]!.start, { category: 'good-fortune', dreamerInvolved }, [span(m.from, m.to)]);
  }
}

function codeBodyParts(tokens: readonly Token[], span: Span, add: Add) {
  for (const m of findPhrases(tokens, bodyIndex)) {
    const before = tokens[m.from - 1];
    if (!before || before.sentence !== tokens[m.from]!.sentence) continue;
    const word = tokens[m.from]!.word;
    const determiner =
      word === 'back' ? POSSESSIVE_PRONOUNS.has(before.word) : BODY_DETERMINERS.has(before.word) || before.possessive;
    if (!determiner) continue;
    add(tokens[m.from - 1]!.start, { category: 'body-part', region: m.entry.region }, [span(m.from - 1, m.to)]);
  }
}
