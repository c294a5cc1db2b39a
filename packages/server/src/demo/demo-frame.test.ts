import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { scopedQuery, sessionCookie } from '../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../test-support/test-app.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoPractice, type SeededDemo } from './demo-practice.js';
import { seedDemoFrame } from './demo-frame.js';

/** The demo practice's therapy frame: each kind of episode, break, cancellation and charge is there. */
let t: TestApp;
let demo: SeededDemo;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  demo = await seedDemoPractice(t.ctx, { slug: `northside-demo-${crypto.randomBytes(3).toString('hex')}` });
  // seedDemoPractice seeds the frame itself once it calls seedDemoFrame; seeding again changes nothing.
  await t.ctx.access.run(systemActor(demo.practiceId), (tx) =>
    seedDemoFrame(tx, demo.userIds, { smtpConfigured: false, publicUrl: t.ctx.config.publicUrl }),
  );
});
afterAll(async () => t.close());

const q = <R extends Record<string, unknown>>(sql: string, values: unknown[] = []) =>
  scopedQuery<R>(t.ctx, demo.practiceId, sql, values);

async function cookieOf(key: string): Promise<string> {
  const person = DEMO_PEOPLE.find((p) => p.key === key);
  return sessionCookie(t.ctx, {
    practiceId: demo.practiceId,
    userId: demo.userIds[key] ?? '',
    email: person?.email ?? '',
    password: DEMO_PASSWORD,
    roles: person?.roles ?? [],
  });
}

describe('the demo frame', () => {
  it('has an episode of each kind: assessment, brief, open twice weekly, ending, ended', async () => {
    const episodes = await q<{
      client: string;
      status: string;
      kind: string | null;
      session_count: number | null;
      slots: unknown[];
      ending_date: string | null;
      summary: boolean;
      follow_up_date: string | null;
    }>(
      `SELECT u.email AS client, e.status, e.kind, e.session_count, e.slots, e.ending_date::text,
              e.closing_summary_enc IS NOT NULL AS summary, e.follow_up_date::text
         FROM episodes e JOIN users u ON u.id = e.client_id
        -- The frame's episodes; the earlier, ended courses of demo-results.ts began over a year ago.
        WHERE e.created_at > now() - interval '1 year' ORDER BY u.email`,
    );
    const of = (key: string) => episodes.find((e) => e.client.startsWith(`${key}@`));
    expect(episodes).toHaveLength(6);
    expect(of('jamie.walsh')).toMatchObject({ status: 'assessment', kind: null });
    expect(of('daniel.okoro')).toMatchObject({ status: 'active', kind: 'brief', session_count: 12 });
    expect(of('priya.nair')).toMatchObject({ status: 'active', kind: 'open' });
    expect(of('priya.nair')?.slots).toHaveLength(2);
    expect(of('sophie.turner')).toMatchObject({ status: 'ending', ending_date: expect.any(String) });
    expect(of('aled.morgan')).toMatchObject({ status: 'ended', summary: true, follow_up_date: expect.any(String) });
    expect(of('hannah.kowalski')).toMatchObject({ status: 'active', kind: 'open' });

    const assessment = await q<{ kind: string; status: string }>(
      `SELECT a.kind, a.status FROM appointments a JOIN users u ON u.id = a.client_id
        WHERE u.email LIKE 'jamie.walsh@%' ORDER BY a.starts_at`,
    );
    expect(assessment).toEqual([
      { kind: 'consultation', status: 'attended' },
      { kind: 'assessment', status: 'scheduled' },
    ]);

    // The brief episode offers exactly its twelve sessions, whatever was cancelled on the therapist's side.
    const [brief] = await q<{ offered: number }>(
      `SELECT count(*)::int AS offered FROM appointments a JOIN users u ON u.id = a.client_id
        WHERE u.email LIKE 'daniel.okoro@%' AND a.kind = 'session' AND a.status NOT IN ('cancelled_therapist', 'moved')
          AND a.starts_at > now() - interval '1 year'`,
    );
    expect(brief?.offered).toBe(12);
  });

  it('has a therapist’s break and a bank holiday that cancelled sessions, and no session inside a break', async () => {
    const breaks = await q<{ kind: string; cancelled: number }>(
      `SELECT b.kind, (SELECT count(*)::int FROM appointments a WHERE a.break_id = b.id) AS cancelled
         FROM breaks b ORDER BY b.kind`,
    );
    expect(breaks.map((b) => b.kind)).toEqual(['bank_holiday', 'therapist']);
    expect(breaks.every((b) => b.cancelled > 0)).toBe(true);
    const inside = await q(
      `SELECT 1 FROM appointments a JOIN breaks b ON left(a.local_start, 10) BETWEEN b.starts_on::text AND b.ends_on::text
          AND (b.therapist_id IS NULL OR b.therapist_id = a.therapist_id)
        WHERE a.status = 'scheduled'`,
    );
    expect(inside).toEqual([]);
    const mails = await q<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE kind = 'frame.break'`);
    expect(mails[0]?.n).toBeGreaterThan(0);
  });

  it('has cancellations of each kind, a pending move request, rooms and an online location', async () => {
    const cancellations = await q<{ status: string; late: boolean | null; cancel_reason: string | null }>(
      `SELECT DISTINCT status, late, cancel_reason FROM appointments
        WHERE status IN ('cancelled_client', 'did_not_attend', 'cancelled_therapist') ORDER BY 1, 2, 3`,
    );
    expect(cancellations).toEqual(
      expect.arrayContaining([
        { status: 'cancelled_client', late: false, cancel_reason: 'client' },
        { status: 'cancelled_client', late: true, cancel_reason: 'client' },
        { status: 'did_not_attend', late: null, cancel_reason: null },
        { status: 'cancelled_therapist', late: null, cancel_reason: 'therapist' },
        { status: 'cancelled_therapist', late: null, cancel_reason: 'break' },
      ]),
    );
    const requests = await q<{ status: string }>(`SELECT status FROM move_requests`);
    expect(requests).toEqual([{ status: 'pending' }]);
    const locations = await q<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM locations GROUP BY kind ORDER BY kind`,
    );
    expect(locations).toEqual([
      { kind: 'online', n: 1 },
      { kind: 'room', n: 2 },
    ]);
  });

  it('has charges in the ledger: fees, late cancellation, missed session, the hour is yours, a free miss, an adjustment', async () => {
    const kinds = await q<{ kind: string }>(`SELECT DISTINCT kind FROM ledger_entries ORDER BY kind`);
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining([
        'adjustment',
        'did_not_attend',
        'free_missed',
        'hour_is_yours',
        'late_cancellation',
        'session_fee',
      ]),
    );
    // The therapist sees the same through the ledger route.
    const ruth = await cookieOf('ruth.mensah');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/frame/clients/${demo.userIds['priya.nair']}/ledger`,
      headers: { cookie: ruth },
    });
    expect(res.statusCode).toBe(200);
    const ledger = res.json<{ entries: { kind: string; amountPence: number }[]; balancePence: number }>();
    expect(ledger.entries.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['session_fee', 'late_cancellation', 'did_not_attend']),
    );
    expect(ledger.balancePence).toBe(ledger.entries.reduce((sum, e) => sum + e.amountPence, 0));
  });

  it('gives a demo client a calendar feed with their sessions, the cancelled ones marked', async () => {
    const priya = await cookieOf('priya.nair');
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/frame/feeds',
      headers: { cookie: priya, ...CSRF },
      payload: {},
    });
    expect(made.statusCode).toBe(201);
    const feed = await t.app.inject({ method: 'GET', url: new URL(made.json<{ url: string }>().url).pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('SUMMARY:Session with Dr Ruth Mensah');
    expect(feed.body).toContain('STATUS:CANCELLED');
  });

  it('is seeded once: seeding again changes nothing', async () => {
    const before = await q(
      `SELECT (SELECT count(*) FROM appointments) AS a, (SELECT count(*) FROM ledger_entries) AS l`,
    );
    const summary = await t.ctx.access.run(systemActor(demo.practiceId), (tx) =>
      seedDemoFrame(tx, demo.userIds, { smtpConfigured: false, publicUrl: t.ctx.config.publicUrl }),
    );
    const after = await q(
      `SELECT (SELECT count(*) FROM appointments) AS a, (SELECT count(*) FROM ledger_entries) AS l`,
    );
    expect(after).toEqual(before);
    // The frame's six and the two earlier courses of demo-results.ts.
    expect(summary.episodes).toBe(8);
  });
});
