import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RISK_PHRASES,
  detectRiskLanguage,
  normalisePhrase,
  practiceRiskPhrases,
  riskPhraseProblem,
} from './risk-language.js';

const phrasesOf = (text: string, list?: readonly string[]) => detectRiskLanguage(text, list).map((m) => m.phrase);

describe('risk language', () => {
  it('finds each phrase of our list with its position', () => {
    const text = 'Some days I think everyone would be better off dead. Then I sleep.';
    const [match] = detectRiskLanguage(text);
    expect(match).toEqual({ phrase: 'better off dead', start: 36, end: 51, negated: false });
    expect(text.slice(match?.start, match?.end)).toBe('better off dead');
  });

  it('matches any case, curly or straight apostrophes, hyphens and line breaks between words', () => {
    expect(phrasesOf('I just WANT TO\nDIE')).toEqual(['want to die']);
    expect(phrasesOf("I don't want to be here any more")).toEqual(['don’t want to be here']);
    expect(phrasesOf('I dont want to wake up')).toEqual(['don’t want to wake up']);
    expect(phrasesOf('thoughts of self-harm')).toEqual(['self harm']);
    expect(phrasesOf('I took an overdose once; overdosing scared me')).toEqual(['overdos*', 'overdos*']);
    expect(phrasesOf('suicidal thoughts')).toEqual(['suicid*']);
  });

  it('matches whole words only', () => {
    expect(phrasesOf('I will skill myself up in cooking')).toEqual([]);
    expect(phrasesOf('a blend it allows')).toEqual([]);
  });

  it('never clears a match for a negation, and marks it', () => {
    const matches = detectRiskLanguage('I would never kill myself, but I can’t go on like this');
    expect(matches.map((m) => [m.phrase, m.negated])).toEqual([
      ['kill myself', true],
      ['can’t go on', false],
    ]);
  });

  it('finds nothing in ordinary writing', () => {
    expect(detectRiskLanguage('I dreamt of a house by the sea. My mother was in the kitchen.')).toEqual([]);
  });

  it('lets a practice add and remove phrases', () => {
    const list = practiceRiskPhrases(['Give up on everything', 'kill myself'], ['overdos*']);
    expect(list).toContain('give up on everything');
    expect(list).not.toContain('overdos*');
    expect(list.filter((p) => p === 'kill myself')).toHaveLength(1);
    expect(phrasesOf('I want to give up on everything', list)).toEqual(['give up on everything']);
    expect(phrasesOf('an overdose', list)).toEqual([]);
  });

  it('refuses phrases that could not match safely, with a reason', () => {
    expect(riskPhraseProblem('')).toMatch(/empty/);
    expect(riskPhraseProblem('ab')).toMatch(/at least three letters/);
    expect(riskPhraseProblem('die!')).toMatch(/only letters/);
    expect(riskPhraseProblem('x'.repeat(81))).toMatch(/at most 80/);
    expect(riskPhraseProblem('*')).toMatch(/only letters/);
    expect(riskPhraseProblem("can't cope")).toBeNull();
    expect(riskPhraseProblem('overdos*')).toBeNull();
  });

  it('keeps every default phrase valid', () => {
    for (const phrase of DEFAULT_RISK_PHRASES) expect(riskPhraseProblem(phrase), phrase).toBeNull();
  });
});

const filler = fc.stringMatching(/^[a-z ,.\n]{0,40}$/);
const phrase = fc.constantFrom(...DEFAULT_RISK_PHRASES.map((p) => normalisePhrase(p).replace(/\*$/, '')));

describe('risk language, properties', () => {
  it('finds a phrase of the list wherever it sits between other words', () => {
    fc.assert(
      fc.property(filler, phrase, filler, (before, words, after) => {
        const text = `${before} ${words} ${after}`;
        const found = detectRiskLanguage(text);
        const start = before.length + 1;
        expect(found.some((m) => m.start === start && m.end >= start + words.length)).toBe(true);
      }),
    );
  });

  it('never loses a match when the text changes case or gains a negation before it', () => {
    fc.assert(
      fc.property(filler, phrase, fc.constantFrom('not', 'never', 'don’t', "won't"), (before, words, negation) => {
        const plain = detectRiskLanguage(`${before} ${words}`).length;
        expect(detectRiskLanguage(`${before} ${words}`.toUpperCase()).length).toBeGreaterThanOrEqual(plain);
        const negated = detectRiskLanguage(`${before} ${negation} ${words}`);
        expect(negated.length).toBeGreaterThanOrEqual(plain);
        expect(negated.some((m) => m.negated)).toBe(true);
      }),
    );
  });

  it('gives positions inside the text, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), phrase, (text, words) => {
        const all = detectRiskLanguage(`${text}${words}${text}`);
        for (const m of all) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(`${text}${words}${text}`.length);
          expect(m.end).toBeGreaterThan(m.start);
        }
        expect(all.map((m) => m.start)).toEqual([...all.map((m) => m.start)].sort((a, b) => a - b));
      }),
    );
  });
});
