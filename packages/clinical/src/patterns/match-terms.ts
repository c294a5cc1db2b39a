/**
 * Finding lexicon terms in a token stream. A term is one or more words; each word matches a token's
 * lower-case form or its lemma, and `*` lets up to two tokens pass in between ("put * down").
 * Contractions are written out the way the tokenizer splits them ("don't" → "do not").
 */
import type { Token } from './pipeline.js';

export type TermPattern = readonly string[];

const CONTRACTIONS: Record<string, string> = {
  "don't": 'do not',
  "didn't": 'do not',
  "doesn't": 'do not',
  "can't": 'can not',
  "couldn't": 'could not',
  "shouldn't": 'should not',
  "wouldn't": 'would not',
  "won't": 'will not',
  "isn't": 'be not',
  "wasn't": 'be not',
};

/** A term as the words to match, contractions expanded. */
export function patternOf(term: string): TermPattern {
  return term
    .toLowerCase()
    .split(' ')
    .flatMap((w) => (CONTRACTIONS[w] ?? w).split(' '));
}

/**
 * Forms a word may have lost its ending from, for words the lemmatiser leaves inflected
 * ("adored" tagged as an adjective): -d, -ed, -ing, -s, -es.
 */
export function bareForms(lower: string): string[] {
  const forms: string[] = [];
  if (lower.length > 4) {
    if (lower.endsWith('ed')) forms.push(lower.slice(0, -1), lower.slice(0, -2));
    if (lower.endsWith('ing')) forms.push(lower.slice(0, -3), `${lower.slice(0, -3)}e`);
    if (lower.endsWith('es')) forms.push(lower.slice(0, -2));
    if (lower.endsWith('s') && !lower.endsWith('ss')) forms.push(lower.slice(0, -1));
  }
  return forms;
}

/** Whether `lower` is `word` with an ending (the check `bareForms` makes, without allocating a list). */
function inflects(word: string, lower: string): boolean {
  if (lower.length <= 4 || lower.length <= word.length || !lower.startsWith(word.slice(0, -1))) return false;
  const rest = lower.slice(word.length);
  if (lower.startsWith(word) && (rest === 'd' || rest === 'ed' || rest === 's' || rest === 'es' || rest === 'ing'))
    return true;
  return word.endsWith('e') && lower === `${word.slice(0, -1)}ing`;
}

const same = (word: string, token: Token) =>
  word === token.lower ||
  word === token.lemma ||
  (word === 'not' && (token.lower === "n't" || token.lower === 'never')) ||
  inflects(word, token.lower);

/** Length in tokens of a match of `pattern` starting at token `at` (within [at, end)), or 0. */
export function matchAt(tokens: readonly Token[], at: number, end: number, pattern: TermPattern): number {
  let i = at;
  for (let p = 0; p < pattern.length; p++) {
    const word = pattern[p]!;
    if (word === '*') {
      const next = pattern[p + 1];
      if (next === undefined) return 0;
      let skipped = 0;
      while (skipped <= 2 && i < end && !same(next, tokens[i]!)) {
        i++;
        skipped++;
      }
      if (skipped > 2 || i >= end) return 0;
      continue;
    }
    const token = tokens[i];
    if (i >= end || !token || !same(word, token)) return 0;
    i++;
  }
  return i - at;
}

export interface TermMatch<T> {
  value: T;
  term: string;
  /** Token range [from, to). */
  from: number;
  to: number;
}

export interface CompiledLexicon<T> {
  /** Patterns grouped by their first word (never `*`), longest first. */
  byFirst: Map<string, { pattern: TermPattern; term: string; value: T }[]>;
}

export function compileLexicon<T>(entries: readonly { term: string; value: T }[]): CompiledLexicon<T> {
  const byFirst = new Map<string, { pattern: TermPattern; term: string; value: T }[]>();
  for (const { term, value } of entries) {
    const pattern = patternOf(term);
    const first = pattern[0]!;
    const list = byFirst.get(first) ?? [];
    list.push({ pattern, term, value });
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.pattern.length - a.pattern.length);
  return { byFirst };
}

/** Non-overlapping matches in tokens [from, to), left to right, longest term first at each token. */
export function findTerms<T>(
  tokens: readonly Token[],
  from: number,
  to: number,
  lexicon: CompiledLexicon<T>,
): TermMatch<T>[] {
  const found: TermMatch<T>[] = [];
  let i = from;
  while (i < to) {
    const token = tokens[i]!;
    let best: { length: number; term: string; value: T; size: number } | undefined;
    const consider = (list: { pattern: TermPattern; term: string; value: T }[] | undefined) => {
      if (!list) return;
      // Each list is longest pattern first: the first match in it is its best.
      for (const c of list) {
        if (best && c.pattern.length <= best.size) return;
        const length = matchAt(tokens, i, to, c.pattern);
        if (length > 0) {
          best = { length, term: c.term, value: c.value, size: c.pattern.length };
          return;
        }
      }
    };
    consider(lexicon.byFirst.get(token.lower));
    if (token.lemma !== token.lower) consider(lexicon.byFirst.get(token.lemma));
    if (token.lower === "n't") consider(lexicon.byFirst.get('not'));
    if (/(?:ed|ing|s)$/.test(token.lower))
      for (const form of bareForms(token.lower)) consider(lexicon.byFirst.get(form));
    if (best) {
      found.push({ value: best.value, term: best.term, from: i, to: i + best.length });
      i += best.length;
    } else i++;
  }
  return found;
}
