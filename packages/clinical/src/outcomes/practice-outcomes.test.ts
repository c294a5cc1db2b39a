import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeRate, practiceOutcomeSummary } from './practice-outcomes.js';
import { talkingTherapiesOutcome, type TalkingTherapiesTimePoint } from './talking-therapies.js';

const ep = (sessions: number, ...measurements: TalkingTherapiesTimePoint[]) =>
  talkingTherapiesOutcome({ measurements, treatmentSessionsAttended: sessions });

describe('practiceOutcomeSummary', () => {
  it('counts and percentages with NHS Talking Therapies denominators', () => {
    const outcomes = [
      ep(6, { phq9: 18, gad7: 14 }, { phq9: 6, gad7: 5 }), // reliable recovery
      ep(5, { phq9: 11, gad7: 9 }, { phq9: 7, gad7: 6 }), // recovery, not reliable improvement
      ep(8, { phq9: 22, gad7: 15 }, { phq9: 14, gad7: 9 }), // reliable improvement, still a case
      ep(4, { phq9: 12, gad7: 6 }, { phq9: 18, gad7: 6 }), // reliable deterioration
      ep(3, { phq9: 7, gad7: 6 }, { phq9: 1, gad7: 2 }), // not a case at start, reliable improvement
      ep(4, { phq9: 16, gad7: 12 }, { phq9: null, gad7: 4 }), // finished, not paired
      ep(1, { phq9: 18, gad7: 12 }, { phq9: 5, gad7: 3 }), // one session: not a finished course
    ];
    const s = practiceOutcomeSummary(outcomes);
    expect(s.episodes).toBe(7);
    expect(s.finishedCourse).toBe(6);
    expect(s.pairedDataCompleteness).toEqual({ count: 5, denominator: 6, percentage: (100 * 5) / 6 });
    expect(s.casesAtStart).toBe(4);
    expect(s.recovered).toEqual({ count: 2, denominator: 4, percentage: 50 });
    expect(s.reliablyRecovered).toEqual({ count: 1, denominator: 4, percentage: 25 });
    expect(s.reliablyImproved).toEqual({ count: 3, denominator: 5, percentage: 60 });
    expect(s.deteriorated).toEqual({ count: 1, denominator: 5, percentage: 20 });
  });

  it('has no percentages when there is nothing to divide by', () => {
    const s = practiceOutcomeSummary([]);
    expect(s.episodes).toBe(0);
    expect(s.pairedDataCompleteness).toEqual({ count: 0, denominator: 0, percentage: null });
    expect(s.recovered.percentage).toBeNull();
    expect(practiceOutcomeSummary([ep(1, { phq9: 3, gad7: 2 })]).finishedCourse).toBe(0);
  });

  it('outcomeRate', () => {
    expect(outcomeRate(1, 3).percentage).toBeCloseTo(33.333, 3);
    expect(outcomeRate(0, 0).percentage).toBeNull();
  });

  it('carries no identities: only counts and rates', () => {
    const s = practiceOutcomeSummary([ep(2, { phq9: 18, gad7: 14 }, { phq9: 6, gad7: 5 })]);
    expect(Object.keys(s).sort()).toEqual(
      [
        'casesAtStart',
        'deteriorated',
        'episodes',
        'finishedCourse',
        'pairedDataCompleteness',
        'recovered',
        'reliablyImproved',
        'reliablyRecovered',
      ].sort(),
    );
  });

  it('counts never exceed denominators, and nested denominators shrink', () => {
    const point = fc.record({
      phq9: fc.option(fc.integer({ min: 0, max: 27 }), { nil: null }),
      gad7: fc.option(fc.integer({ min: 0, max: 21 }), { nil: null }),
    });
    const outcome = fc
      .tuple(fc.integer({ min: 0, max: 10 }), fc.array(point, { maxLength: 5 }))
      .map(([sessions, points]) => ep(sessions, ...points));
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 30 }), (outcomes) => {
        const s = practiceOutcomeSummary(outcomes);
        for (const r of [
          s.pairedDataCompleteness,
          s.recovered,
          s.reliablyImproved,
          s.reliablyRecovered,
          s.deteriorated,
        ]) {
          expect(r.count).toBeLessThanOrEqual(r.denominator);
        }
        expect(s.finishedCourse).toBeLessThanOrEqual(s.episodes);
        expect(s.pairedDataCompleteness.denominator).toBe(s.finishedCourse);
        expect(s.casesAtStart).toBeLessThanOrEqual(s.pairedDataCompleteness.count);
        expect(s.reliablyRecovered.count).toBeLessThanOrEqual(s.recovered.count);
        expect(s.reliablyImproved.count + s.deteriorated.count).toBeLessThanOrEqual(s.reliablyImproved.denominator);
      }),
    );
  });
});
