import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENTS } from './builtin-instruments.js';
import type { InstrumentDefinition } from './definition-types.js';
import { isScored, optionsFor, scoreRange } from './item-helpers.js';
import { score } from './score.js';
import type { AnswerValue } from './score-types.js';

/** Any valid answers object for a definition: option values, declined, unanswered, not applicable where allowed. */
function validAnswers(def: InstrumentDefinition): fc.Arbitrary<Record<string, AnswerValue>> {
  const entries = def.items.map((item) => {
    const choices: fc.Arbitrary<AnswerValue>[] = [
      fc.constantFrom(...optionsFor(def, item).map((o) => o.value)),
      fc.constantFrom<AnswerValue>('declined', null, undefined),
    ];
    if (item.notApplicable) choices.push(fc.constant<AnswerValue>('not-applicable'));
    return [item.linkId, fc.oneof(...choices)] as const;
  });
  return fc.record(Object.fromEntries(entries));
}

/** Complete answers: an option value for every question. */
function completeAnswers(def: InstrumentDefinition): fc.Arbitrary<Record<string, number>> {
  return fc.record(
    Object.fromEntries(
      def.items.map((item) => [item.linkId, fc.constantFrom(...optionsFor(def, item).map((o) => o.value))]),
    ),
  );
}

describe.each(BUILTIN_INSTRUMENTS.map((d) => [d.name, d] as const))('%s properties', (_, def) => {
  const range = scoreRange(def);

  it('a total is always within range, prorating never exceeds the maximum, and a null total has a reason', () => {
    fc.assert(
      fc.property(validAnswers(def), (answers) => {
        const r = score(def, answers);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        if (r.total === null) {
          expect(r.noScoreReason).toEqual(expect.any(String));
        } else {
          expect(r.total).toBeGreaterThanOrEqual(range.min);
          expect(r.total).toBeLessThanOrEqual(range.max);
          expect(Number.isInteger(r.total)).toBe(true);
          expect(r.missing.length).toBeLessThanOrEqual(def.missingItemRule.maxMissing);
        }
      }),
    );
  });

  it('a complete score is the plain sum, and is not changed by explicitly empty answers to unscored questions', () => {
    fc.assert(
      fc.property(completeAnswers(def), (answers) => {
        const r = score(def, answers);
        const sum = def.items.filter(isScored).reduce((s, i) => s + (answers[i.linkId] ?? 0), 0);
        expect(r.ok && [r.total, r.prorated]).toEqual([sum, false]);
        const withEmpty = {
          ...answers,
          ...Object.fromEntries(def.items.filter((i) => !isScored(i)).map((i) => [i.linkId, null])),
        };
        const again = score(def, withEmpty);
        expect(again.ok && again.total).toBe(sum);
      }),
    );
  });

  it('raising one answer never lowers the total', () => {
    fc.assert(
      fc.property(completeAnswers(def), fc.nat(), (answers, pick) => {
        const scored = def.items.filter(isScored);
        const item = scored[pick % scored.length]!;
        const max = Math.max(...optionsFor(def, item).map((o) => o.value));
        const before = score(def, answers);
        const after = score(def, { ...answers, [item.linkId]: max });
        expect(before.ok && after.ok && (after.total ?? 0) >= (before.total ?? 0)).toBe(true);
      }),
    );
  });

  it('never throws on any answers at all: it returns a result', () => {
    const keys = fc.constantFrom(...def.items.map((i) => i.linkId), 'x', '__proto__', 'constructor');
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(keys, fc.anything())), (answers) => {
        const r = score(def, answers);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
    );
  });
});
