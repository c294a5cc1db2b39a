/**
 * Risk language in a client's own words (CLINICAL-REFERENCE.md §4): a word and phrase list we
 * wrote, which a practice may extend or trim, matched on the server when an entry is saved.
 *
 * A missed phrase is worse than a needless alert, so the matching is generous (any case, curly or
 * straight apostrophes, hyphens or spaces between words, any run of whitespace) and negation never
 * clears a match: "I would never kill myself" still matches, marked `negated` so a reader knows the
 * words around it may soften it. Nothing here decides that someone is safe.
 */
export const DEFAULT_RISK_PHRASES: readonly string[] = [
  'kill myself',
  'killing myself',
  'end it all',
  'ending it all',
  'end my life',
  'ending my life',
  'take my own life',
  'taking my own life',
  'better off dead',
  'better off without me',
  'no reason to live',
  'nothing to live for',
  'want to die',
  'wish i was dead',
  'wish i were dead',
  'don’t want to be here',
  'don’t want to wake up',
  'can’t go on',
  'hurt myself',
  'hurting myself',
  'harm myself',
  'harming myself',
  'self harm',
  'cut myself',
  'cutting myself',
  'overdos*',
  'suicid*',
  'hang myself',
];

export interface RiskMatch {
  /** The phrase of the list that matched, as the list holds it. */
  phrase: string;
  /** Where the words are in the text: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** A negating word ("not", "never", "don’t"…) comes shortly before: the match stands regardless. */
  negated: boolean;
}

export const PHRASE_MAX_LENGTH = 80;
const PHRASE_SHAPE = /^[\p{L}\p{N}]+(?:[ '’-][\p{L}\p{N}]+)*\*?$/u;
const NEGATIONS = new Set([
  'not',
  'never',
  'no',
  'nor',
  'dont',
  'don’t',
  "don't",
  'wont',
  'won’t',
  "won't",
  'wouldnt',
  'wouldn’t',
  "wouldn't",
  'cant',
  'can’t',
  "can't",
  'isnt',
  'isn’t',
  "isn't",
]);
const NEGATION_WINDOW_WORDS = 3;

/** The form a phrase is kept and compared in: lower case, straight apostrophes as curly, single spaces. */
export function normalisePhrase(phrase: string): string {
  return phrase.normalize('NFC').trim().toLowerCase().replace(/'/g, '’').replace(/\s+/g, ' ');
}

/** Why a phrase cannot be on the list (a message a person can act on), or null when it can. */
export function riskPhraseProblem(phrase: string): string | null {
  const normal = normalisePhrase(phrase);
  if (normal === '') return 'A phrase cannot be empty.';
  if (normal.length > PHRASE_MAX_LENGTH) return `A phrase can be at most ${PHRASE_MAX_LENGTH} characters long.`;
  if (!PHRASE_SHAPE.test(normal)) {
    return `“${phrase.trim()}” can hold only letters, digits, spaces, apostrophes and hyphens, with an optional * at the end for any ending (such as “overdos*”).`;
  }
  const letters = normal.replace(/[^\p{L}]/gu, '').length;
  if (letters < 3) return `“${phrase.trim()}” is too short to match safely: use at least three letters.`;
  return null;
}

/**
 * The practice's list: our phrases without the ones it removed, plus the ones it added, each once.
 * The caller validates additions with `riskPhraseProblem` first.
 */
export function practiceRiskPhrases(added: readonly string[], removed: readonly string[]): string[] {
  const gone = new Set(removed.map(normalisePhrase));
  const list = DEFAULT_RISK_PHRASES.map(normalisePhrase).filter((p) => !gone.has(p));
  for (const phrase of added.map(normalisePhrase)) if (!list.includes(phrase)) list.push(phrase);
  return list;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for one phrase: whole words, any case, any apostrophe, hyphens or whitespace between words. */
function patternOf(phrase: string): RegExp {
  const normal = normalisePhrase(phrase);
  const prefix = normal.endsWith('*');
  const words = (prefix ? normal.slice(0, -1) : normal).split(/[ -]+/);
  const body = words.map((w) => escape(w).replace(/’/g, "['’‘`]?")).join('[\\s\\-–—]+');
  const tail = prefix ? '[\\p{L}\\p{N}]*' : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${tail}(?![\\p{L}\\p{N}])`, 'giu');
}

function negatedBefore(text: string, start: number): boolean {
  const before = text
    .slice(Math.max(0, start - 60), start)
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’]+/u)
    .filter((w) => w !== '');
  return before.slice(-NEGATION_WINDOW_WORDS).some((w) => NEGATIONS.has(w));
}

/** Every place the text holds a phrase of the list, in order of position. */
export function detectRiskLanguage(text: string, phrases: readonly string[] = DEFAULT_RISK_PHRASES): RiskMatch[] {
  const matches: RiskMatch[] = [];
  for (const phrase of phrases) {
    if (riskPhraseProblem(phrase) !== null) continue;
    for (const found of text.matchAll(patternOf(phrase))) {
      const start = found.index;
      const end = start + found[0].length;
      matches.push({ phrase: normalisePhrase(phrase), start, end, negated: negatedBefore(text, start) });
    }
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}
