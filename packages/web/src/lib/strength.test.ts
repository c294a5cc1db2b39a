import { describe, expect, it } from 'vitest';
import { describeStrength } from './strength';

const base = { acceptable: false, score: 0, problem: null, warning: null, suggestions: [] };

describe('describeStrength', () => {
  it('names the server’s problem when a password is refused', () => {
    const d = describeStrength({ ...base, score: 1, problem: 'This is a very common password.' });
    expect(d).toMatchObject({ level: 1, label: 'Weak', tone: 'weak' });
    expect(d.verdict).toBe('Strength: Weak. This is a very common password.');
  });

  it('gives general advice when the server gives no reason', () => {
    expect(describeStrength(base).verdict).toBe('Strength: Very weak. Choose a longer or less predictable password.');
  });

  it('says an acceptable password is strong enough, and marks the strongest', () => {
    expect(describeStrength({ ...base, acceptable: true, score: 3 })).toMatchObject({ tone: 'fair', label: 'Good' });
    const strong = describeStrength({ ...base, acceptable: true, score: 4 });
    expect(strong.tone).toBe('strong');
    expect(strong.verdict).toBe('Strength: Strong. This password is strong enough.');
  });

  it('clamps odd scores and removes duplicate or empty hints', () => {
    const d = describeStrength({
      ...base,
      score: 9,
      problem: 'Add another word.',
      warning: 'Add another word.',
      suggestions: ['Avoid dates.', ' ', 'Avoid dates.', 'Avoid names.'],
    });
    expect(d.level).toBe(4);
    expect(d.hints).toEqual(['Avoid dates.', 'Avoid names.']);
    expect(describeStrength({ ...base, score: Number.NaN }).level).toBe(0);
    expect(describeStrength({ ...base, score: -2 }).level).toBe(0);
  });

  it('does not repeat a warning the server’s reason already quotes', () => {
    const d = describeStrength({
      ...base,
      score: 2,
      problem: 'This password would be too easy to guess: Avoid years that are associated with you. Try a longer one.',
      warning: 'Avoid years that are associated with you.',
      suggestions: ['Add more words that are less common.'],
    });
    expect(d.hints).toEqual(['Add more words that are less common.']);
  });
});
