/**
 * Checking an entry before it is analysed, so a caller can refuse bad input with a message a person
 * can act on (the server answers 4xx) instead of producing nonsense dates or a crash.
 */
import type { EntryKind, EntrySource, PatternEntry } from './types.js';

export const ENTRY_KINDS: readonly EntryKind[] = ['session_note', 'journal', 'dream', 'countertransference'];
export const ENTRY_SOURCES: readonly EntrySource[] = ['shared', 'private', 'therapist'];
/** Longest text analysed in one entry (characters); about 40 pages. */
export const MAX_ENTRY_TEXT = 100_000;

export type EntryValidation = { ok: true; entry: PatternEntry } | { ok: false; errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Errors name the field and say what is expected. */
export function validatePatternEntry(json: unknown): EntryValidation {
  if (!isRecord(json)) return { ok: false, errors: ['The entry must be an object'] };
  const errors: string[] = [];
  if (typeof json.id !== 'string' || json.id.trim() === '') errors.push('id must be non-empty text');
  if (!ENTRY_KINDS.includes(json.kind as EntryKind)) errors.push(`kind must be one of ${ENTRY_KINDS.join(', ')}`);
  if (!ENTRY_SOURCES.includes(json.source as EntrySource)) {
    errors.push(`source must be one of ${ENTRY_SOURCES.join(', ')}`);
  }
  if (typeof json.date !== 'string' || !isCalendarDate(json.date)) {
    errors.push('date must be a calendar date written YYYY-MM-DD');
  }
  if (typeof json.text !== 'string') errors.push('text must be text');
  else if (json.text.length > MAX_ENTRY_TEXT) {
    errors.push(`text is ${json.text.length} characters; at most ${MAX_ENTRY_TEXT} are analysed in one entry`);
  }
  if (json.kind === 'countertransference' && json.source !== undefined && json.source !== 'therapist') {
    errors.push('a countertransference note is the therapist’s own: source must be therapist');
  }
  return errors.length === 0 ? { ok: true, entry: json as unknown as PatternEntry } : { ok: false, errors };
}
