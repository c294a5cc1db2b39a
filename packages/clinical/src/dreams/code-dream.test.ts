import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeDream } from './code-dream.js';
import type { DreamCode } from './dream-codes.js';

const only = <C extends DreamCode['category']>(codes: DreamCode[], category: C) =>
  codes.filter((c): c is Extract<DreamCode, { category: C }> => c.category === category);

describe('codeDream', () => {
  it('cites the words behind every code, exactly as they stand in the text', () => {
    const text =
      "I was in my grandmother's house. A man chased me down the corridor and I was terrified. My sister Kate hugged me. I fell and hurt my leg.";
    const codes = codeDream(text);
    expect(codes.length).toBeGreaterThan(5);
    for (const c of codes) {
      expect(c.source).toBe('automatic');
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const e of c.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
    expect(new Set(codes.map((c) => c.id)).size).toBe(codes.length);
  });

  it('codes characters with sex, identity, death and imaginary beings, once each', () => {
    const codes = only(
      codeDream(
        'My late father and a woman were in the garden. The woman waved. A ghost and my dog watched. My friend Anna came too.',
      ),
      'character',
    );
    const by = (text: string) => codes.find((c) => c.evidence[0]!.text.includes(text));
    expect(by('father')).toMatchObject({ kind: 'human', sex: 'male', identity: 'family', dead: true });
    expect(by('woman')).toMatchObject({ kind: 'human', sex: 'female', identity: 'stranger', dead: false });
    expect(codes.filter((c) => c.evidence[0]!.text === 'woman')).toHaveLength(1);
    expect(by('ghost')).toMatchObject({ kind: 'creature', imaginary: true });
    expect(by('dog')).toMatchObject({ kind: 'animal' });
    expect(by('friend Anna')).toMatchObject({ sex: 'female', identity: 'friend' });
  });

  it("reads the dreamer's role in aggression and friendliness", () => {
    const aggression = only(
      codeDream('A man chased me. I punched him. The dog bit my brother. My mother and I argued.'),
      'aggression',
    );
    expect(aggression.map((a) => [a.level, a.dreamerRole])).toEqual([
      [6, 'victim'],
      [7, 'aggressor'],
      [7, 'witness'],
      [2, 'reciprocal'],
    ]);
    const friendly = only(
      codeDream('A nurse helped me. I hugged my son. Two strangers greeted each other.'),
      'friendliness',
    );
    expect(friendly.map((f) => [f.level, f.dreamerRole])).toEqual([
      [4, 'befriended'],
      [6, 'befriender'],
      [2, 'witness'],
    ]);
    expect(only(codeDream('I was attacked by a dog.'), 'aggression')[0]).toMatchObject({
      level: 7,
      dreamerRole: 'victim',
    });
  });

  it('codes the five emotions, who feels them, and skips negated ones', () => {
    const emotions = only(
      codeDream(
        "I was furious. She was terrified. I felt sad and confused, then relieved. I wasn't scared of the dark.",
      ),
      'emotion',
    );
    expect(emotions.map((e) => [e.emotion, e.dreamerFeels])).toEqual([
      ['AN', true],
      ['AP', false],
      ['SD', true],
      ['CO', true],
      ['HA', true],
    ]);
  });

  it('codes settings indoor and outdoor, familiar and unfamiliar', () => {
    const settings = only(
      codeDream('I was in my house, in the kitchen. Then I was in a strange forest. Later we were in London.'),
      'setting',
    );
    expect(settings.map((s) => [s.place, s.familiarity])).toEqual([
      ['indoor', 'familiar'],
      ['outdoor', 'unfamiliar'],
      ['ambiguous', 'geographical'],
    ]);
  });

  it('codes success, failure, misfortune and good fortune with who they befall', () => {
    const codes = codeDream(
      'I tried to open the door but it was locked. Then I managed to climb out. My aunt fell and broke her arm. Luckily I found my keys.',
    );
    expect(only(codes, 'failure')).toMatchObject([{ dreamerInvolved: true }]);
    expect(only(codes, 'success')).toMatchObject([{ dreamerInvolved: true }]);
    expect(only(codes, 'misfortune').map((m) => [m.level, m.dreamerInvolved])).toEqual([[3, false]]);
    expect(only(codes, 'good-fortune')).toMatchObject([{ dreamerInvolved: true }]);
    expect(only(codeDream('I fell asleep on the sofa.'), 'misfortune')).toEqual([]);
  });

  it('codes body parts by region, not "back" as an adverb', () => {
    const parts = only(
      codeDream('He came back and touched my face. My back and my chest hurt. I raised my hand.'),
      'body-part',
    );
    expect(parts.map((p) => p.region)).toEqual(['head', 'torso', 'torso', 'extremities']);
  });

  it('codes sexuality with its level', () => {
    const sex = only(codeDream('I kissed a stranger. Later we made love.'), 'sexuality');
    expect(sex.map((s) => s.level)).toEqual([2, 5]);
    expect(sex[0]!.dreamerRole).toBe('initiator');
  });

  it('gives nothing for an empty report', () => {
    expect(codeDream('')).toEqual([]);
    expect(codeDream('   ')).toEqual([]);
  });
});

describe('codeDream on any text', () => {
  const words = fc.constantFrom(
    'I',
    'me',
    'my',
    'mother',
    'man',
    'dog',
    'ghost',
    'Anna',
    'chased',
    'hugged',
    'kissed',
    'was',
    'terrified',
    'happy',
    'in',
    'the',
    'a',
    'house',
    'forest',
    'London',
    'fell',
    'died',
    'managed',
    'to',
    'tried',
    'but',
    'hand',
    'back',
    'and',
    '.',
    ',',
    "grandmother's",
    "couldn't",
    'not',
    'who',
    'by',
    'each',
    'other',
    '’',
    'É',
    '  ',
  );
  it('never throws, and every code cites words that stand in the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(words, { maxLength: 40 }).map((w) => w.join(' ')),
        ),
        (text) => {
          const codes = codeDream(text);
          expect(new Set(codes.map((c) => c.id)).size).toBe(codes.length);
          for (const c of codes) {
            expect(c.evidence.length).toBeGreaterThan(0);
            for (const e of c.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
          }
        },
      ),
    );
  });
});
