import { describe, expect, it } from 'vitest';
import { ageOf } from './intake-format';

describe('ageOf', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  it('says hours within a day and days after', () => {
    expect(ageOf('2026-12-06T11:30:00Z', now)).toBe('less than an hour');
    expect(ageOf('2026-12-06T11:00:00Z', now)).toBe('1 hour');
    expect(ageOf('2026-12-06T02:00:00Z', now)).toBe('10 hours');
    expect(ageOf('2026-12-05T11:00:00Z', now)).toBe('1 day');
    expect(ageOf('2026-12-03T12:00:00Z', now)).toBe('3 days');
  });
});
