/**
 * A small English tokeniser for dream reports: words with their character offsets, sentence and
 * clause numbers, and a phrase matcher over our own word lists. No dependency, no I/O.
 */

export interface Token {
  /** Lower case, curly apostrophes straightened. */
  word: string;
  start: number;
  end: number;
  sentence: number;
  /** Clauses split at commas, semicolons and 'and', 'but', 'then', 'so', 'while', 'when', 'because'. */
  clause: number;
  /** Capitalised in the text and not the first word of its sentence. */
  capitalised: boolean;
  /** The word ended in 's ("grandmother's"), which `word` leaves out. */
  possessive: boolean;
}

const CLAUSE_WORDS = new Set(['and', 'but', 'then', 'so', 'while', 'when', 'because', 'until', 'before', 'after']);

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let first = true;
  for (const m of text.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)*|[.!?;,:]/g)) {
    const raw = m[0];
    if (/^[.!?]$/.test(raw)) {
      sentence += 1;
      clause += 1;
      first = true;
      continue;
    }
    if (/^[;,:]$/.test(raw)) {
      clause += 1;
      continue;
    }
    const lower = raw.toLowerCase().replace(/’/g, "'");
    const possessive = lower.endsWith("'s") && lower !== "it's" && lower !== "that's" && lower !== "there's";
    const word = possessive ? lower.slice(0, -2) : lower;
    if (CLAUSE_WORDS.has(word)) clause += 1;
    tokens.push({
      word,
      start: m.index,
      end: m.index + raw.length,
      sentence,
      clause,
      capitalised: !first && /^[A-Z]/.test(raw) && raw !== 'I' && !raw.startsWith("I'"),
      possessive,
    });
    first = false;
  }
  return tokens;
}

/** The regular inflections of a word: plural or third person, past, -ing. Irregular forms are listed in the lexicons. */
export function inflections(word: string): string[] {
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`]);
  if (word.endsWith('e')) forms.add(`${word.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(word)) {
    forms.add(`${word.slice(0, -1)}ies`);
    forms.add(`${word.slice(0, -1)}ied`);
  }
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word)) {
    forms.add(`${word}${word.at(-1)}ed`);
    forms.add(`${word}${word.at(-1)}ing`);
  }
  return [...forms];
}

export interface PhraseMatch<T> {
  entry: T;
  /** Index of the first and one past the last matched token. */
  from: number;
  to: number;
}

export interface PhraseIndex<T> {
  /** first word form → entries with their word sequences (each word a set of accepted forms). */
  byFirst: Map<string, { entry: T; words: Set<string>[] }[]>;
}

/**
 * Indexes phrases: each word of a phrase accepts its regular inflections; '|' separates alternatives
 * written in full (irregular forms), e.g. 'hit|hitting', 'stab', 'told|tell me off'.
 */
export function phraseIndex<T>(entries: readonly T[], phraseOf: (entry: T) => readonly string[]): PhraseIndex<T> {
  const byFirst = new Map<string, { entry: T; words: Set<string>[] }[]>();
  for (const entry of entries) {
    for (const phrase of phraseOf(entry)) {
      const words = phrase
        .split(' ')
        .map((w) => new Set(w.split('|').flatMap((alt) => (alt.includes("'") ? [alt] : inflections(alt)))));
      for (const first of words[0]!) {
        const list = byFirst.get(first) ?? [];
        list.push({ entry, words });
        byFirst.set(first, list);
      }
    }
  }
  return { byFirst };
}

/** Longest matches, left to right, not overlapping; a phrase never crosses a sentence end. */
export function findPhrases<T>(tokens: readonly Token[], index: PhraseIndex<T>): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best: PhraseMatch<T> | undefined;
    for (const candidate of index.byFirst.get(tokens[i]!.word) ?? []) {
      const n = candidate.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const t = tokens[i + k]!;
        ok = candidate.words[k]!.has(t.word) && t.sentence === tokens[i]!.sentence;
      }
      if (ok && (!best || n > best.to - best.from)) best = { entry: candidate.entry, from: i, to: i + n };
    }
    if (best) {
      found.push(best);
      i = best.to;
    } else i += 1;
  }
  return found;
}
