/**
 * How long an entry is, counted as a person counts characters (Unicode code points: an emoji is one),
 * the way the server counts before it refuses an entry over MAX_ENTRY_CHARACTERS.
 */
import { MAX_ENTRY_CHARACTERS, type EntryContent } from '../../../api/journal-types';

/** Show the count from this many characters on, so nobody meets the limit by surprise. */
export const SHOW_COUNT_FROM = 90_000;

/** Code points in a string, without building an array of them (the text may be 100,000 long). */
export function codePointLength(text: string): number {
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

/** All the text of an entry: the body and, for a dream, every detail written in the person's words. */
export function entryLength(content: Pick<EntryContent, 'body' | 'details'>): number {
  const details = content.details;
  let total = codePointLength(content.body);
  if (details) {
    total +=
      codePointLength(details.setting) +
      codePointLength(details.people) +
      codePointLength(details.dayBefore) +
      codePointLength(details.associations);
    for (const feeling of details.feelings) total += codePointLength(feeling.name);
  }
  return total;
}

export type LengthState = 'fine' | 'near' | 'over';

export function lengthState(length: number, max = MAX_ENTRY_CHARACTERS): LengthState {
  if (length > max) return 'over';
  return length >= SHOW_COUNT_FROM ? 'near' : 'fine';
}

/** Words as the server counts them: runs of anything but Unicode white space. */
export function wordCount(text: string): number {
  let count = 0;
  for (const part of text.split(/\s+/u)) if (part) count++;
  return count;
}
