import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeDream } from './code-dream.js';
import type { DreamCodeCorrection } from './corrections.js';
import { applyCorrections, codeContents, evidenceProblems } from './corrections.js';
import { dreamCodeContent } from './fixtures/dream-code-arbitraries.js';
import { dreamIndicators } from './indicators.js';

const TEXT = 'A man chased me through the park. I was terrified. My mother hugged me.';

describe('applyCorrections', () => {
  const automatic = codeDream(TEXT);
  const chase = automatic.find((c) => c.category === 'aggression')!;
  const fear = automatic.find((c) => c.category === 'emotion')!;

  it('adds, removes and changes codes, marking the therapist’s', () => {
    const corrections: DreamCodeCorrection[] = [
      { action: 'remove', id: fear.id },
      { action: 'change', id: chase.id, code: { category: 'aggression', level: 7, dreamerRole: 'victim' } },
      {
        action: 'add',
        id: 't1',
        code: { category: 'misfortune', level: 2, dreamerInvolved: true },
        evidence: [{ start: 0, end: 33, text: TEXT.slice(0, 33) }],
      },
    ];
    const { codes, unmatched } = applyCorrections(automatic, corrections);
    expect(unmatched).toEqual([]);
    expect(codes.find((c) => c.id === fear.id)).toBeUndefined();
    expect(codes.find((c) => c.id === chase.id)).toMatchObject({
      level: 7,
      source: 'therapist',
      evidence: chase.evidence,
    });
    expect(codes.find((c) => c.id === 't1')).toMatchObject({ category: 'misfortune', source: 'therapist' });
  });

  it('makes the indicators use the corrected codes', () => {
    const before = dreamIndicators([codeContents(automatic)]);
    // the chase (A6) is physical; the therapist reads it as verbal hostility (A2) witnessed
    expect(before.proportions.physicalAggression.value).toBe(1);
    expect(before.proportions.aggressor.value).toBe(0);
    const { codes } = applyCorrections(automatic, [
      { action: 'change', id: chase.id, code: { category: 'aggression', level: 2, dreamerRole: 'witness' } },
    ]);
    const after = dreamIndicators([codeContents(codes)]);
    expect(after.proportions.physicalAggression.value).toBe(0);
    expect(after.proportions.aggressor.value).toBeNull();
  });

  it('reports corrections that name no code and leaves the codes alone for them', () => {
    const { codes, unmatched } = applyCorrections(automatic, [
      { action: 'remove', id: 'gone' },
      { action: 'change', id: 'gone', code: { category: 'good-fortune', dreamerInvolved: true } },
    ]);
    expect(codes).toEqual(automatic);
    expect(unmatched).toHaveLength(2);
  });

  it('is idempotent: applying the same corrections again changes nothing', () => {
    const correction = fc.oneof(
      fc.record({ action: fc.constant('remove' as const), id: fc.constantFrom(...automatic.map((c) => c.id), 'x1') }),
      fc.record({
        action: fc.constant('change' as const),
        id: fc.constantFrom(...automatic.map((c) => c.id), 'x1'),
        code: dreamCodeContent,
      }),
      fc.record({
        action: fc.constant('add' as const),
        id: fc.constantFrom('t1', 't2', automatic[0]!.id),
        code: dreamCodeContent,
        evidence: fc.constant([{ start: 0, end: 5, text: TEXT.slice(0, 5) }]),
      }),
    );
    fc.assert(
      fc.property(fc.array(correction, { maxLength: 8 }), (corrections) => {
        const once = applyCorrections(automatic, corrections).codes;
        const twice = applyCorrections(once, corrections).codes;
        expect(twice).toEqual(once);
      }),
    );
  });
});

describe('evidenceProblems', () => {
  it('accepts a quote that matches the text and explains one that does not', () => {
    expect(evidenceProblems(TEXT, [{ start: 2, end: 5, text: 'man' }])).toEqual([]);
    expect(evidenceProblems(TEXT, [{ start: 2, end: 5, text: 'men' }])[0]).toMatch(/no longer matches/);
    expect(evidenceProblems(TEXT, [{ start: 5, end: 500, text: 'x' }])[0]).toMatch(/not a stretch/);
    expect(evidenceProblems(TEXT, [{ start: 5, end: 5, text: '' }])[0]).toMatch(/not a stretch/);
    expect(evidenceProblems(TEXT, [])).toEqual(['Choose the words in the dream that this code rests on.']);
  });
});
