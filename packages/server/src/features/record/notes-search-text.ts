import { foldForSearch } from '../journal/entry-text.js';

/**
 * The snippet a search result shows: about 160 characters of the original text around the first
 * place a search word occurs (found in the folded text, mapped back to the original), white space
 * collapsed, with "…" where text was left out. Plain text: the page shows it as text, never markup.
 */
export const SNIPPET_CHARACTERS = 160;

/** The position in `text` (in code points) where the first of `words` starts, or -1. */
function firstMatch(points: string[], words: string[]): number {
  // The folded text, built a code point at a time so each folded unit maps back to its original point.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const piece = foldForSearch(points[i] ?? '');
    folded += piece;
    for (let j = 0; j < piece.length; j++) origin.push(i);
  }
  let best = -1;
  for (const word of words) {
    const at = folded.indexOf(word);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best < 0 ? -1 : (origin[best] ?? -1);
}

export function snippetOf(text: string, words: string[]): string {
  const points = Array.from(text.replace(/\s+/gu, ' ').trim());
  if (points.length <= SNIPPET_CHARACTERS) return points.join('');
  const at = Math.max(0, firstMatch(points, words));
  let start = Math.max(0, at - Math.floor(SNIPPET_CHARACTERS / 3));
  const end = Math.min(points.length, start + SNIPPET_CHARACTERS);
  start = Math.max(0, end - SNIPPET_CHARACTERS);
  return `${start > 0 ? '…' : ''}${points.slice(start, end).join('').trim()}${end < points.length ? '…' : ''}`;
}

/** Whether the folded text holds every word. */
export const holdsAll = (folded: string, words: string[]) => words.every((word) => folded.includes(word));

const NOT_ASCII = /[^\t\n\r\x20-\x7e]+/g;

/**
 * foldForSearch, faster on long texts that are mostly ASCII: only the runs of other characters are
 * normalised (NFKD, marks stripped, NFKC); ASCII is only lower-cased. Folding is local to a run —
 * decomposition is per character and the marks that could compose with an ASCII letter are removed —
 * so the answer is the same as folding the whole text, in a fraction of the time. `memo` keeps the
 * folded short runs for one search.
 */
export function foldLong(text: string, memo: Map<string, string>): string {
  return text
    .replace(NOT_ASCII, (run) => {
      let folded = memo.get(run);
      if (folded === undefined) {
        folded = foldForSearch(run);
        // The same few runs (é, ’, —) come back in every note: remember them for this search.
        if (run.length <= 16 && memo.size < 10_000) memo.set(run, folded);
      }
      return folded;
    })
    .toLowerCase();
}
