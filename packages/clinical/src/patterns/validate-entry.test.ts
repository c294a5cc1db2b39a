import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_TEXT, validatePatternEntry } from './validate-entry.js';

const good = { id: 'e1', kind: 'journal', date: '2026-02-28', text: 'I slept badly.', source: 'shared' };

describe('validatePatternEntry', () => {
  it('accepts a well-formed entry', () => {
    expect(validatePatternEntry(good)).toEqual({ ok: true, entry: good });
  });

  it('names every problem in words a person can act on', () => {
    const result = validatePatternEntry({ id: ' ', kind: 'diary', date: '2026-02-30', text: 3, source: 'public' });
    expect(result).toEqual({
      ok: false,
      errors: [
        'id must be non-empty text',
        'kind must be one of session_note, journal, dream, countertransference',
        'source must be one of shared, private, therapist',
        'date must be a calendar date written YYYY-MM-DD',
        'text must be text',
      ],
    });
    expect(validatePatternEntry(null)).toEqual({ ok: false, errors: ['The entry must be an object'] });
  });

  it('refuses a text too long to analyse, and a countertransference note not the therapist’s', () => {
    const long = validatePatternEntry({ ...good, text: 'a'.repeat(MAX_ENTRY_TEXT + 1) });
    expect(long.ok).toBe(false);
    const ct = validatePatternEntry({ ...good, kind: 'countertransference', source: 'shared' });
    expect(ct).toEqual({
      ok: false,
      errors: ['a countertransference note is the therapist’s own: source must be therapist'],
    });
  });
});
