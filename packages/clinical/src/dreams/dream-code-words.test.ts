import { describe, expect, it } from 'vitest';
import { DREAM_CODE_CATEGORIES } from './dream-codes.js';
import { DREAM_CODE_WORDS, dreamCodeLabel } from './dream-code-words.js';

describe('dream code words', () => {
  it('names every category the coder uses', () => {
    for (const category of DREAM_CODE_CATEGORIES) expect(DREAM_CODE_WORDS.category[category]).toMatch(/^[A-Z]/);
  });

  it('describes a code by its category, level and the dreamer’s part', () => {
    expect(dreamCodeLabel({ category: 'aggression', level: 6, dreamerRole: 'victim' })).toBe(
      'A6 chasing or confining, Victim',
    );
    expect(dreamCodeLabel({ category: 'friendliness', level: 4, dreamerRole: 'befriended' })).toBe(
      'F4 help, protection or rescue, Befriended',
    );
    expect(
      dreamCodeLabel({
        category: 'character',
        kind: 'human',
        sex: 'female',
        identity: 'family',
        dead: false,
        imaginary: false,
      }),
    ).toBe('Character: Human, Female, Immediate family');
    expect(dreamCodeLabel({ category: 'emotion', emotion: 'AP', dreamerFeels: true })).toBe('Emotion: Apprehension');
    expect(dreamCodeLabel({ category: 'setting', place: 'indoor', familiarity: 'distorted' })).toBe(
      'Setting: Indoor, Distorted',
    );
    expect(dreamCodeLabel({ category: 'misfortune', level: 6, dreamerInvolved: true })).toBe('M6 death');
    expect(dreamCodeLabel({ category: 'body-part', region: 'head' })).toBe('Body part: Head');
    expect(dreamCodeLabel({ category: 'good-fortune', dreamerInvolved: false })).toBe('Good fortune');
  });

  it('gives a level the scale does not have as its number rather than nothing', () => {
    expect(dreamCodeLabel({ category: 'sexuality', level: 9, dreamerRole: 'mutual' })).toBe('S9, Mutual');
  });
});
