import { MAX_ENTRY_CHARACTERS, type DreamDetails } from './journal-schemas.js';

/**
 * Words about an entry's text: its length as a person counts it (code points, so an emoji is one
 * character), its word count, the excerpt a timeline shows, and the folded form search compares.
 * The text itself is never changed: it is stored and returned exactly as the client wrote it.
 */

/** Code points in a string, without building an array of 100,000 of them. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Every piece of the client's own words in the details (the feelings' names too). */
export function detailsTexts(details: DreamDetails | null | undefined): string[] {
  if (!details) return [];
  return [
    details.setting,
    details.people,
    details.dayBefore,
    details.associations,
    ...details.feelings.map((f) => f.name),
  ];
}

/** The length of the whole entry: body and every details text. */
export function entryLength(body: string, details: DreamDetails | null | undefined): number {
  return [body, ...detailsTexts(details)].reduce((sum, text) => sum + characterCount(text), 0);
}

const NUMBER = new Intl.NumberFormat('en-GB');

/** The refusal a too-long entry gets, or null when it fits. */
export function tooLongMessage(length: number): string | null {
  if (length <= MAX_ENTRY_CHARACTERS) return null;
  return (
    `This entry is ${NUMBER.format(length)} characters long; one entry holds up to ` +
    `${NUMBER.format(MAX_ENTRY_CHARACTERS)}. Please split it into two entries.`
  );
}

/** Words of the body, split on any Unicode white space. */
export function wordCount(body: string): number {
  let count = 0;
  for (const word of body.split(/\s+/u)) if (word) count++;
  return count;
}

export const EXCERPT_CHARACTERS = 200;

/** The first 200 characters of the body, white space collapsed, "…" when there is more. */
export function excerptOf(body: string): string {
  const points: string[] = [];
  let pendingSpace = false;
  for (const point of body) {
    if (/\s/u.test(point)) {
      pendingSpace = points.length > 0;
      continue;
    }
    if (points.length + (pendingSpace ? 1 : 0) >= EXCERPT_CHARACTERS) return `${points.join('')}…`;
    if (pendingSpace) points.push(' ');
    pendingSpace = false;
    points.push(point);
  }
  return points.join('');
}

/** Text folded for matching: compatibility forms, lower case, no diacritics ("Café" → "cafe"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC').toLowerCase();
}

/** The folded words of a search; empty when it has none. */
export function searchWords(q: string): string[] {
  return foldForSearch(q)
    .split(/\s+/u)
    .filter((word) => word.length > 0);
}

/** Whether every word occurs somewhere in the texts (each already folded or not: they are folded here). */
export function matchesAll(words: string[], texts: string[]): boolean {
  const haystack = foldForSearch(texts.join('\n'));
  return words.every((word) => haystack.includes(word));
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text that is not well-formed Unicode (half of a surrogate pair, which no keyboard makes) cannot be
 * stored exactly — PostgreSQL would keep a replacement character — so it is refused rather than changed.
 */
export function malformedMessage(texts: string[]): string | null {
  return texts.some((text) => LONE_SURROGATE.test(text))
    ? 'Part of this text is not valid Unicode (half of an emoji or other character), so it cannot be kept exactly. Please paste it again or remove the broken character.'
    : null;
}
