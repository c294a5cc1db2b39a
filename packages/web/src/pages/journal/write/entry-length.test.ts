import { describe, expect, it } from 'vitest';
import { codePointLength, entryLength, lengthState, wordCount } from './entry-length';

describe('entry length', () => {
  it('counts characters as people do: an emoji, a letter with a combining mark, Hebrew', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('e\u0301')).toBe(2); // two code points, as the server counts
    expect(codePointLength('שלום')).toBe(4);
    expect(codePointLength('a😀b')).toBe([...'a😀b'].length);
    expect(codePointLength('\ud800x')).toBe(2); // a lone surrogate is still one
  });

  it('adds up the body and every detail of a dream', () => {
    const details = {
      setting: 'ab',
      people: 'c',
      dayBefore: '😀',
      associations: 'de',
      feelings: [{ name: 'fear', intensity: 3 }],
    };
    expect(entryLength({ body: 'xyz', details })).toBe(3 + 2 + 1 + 1 + 2 + 4);
    expect(entryLength({ body: 'xyz', details: null })).toBe(3);
  });

  it('warns near the limit and stops beyond it', () => {
    expect(lengthState(89_999)).toBe('fine');
    expect(lengthState(90_000)).toBe('near');
    expect(lengthState(100_000)).toBe('near');
    expect(lengthState(100_001)).toBe('over');
  });

  it('counts words across any white space', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('  one\u00a0two\n\tthree\u3000four ')).toBe(4);
  });
});
