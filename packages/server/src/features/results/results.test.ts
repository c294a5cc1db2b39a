import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, createPracticeFixture } from '../../test-support/fixtures.js';
import { carePair } from '../../test-support/frame-fixtures.js';
import {
  clientWithScores,
  daysAgo,
  enter,
  episodeWithSessions,
  practiceWithAdmin,
} from '../../test-support/results-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { EpisodeSummaryT, OutcomeReportT, SeriesListT } from './results-schemas.js';

/**
 * Results through the routes: the charts' data (bands, cut-off, reliable-change markers), sharing
 * with the client, each episode's NHS Talking Therapies category, and the practice outcome report
 * against figures worked out by hand.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const put = (url: string, cookie: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers: { cookie, ...CSRF }, payload });

describe('a client’s charts', () => {
  it('gives each instrument its points with band, the definition’s bands and cut-off, and reliable-change markers against the first point', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const pair = await carePair(t, practiceId);
    await episodeWithSessions(t, practiceId, pair, 70, 3);
    // PHQ-9 reliable change is 6 points: 18 → 14 (−4, none), 11 (−7, improved), 24 (+6, deteriorated).
    for (const [total, ago] of [
      [18, 60],
      [14, 46],
      [11, 32],
      [24, 18],
    ] as const) {
      await enter(t, pair, 'phq-9', total, daysAgo(ago));
    }
    await enter(t, pair, 'gad-7', 15, daysAgo(60));
    await enter(t, pair, 'gad-7', 11, daysAgo(46));
    const res = await get(`/api/results/clients/${pair.client.userId}/series`, pair.therapistCookie);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<SeriesListT>();
    const phq9 = body.series.find((s) => s.instrumentId === 'phq-9');
    expect(phq9?.bands.map((b) => `${b.min}-${b.max} ${b.label}`)).toEqual([
      '0-4 Minimal',
      '5-9 Mild',
      '10-14 Moderate',
      '15-19 Moderately severe',
      '20-27 Severe',
    ]);
    expect(phq9?.cutoff?.score).toBe(10);
    expect(phq9?.reliableChangePoints).toBe(6);
    expect(phq9?.range).toEqual({ min: 0, max: 27 });
    expect(phq9?.shared).toBe(false);
    expect(phq9?.points.map((p) => [p.completedOn, p.total, p.band, p.changeFromFirst, p.reliableChange])).toEqual([
      [daysAgo(60), 18, 'Moderately severe', 0, 'first'],
      [daysAgo(46), 14, 'Moderate', -4, 'none'],
      [daysAgo(32), 11, 'Moderate', -7, 'improved'],
      [daysAgo(18), 24, 'Severe', 6, 'deteriorated'],
    ]);
    // GAD-7 reliable change is 4 points: 15 → 11 is exactly 4, reliable.
    const gad7 = body.series.find((s) => s.instrumentId === 'gad-7');
    expect(gad7?.points.map((p) => [p.total, p.band, p.reliableChange])).toEqual([
      [15, 'Severe', 'first'],
      [11, 'Moderate', 'improved'],
    ]);
    expect(gad7?.cutoff?.score).toBe(8);
    expect(body.sessionDates).toHaveLength(3);
    const events = await auditEventsOf(t.ctx, practiceId);
    expect(events.some((e) => e.action === 'results.series_viewed' && e.subject_id === pair.client.userId)).toBe(true);
  });
});

describe('sharing a chart with the client', () => {
  it('shows the client only the instruments their therapist shares, and stops when it is unshared', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const pair = await carePair(t, practiceId);
    await enter(t, pair, 'phq-9', 16, daysAgo(20));
    await enter(t, pair, 'phq-9', 9, daysAgo(6));
    await enter(t, pair, 'gad-7', 12, daysAgo(20));
    const mine = async () => {
      const res = await get('/api/results/mine', pair.clientCookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<SeriesListT>().series.map((s) => [s.instrumentId, s.points.map((p) => p.total)]);
    };
    expect(await mine()).toEqual([]);
    const url = (id: string) => `/api/results/clients/${pair.client.userId}/shares/${id}`;
    const shared = await put(url('phq-9'), pair.therapistCookie, { shared: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(await mine()).toEqual([['phq-9', [16, 9]]]);
    // Row-level security agrees: as the client, the database shows their PHQ-9 rows and no GAD-7.
    const asClient = await t.ctx.access.run(
      { practiceId, userId: pair.client.userId, roles: ['client'] },
      async (tx) => (await tx.query<{ instrument_id: string }>('SELECT instrument_id FROM measure_responses')).rows,
    );
    expect(asClient.map((r) => r.instrument_id).sort()).toEqual(['phq-9', 'phq-9']);
    const series = await get(`/api/results/clients/${pair.client.userId}/series`, pair.therapistCookie);
    expect(series.json<SeriesListT>().series.map((s) => [s.instrumentId, s.shared])).toEqual([
      ['phq-9', true],
      ['gad-7', false],
    ]);
    expect((await put(url('phq-9'), pair.therapistCookie, { shared: false })).statusCode).toBe(200);
    expect(await mine()).toEqual([]);
    const never = await put(url('pcl-5'), pair.therapistCookie, { shared: true });
    expect(never.statusCode).toBe(404);
    expect(never.json<{ message: string }>().message).toMatch(/no results of that questionnaire/);
    const bad = await put(url('phq-9'), pair.therapistCookie, { shared: 'yes' });
    expect(bad.statusCode).toBe(400);
    const events = await auditEventsOf(t.ctx, practiceId);
    expect(events.filter((e) => e.action === 'results.share_changed').map((e) => [e.outcome, e.details])).toEqual([
      ['success', { instrument: 'phq-9', shared: true }],
      ['success', { instrument: 'phq-9', shared: false }],
      ['failure', { instrument: 'pcl-5', shared: true, reason: 'not_answered' }],
    ]);
  });
});

describe('episode outcomes (NHS Talking Therapies), first vs last paired PHQ-9 and GAD-7', () => {
  const cases: [string, { phq9: number | null; gad7: number | null }[], number, Partial<EpisodeSummaryT>][] = [
    [
      'reliable recovery',
      [
        { phq9: 18, gad7: 15 },
        { phq9: 12, gad7: 10 },
        { phq9: 7, gad7: 5 },
      ],
      4,
      { category: 'reliable-recovery', recovery: true, reliableImprovement: true, reliableRecovery: true },
    ],
    [
      'recovery without reliable improvement',
      [
        { phq9: 12, gad7: 9 },
        { phq9: 9, gad7: 6 },
      ],
      4,
      { category: 'recovery', recovery: true, reliableImprovement: false, reliableRecovery: false },
    ],
    [
      'reliable improvement, still a case',
      [
        { phq9: 22, gad7: 12 },
        { phq9: 15, gad7: 10 },
      ],
      4,
      { category: 'reliable-improvement', recovery: false, reliableImprovement: true, casenessLast: true },
    ],
    [
      'reliable deterioration',
      [
        { phq9: 8, gad7: 6 },
        { phq9: 16, gad7: 12 },
      ],
      4,
      { category: 'reliable-deterioration', recovery: null, reliableDeterioration: true, casenessFirst: false },
    ],
    [
      'no reliable change',
      [
        { phq9: 14, gad7: 9 },
        { phq9: 12, gad7: 8 },
      ],
      4,
      { category: 'no-reliable-change', recovery: false, reliableImprovement: false, reliableDeterioration: false },
    ],
    [
      'incomplete pairs',
      [
        { phq9: 15, gad7: null },
        { phq9: 10, gad7: 7 },
      ],
      4,
      { category: 'not-paired', paired: false, recovery: null },
    ],
    [
      'one treatment session: not a finished course',
      [
        { phq9: 16, gad7: 12 },
        { phq9: 5, gad7: 3 },
      ],
      1,
      { category: 'not-finished', finishedCourse: false, treatmentSessionsAttended: 1 },
    ],
  ];
  it.each(cases)('%s', async (_name, scores, sessions, expected) => {
    const practiceId = await createPracticeFixture(t.ctx);
    const pair = await clientWithScores(t, practiceId, scores, { sessions, endedDaysAgo: null });
    const res = await get(`/api/results/clients/${pair.client.userId}/episodes`, pair.therapistCookie);
    expect(res.statusCode, res.body).toBe(200);
    const [summary] = res.json<{ episodes: EpisodeSummaryT[] }>().episodes;
    expect(summary).toMatchObject({ episodeId: pair.episodeId, treatmentSessionsAttended: sessions, ...expected });
    if (summary?.paired) {
      expect(summary.firstPairedOn).toBe(daysAgo(60));
      expect(summary.changes.map((c) => [c.measure, c.first, c.last])).toEqual([
        ['phq9', scores[0]?.phq9, scores[scores.length - 1]?.phq9],
        ['gad7', scores[0]?.gad7, scores[scores.length - 1]?.gad7],
      ]);
    }
  });
});

describe('the practice outcome report', () => {
  it('counts the episodes that ended in the range, with the figures worked out by hand', async () => {
    const w = await practiceWithAdmin(t);
    const add = (scores: { phq9: number | null; gad7: number | null }[], o: Parameters<typeof clientWithScores>[3]) =>
      clientWithScores(t, w.practiceId, scores, { therapist: w.therapist, ...o });
    // A: case → not a case, both fell reliably: recovered, reliably improved, reliably recovered.
    await add(
      [
        { phq9: 18, gad7: 15 },
        { phq9: 7, gad7: 5 },
      ],
      {},
    );
    // B: not a case at the start, PHQ-9 +8: reliably deteriorated.
    await add(
      [
        { phq9: 8, gad7: 6 },
        { phq9: 16, gad7: 12 },
      ],
      {},
    );
    // C: a case at both ends, small changes: nothing.
    await add(
      [
        { phq9: 14, gad7: 9 },
        { phq9: 12, gad7: 7 },
      ],
      {},
    );
    // D: case → not a case by 3 points each: recovered, not reliably.
    await add(
      [
        { phq9: 12, gad7: 9 },
        { phq9: 9, gad7: 6 },
      ],
      {},
    );
    // E: finished, but only one time point has both measures: not paired.
    await add(
      [
        { phq9: 15, gad7: null },
        { phq9: 10, gad7: 7 },
      ],
      {},
    );
    // F: one treatment session: not a finished course.
    await add(
      [
        { phq9: 16, gad7: 12 },
        { phq9: 5, gad7: 3 },
      ],
      { sessions: 1 },
    );
    // G: still in therapy: not in the report.
    await add(
      [
        { phq9: 16, gad7: 12 },
        { phq9: 5, gad7: 3 },
      ],
      { endedDaysAgo: null },
    );
    // H: ended over a year ago: recovered reliably; only in the report without a range.
    await add(
      [
        { phq9: 20, gad7: 14 },
        { phq9: 4, gad7: 3 },
      ],
      { startedDaysAgo: 500, endedDaysAgo: 400 },
    );

    const ranged = await get(`/api/results/report?from=${daysAgo(30)}&to=${daysAgo(0)}`, w.adminCookie);
    expect(ranged.statusCode, ranged.body).toBe(200);
    const rate = (count: number, denominator: number) => ({
      count,
      denominator,
      percentage: (100 * count) / denominator,
    });
    expect(ranged.json<OutcomeReportT>()).toEqual({
      from: daysAgo(30),
      to: daysAgo(0),
      episodes: 6,
      finishedCourse: 5,
      casesAtStart: 3,
      pairedDataCompleteness: rate(4, 5),
      recovered: rate(2, 3),
      reliablyImproved: rate(1, 4),
      reliablyRecovered: rate(1, 3),
      deteriorated: rate(1, 4),
    });
    const all = (await get('/api/results/report', w.adminCookie)).json<OutcomeReportT>();
    expect(all).toMatchObject({
      from: null,
      to: null,
      episodes: 7,
      finishedCourse: 6,
      casesAtStart: 4,
      pairedDataCompleteness: rate(5, 6),
      recovered: rate(3, 4),
      reliablyImproved: rate(2, 5),
      reliablyRecovered: rate(2, 4),
      deteriorated: rate(1, 5),
    });

    const csv = await get(`/api/results/report.csv?from=${daysAgo(30)}&to=${daysAgo(0)}`, w.adminCookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="outcomes-/);
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('measure,count,denominator,percentage,from,to');
    expect(lines).toContain(
      `Paired data completeness (finished courses with first and last PHQ-9 and GAD-7),4,5,80.0,${daysAgo(30)},${daysAgo(0)}`,
    );
    expect(lines).toContain(`Recovered (of cases at the start),2,3,66.7,${daysAgo(30)},${daysAgo(0)}`);
    expect(lines).toContain(`Reliably deteriorated (of paired finished courses),1,4,25.0,${daysAgo(30)},${daysAgo(0)}`);
    expect(lines[lines.length - 1]).toBe('');

    const backwards = await get(`/api/results/report?from=${daysAgo(0)}&to=${daysAgo(30)}`, w.adminCookie);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ message: string }>().message).toMatch(/“from” date is after the “to” date/);
    expect((await get('/api/results/report?from=2027-02-30', w.adminCookie)).statusCode).toBe(400);

    const actions = (await auditEventsOf(t.ctx, w.practiceId)).map((e) => [e.action, e.actor_role]);
    expect(actions).toContainEqual(['results.report_viewed', 'admin']);
    expect(actions).toContainEqual(['results.report_exported', 'admin']);
    expect(actions).toContainEqual(['results.report_computed', 'system']);
  });

  it('reports no percentages when nothing has ended', async () => {
    const w = await practiceWithAdmin(t);
    const res = await get('/api/results/report', w.adminCookie);
    expect(res.json<OutcomeReportT>()).toMatchObject({
      episodes: 0,
      recovered: { count: 0, denominator: 0, percentage: null },
    });
    const csv = await get('/api/results/report.csv', w.adminCookie);
    expect(csv.body.split('\r\n')).toContain('Recovered (of cases at the start),0,0,,,');
  });
});
