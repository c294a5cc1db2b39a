/**
 * Who does what to whom in a clause, read from the words around a phrase: is the dreamer ('I', 'we')
 * the one acting, the one acted on, both (each other), or neither. Heuristic, and said to be so.
 */
import type { Token } from './tokenise.js';

export type DreamerPart = 'agent' | 'patient' | 'both' | 'neither';

const DREAMER_SUBJECTS = new Set(['i', 'we', "i'm", "i'd", "we're", "i've", "we'd"]);
const OTHER_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'you', 'someone', 'somebody', 'everyone', 'nobody', 'who']);
const DREAMER_OBJECTS = new Set(['me', 'us', 'myself', 'ourselves']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that']);
const BE = new Set(['was', 'were', 'got', 'get', 'been', 'being', 'am', 'is', 'are', 'be']);
const IRREGULAR_PARTICIPLES = new Set([
  'bitten',
  'stolen',
  'beaten',
  'shot',
  'hit',
  'stung',
  'caught',
  'thrown',
  'held',
  'kept',
  'left',
  'given',
]);

export interface Participation {
  part: DreamerPart;
  /**
   * The subject before the phrase: the dreamer, another character, a thing ('the water hit …': no
   * social interaction), or none found in its sentence.
   */
  subject: 'dreamer' | 'other' | 'thing' | 'none';
}

/**
 * `characterAt(i)` says whether token i is (part of) a character term, so 'the dog bit me' has a subject.
 */
export function participation(
  tokens: readonly Token[],
  from: number,
  to: number,
  characterAt: (i: number) => boolean,
  bodyPartAt: (i: number) => boolean = () => false,
): Participation {
  const start = tokens[from]!;
  let subject: Participation['subject'] = 'none';
  for (let i = from - 1; i >= 0 && tokens[i]!.sentence === start.sentence; i--) {
    const w = tokens[i]!.word;
    // a determiner in the phrase's own clause before a word that is no character: a thing acts
    if (DETERMINERS.has(w) && tokens[i]!.clause === start.clause && i + 1 < from && !characterAt(i + 1)) {
      let j = i + 1;
      while (j < from && !characterAt(j) && !BE.has(tokens[j]!.word)) j++;
      if (j === from || BE.has(tokens[j]!.word)) {
        subject = 'thing';
        break;
      }
    }
    if (DREAMER_SUBJECTS.has(w)) {
      subject = 'dreamer';
      break;
    }
    if (OTHER_SUBJECTS.has(w) || characterAt(i)) {
      subject = 'other';
      break;
    }
  }
  const phraseWords = tokens.slice(from, to).map((t) => t.word);
  const before = tokens[from - 1];
  const first = phraseWords[0]!;
  const passive =
    before !== undefined &&
    before.sentence === start.sentence &&
    BE.has(before.word) &&
    (first.endsWith('ed') || IRREGULAR_PARTICIPLES.has(first));
  let objectDreamer = phraseWords.slice(1).some((w) => DREAMER_OBJECTS.has(w) || w === 'my');
  let eachOther = false;
  let byDreamer = false;
  for (let i = to; i < Math.min(tokens.length, to + 5) && tokens[i]!.sentence === start.sentence; i++) {
    const w = tokens[i]!.word;
    if (w === 'each' && tokens[i + 1]?.word === 'other') eachOther = true;
    if (w === 'one' && tokens[i + 1]?.word === 'another') eachOther = true;
    if (w === 'by' && DREAMER_OBJECTS.has(tokens[i + 1]?.word ?? '')) byDreamer = true;
    if (w === 'me' || w === 'us' || w === 'myself') objectDreamer = true;
    // 'grabbed my arm', 'kissed my neck': the dreamer's own body
    if (w === 'my' && i === to && bodyPartAt(i + 1)) objectDreamer = true;
    if (i > to && (OTHER_SUBJECTS.has(w) || DREAMER_SUBJECTS.has(w))) break;
  }
  if (eachOther) return { part: subject === 'dreamer' ? 'both' : 'neither', subject };
  if (passive) {
    if (subject === 'dreamer') return { part: 'patient', subject };
    return { part: byDreamer ? 'agent' : 'neither', subject };
  }
  if (subject === 'dreamer' && !objectDreamer) return { part: 'agent', subject };
  if (objectDreamer && subject !== 'dreamer') return { part: 'patient', subject };
  if (subject === 'dreamer' && objectDreamer) return { part: 'agent', subject };
  return { part: 'neither', subject };
}

/** Whether the dreamer is the one something happens to or is felt by: subject 'I'/'we', or 'my'/'me' in the phrase. */
export function dreamerIsSubjectOrOwner(
  tokens: readonly Token[],
  from: number,
  to: number,
  characterAt: (i: number) => boolean,
  fallback: boolean,
): boolean {
  if (tokens.slice(from, to).some((t) => t.word === 'my' || t.word === 'me')) return true;
  const { subject } = participation(tokens, from, to, characterAt);
  if (subject === 'dreamer') return true;
  if (subject === 'other' || subject === 'thing') return false;
  const start = tokens[from]!;
  for (let i = to; i < Math.min(tokens.length, to + 3); i++) {
    if (tokens[i]!.sentence !== start.sentence) break;
    if (DREAMER_SUBJECTS.has(tokens[i]!.word)) return true;
    if (OTHER_SUBJECTS.has(tokens[i]!.word) || characterAt(i)) return false;
  }
  return fallback;
}
