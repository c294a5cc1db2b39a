import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricReliableDeterioration, type MeasureChange } from './reliable-deterioration.js';
import {
  firstAndLastPaired,
  isTalkingTherapiesCase,
  TALKING_THERAPIES_DEFAULTS,
  talkingTherapiesOutcome,
  talkingTherapiesParameters,
  type TalkingTherapiesTimePoint,
} from './talking-therapies.js';

const episode = (first: TalkingTherapiesTimePoint, last: TalkingTherapiesTimePoint, sessions = 6) => ({
  measurements: [first, last],
  treatmentSessionsAttended: sessions,
});

describe('NHS Talking Therapies episode outcomes — first/last pairs', () => {
  // [label, first PHQ-9, first GAD-7, last PHQ-9, last GAD-7, caseness first, caseness last, recovery,
  //  reliable improvement, reliable deterioration, reliable recovery]
  it.each([
    ['reliable recovery on both', 18, 14, 6, 5, true, false, true, true, false, true],
    ['recovery without reliable improvement', 11, 9, 7, 6, true, false, true, false, false, false],
    ['reliable improvement, still a case', 22, 15, 14, 9, true, true, false, true, false, false],
    ['no reliable change, still a case', 15, 10, 12, 9, true, true, false, false, false, false],
    ['reliable deterioration on PHQ-9', 12, 6, 18, 6, true, true, false, false, true, false],
    ['reliable deterioration on GAD-7 alone', 8, 4, 8, 8, false, true, null, false, true, null],
    ['PHQ-9 better, GAD-7 reliably worse', 20, 3, 9, 7, true, false, true, false, true, false],
    ['not a case at start: recovery not reported', 7, 6, 1, 2, false, false, null, true, false, null],
    ['exactly at cut-off at start (PHQ-9 10) is a case', 10, 7, 4, 3, true, false, true, true, false, true],
    ['exactly at cut-off at start (GAD-7 8) is a case', 9, 8, 9, 4, true, false, true, true, false, true],
    ['exactly at cut-off at the end is still a case', 16, 5, 10, 5, true, true, false, true, false, false],
    ['GAD-7 exactly at cut-off at the end', 16, 12, 9, 8, true, true, false, true, false, false],
    ['falls by exactly the reliable-change value (PHQ-9 6)', 15, 7, 9, 7, true, false, true, true, false, true],
    ['falls by one less (PHQ-9 5)', 15, 7, 10, 7, true, true, false, false, false, false],
    ['GAD-7 falls by exactly 4', 9, 12, 9, 8, true, true, false, true, false, false],
    ['rises by exactly the reliable-change value (GAD-7 4)', 5, 3, 5, 7, false, false, null, false, true, null],
    ['GAD-7 rises by 3: not reliable', 5, 3, 5, 6, false, false, null, false, false, null],
  ] as const)('%s', (_label, p1, g1, p2, g2, case1, case2, recovery, improvement, deterioration, reliableRecovery) => {
    const o = talkingTherapiesOutcome(episode({ phq9: p1, gad7: g1 }, { phq9: p2, gad7: g2 }));
    expect(o).toMatchObject({
      finishedCourse: true,
      paired: true,
      casenessFirst: case1,
      casenessLast: case2,
      recovery,
      reliableImprovement: improvement,
      reliableDeterioration: deterioration,
      reliableRecovery,
    });
  });

  it('reports the first and last paired scores and the per-measure changes', () => {
    const o = talkingTherapiesOutcome(episode({ phq9: 18, gad7: 14 }, { phq9: 6, gad7: 12 }));
    expect(o.first).toEqual({ index: 0, scores: { phq9: 18, gad7: 14 } });
    expect(o.last).toEqual({ index: 1, scores: { phq9: 6, gad7: 12 } });
    expect(o.changes).toEqual([
      { measure: 'phq9', first: 18, last: 6, change: -12, reliablyImproved: true, reliablyWorsened: false },
      { measure: 'gad7', first: 14, last: 12, change: -2, reliablyImproved: false, reliablyWorsened: false },
    ]);
  });
});

describe('finished course and pairing', () => {
  it('one treatment session is not a finished course; two is', () => {
    const pair = [
      { phq9: 18, gad7: 12 },
      { phq9: 6, gad7: 4 },
    ];
    expect(talkingTherapiesOutcome({ measurements: pair, treatmentSessionsAttended: 1 }).finishedCourse).toBe(false);
    expect(talkingTherapiesOutcome({ measurements: pair, treatmentSessionsAttended: 2 }).finishedCourse).toBe(true);
    expect(talkingTherapiesOutcome({ measurements: pair, treatmentSessionsAttended: 0 }).finishedCourse).toBe(false);
  });

  it('one session with one measurement: not finished, not paired, nothing reported', () => {
    const o = talkingTherapiesOutcome({ measurements: [{ phq9: 18, gad7: 12 }], treatmentSessionsAttended: 1 });
    expect(o).toEqual({
      finishedCourse: false,
      paired: false,
      first: null,
      last: null,
      casenessFirst: null,
      casenessLast: null,
      changes: [],
      recovery: null,
      reliableImprovement: null,
      reliableDeterioration: null,
      reliableRecovery: null,
    });
  });

  it('no measurements at all: not paired', () => {
    expect(talkingTherapiesOutcome({ measurements: [], treatmentSessionsAttended: 4 }).paired).toBe(false);
  });

  it('a missing last measurement falls back to the latest complete time point', () => {
    const o = talkingTherapiesOutcome({
      measurements: [
        { phq9: 18, gad7: 12 },
        { phq9: 9, gad7: 7 },
        { phq9: null, gad7: null },
      ],
      treatmentSessionsAttended: 3,
    });
    expect(o.last?.index).toBe(1);
    expect(o).toMatchObject({ paired: true, recovery: true, reliableRecovery: true });
  });

  it('a last time point with only one measure is skipped; the previous complete one is used', () => {
    const o = talkingTherapiesOutcome({
      measurements: [{ phq9: 18, gad7: 12 }, { phq9: 11, gad7: 9 }, { phq9: 4 }],
      treatmentSessionsAttended: 3,
    });
    expect(o.last?.index).toBe(1);
    expect(o).toMatchObject({ recovery: false, reliableImprovement: true });
  });

  it('only one measure ever recorded: not paired with the default measures', () => {
    const o = talkingTherapiesOutcome({ measurements: [{ phq9: 18 }, { phq9: 4 }], treatmentSessionsAttended: 5 });
    expect(o).toMatchObject({ finishedCourse: true, paired: false, recovery: null });
  });

  it('only one measure, when the practice configures PHQ-9 alone', () => {
    const o = talkingTherapiesOutcome(
      { measurements: [{ phq9: 18 }, { phq9: 4, gad7: null }], treatmentSessionsAttended: 5 },
      { measures: [TALKING_THERAPIES_DEFAULTS.measures[0]!] },
    );
    expect(o).toMatchObject({ paired: true, recovery: true, reliableImprovement: true, reliableRecovery: true });
    expect(o.changes.map((c) => c.measure)).toEqual(['phq9']);
  });

  it('a missing first measurement starts from the first complete time point', () => {
    const o = talkingTherapiesOutcome({
      measurements: [{ gad7: 15 }, { phq9: 14, gad7: 11 }, { phq9: 12, gad7: 10 }, { phq9: 5, gad7: 3 }],
      treatmentSessionsAttended: 4,
    });
    expect(o.first?.index).toBe(1);
    expect(o.last?.index).toBe(3);
    expect(o.reliableRecovery).toBe(true);
  });

  it('firstAndLastPaired needs two complete time points', () => {
    expect(firstAndLastPaired([{ phq9: 1, gad7: 1 }])).toBeNull();
    expect(firstAndLastPaired([{ phq9: 1, gad7: 1 }, { gad7: 2 }])).toBeNull();
    expect(firstAndLastPaired([{ phq9: 1, gad7: 1 }, {}, { phq9: 3, gad7: 0 }])).toMatchObject({
      first: { index: 0 },
      last: { index: 2 },
    });
  });
});

describe('parameters', () => {
  it('has the reference defaults', () => {
    expect(TALKING_THERAPIES_DEFAULTS.minimumTreatmentSessions).toBe(2);
    expect(TALKING_THERAPIES_DEFAULTS.measures).toEqual([
      { id: 'phq9', casenessCutoff: 10, reliableChange: 6 },
      { id: 'gad7', casenessCutoff: 8, reliableChange: 4 },
    ]);
    expect(TALKING_THERAPIES_DEFAULTS.reliableDeterioration).toBe(symmetricReliableDeterioration);
    expect(talkingTherapiesParameters()).toEqual(TALKING_THERAPIES_DEFAULTS);
  });

  it('takes other thresholds', () => {
    const params = {
      measures: [
        { id: 'phq9', casenessCutoff: 12, reliableChange: 5 },
        { id: 'gad7', casenessCutoff: 10, reliableChange: 4 },
      ],
      minimumTreatmentSessions: 3,
    };
    const o = talkingTherapiesOutcome(episode({ phq9: 11, gad7: 9 }, { phq9: 6, gad7: 9 }, 2), params);
    expect(o).toMatchObject({ finishedCourse: false, casenessFirst: false, recovery: null, reliableImprovement: true });
  });

  it('takes a replacement deterioration rule', () => {
    // e.g. a rule where a reliable rise only counts when no measure improved reliably.
    const strict = (changes: readonly MeasureChange[]) =>
      changes.some((c) => c.reliablyWorsened) && !changes.some((c) => c.reliablyImproved);
    const e = episode({ phq9: 20, gad7: 3 }, { phq9: 9, gad7: 7 });
    expect(talkingTherapiesOutcome(e).reliableDeterioration).toBe(true);
    expect(talkingTherapiesOutcome(e, { reliableDeterioration: strict }).reliableDeterioration).toBe(false);
  });

  it('rejects unusable parameters and input', () => {
    expect(() => talkingTherapiesParameters({ measures: [] })).toThrow(/measure/);
    expect(() =>
      talkingTherapiesParameters({ measures: [{ id: 'phq9', casenessCutoff: Number.NaN, reliableChange: 6 }] }),
    ).toThrow(/phq9.casenessCutoff/);
    expect(() =>
      talkingTherapiesParameters({ measures: [{ id: 'gad7', casenessCutoff: 8, reliableChange: 0 }] }),
    ).toThrow(/gad7.reliableChange/);
    expect(() => talkingTherapiesParameters({ minimumTreatmentSessions: 1.5 })).toThrow(/minimumTreatmentSessions/);
    expect(() => talkingTherapiesParameters({ minimumTreatmentSessions: -1 })).toThrow(/minimumTreatmentSessions/);
    expect(() => talkingTherapiesOutcome({ measurements: [], treatmentSessionsAttended: -1 })).toThrow(/sessions/i);
    expect(() => talkingTherapiesOutcome({ measurements: [], treatmentSessionsAttended: 2.5 })).toThrow(/sessions/i);
    expect(() =>
      talkingTherapiesOutcome({ measurements: [{ phq9: Number.NaN, gad7: 1 }], treatmentSessionsAttended: 2 }),
    ).toThrow(/measurements\[0\]\.phq9/);
  });
});

describe('isTalkingTherapiesCase', () => {
  it('is a case on either measure, at or above the cut-off', () => {
    expect(isTalkingTherapiesCase({ phq9: 10, gad7: 0 })).toBe(true);
    expect(isTalkingTherapiesCase({ phq9: 0, gad7: 8 })).toBe(true);
    expect(isTalkingTherapiesCase({ phq9: 9, gad7: 7 })).toBe(false);
  });

  it('a measure that is absent does not make a case', () => {
    expect(isTalkingTherapiesCase({ phq9: 9 })).toBe(false);
    expect(isTalkingTherapiesCase({ gad7: 8 })).toBe(true);
  });
});

describe('properties', () => {
  const point = fc.record({
    phq9: fc.option(fc.integer({ min: 0, max: 27 }), { nil: undefined }),
    gad7: fc.option(fc.integer({ min: 0, max: 21 }), { nil: undefined }),
  });
  const anyEpisode = fc.record({
    measurements: fc.array(point, { maxLength: 8 }),
    treatmentSessionsAttended: fc.integer({ min: 0, max: 20 }),
  });

  it('reliable improvement and reliable deterioration are never both true', () => {
    fc.assert(
      fc.property(anyEpisode, (e) => {
        const o = talkingTherapiesOutcome(e);
        expect(o.reliableImprovement === true && o.reliableDeterioration === true).toBe(false);
      }),
    );
  });

  it('recovery is reported only for cases at the start; reliable recovery implies recovery and reliable improvement', () => {
    fc.assert(
      fc.property(anyEpisode, (e) => {
        const o = talkingTherapiesOutcome(e);
        expect(o.recovery !== null).toBe(o.casenessFirst === true);
        if (o.recovery === true) expect(o.casenessLast).toBe(false);
        if (o.reliableRecovery === true) expect(o.recovery && o.reliableImprovement).toBe(true);
        expect(o.reliableRecovery === null).toBe(o.recovery === null);
      }),
    );
  });

  it('not paired means nothing is reported; finished course depends only on sessions', () => {
    fc.assert(
      fc.property(anyEpisode, (e) => {
        const o = talkingTherapiesOutcome(e);
        expect(o.finishedCourse).toBe(e.treatmentSessionsAttended >= 2);
        if (!o.paired)
          expect([o.casenessFirst, o.reliableImprovement, o.reliableDeterioration]).toEqual([null, null, null]);
        else expect((o.first?.index ?? Infinity) < (o.last?.index ?? -Infinity)).toBe(true);
      }),
    );
  });
});
