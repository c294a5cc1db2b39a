import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { scopedQuery, sessionCookie } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoPractice, type SeededDemo } from './demo-practice.js';
import { seedDemoJournal } from './demo-journal.js';

/** The demo journals: every kind of entry, a recurring dream, shares (read, unread, to bring, withdrawn), tags, a note not ready yet. */
let t: TestApp;
let demo: SeededDemo;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  demo = await seedDemoPractice(t.ctx, { slug: `northside-demo-${crypto.randomBytes(3).toString('hex')}` });
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

describe('the demo journals', () => {
  it("Priya's journal spans months with every kind, a recurring dream, session reflections, tags and a note", async () => {
    const priya = demo.userIds['priya.nair'];
    const entries = await q<{
      id: string;
      kind: string;
      created_at: Date;
      recurs_ids: string[];
      appointment_id: string | null;
      seconds_spent: number;
      details_enc: string | null;
      body_enc: string;
    }>(
      `SELECT id, kind, created_at, recurs_ids, appointment_id, seconds_spent, details_enc, body_enc
         FROM journal_entries WHERE client_id = $1 ORDER BY created_at`,
      [priya],
    );
    expect(new Set(entries.map((e) => e.kind))).toEqual(
      new Set(['free_association', 'dream', 'reflection', 'check_in']),
    );
    const spanDays =
      ((entries.at(-1)?.created_at.getTime() ?? 0) - (entries[0]?.created_at.getTime() ?? 0)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(60);
    expect(entries.every((e) => e.created_at.getTime() <= Date.now())).toBe(true);
    expect(entries.every((e) => e.body_enc.startsWith('uc1.clinical.'))).toBe(true);
    const dreams = entries.filter((e) => e.kind === 'dream');
    expect(dreams.every((d) => d.details_enc?.startsWith('uc1.clinical.'))).toBe(true);
    expect(dreams.some((d) => d.recurs_ids.length === 2)).toBe(true);
    expect(entries.filter((e) => e.kind === 'free_association').every((e) => e.seconds_spent > 0)).toBe(true);
    const reflections = entries.filter((e) => e.kind === 'reflection');
    expect(reflections.length).toBeGreaterThan(2);
    expect(reflections.every((r) => r.appointment_id)).toBe(true);

    const tags = await q('SELECT id FROM journal_tags WHERE client_id = $1', [priya]);
    expect(tags).toHaveLength(2);
    const notes = await t.app.inject({
      method: 'GET',
      url: '/api/journal/not-ready',
      headers: { cookie: await cookieOf('priya.nair') },
    });
    expect(notes.json().items).toHaveLength(1);
  });

  it("Dr Mensah's list for Priya has one dream to bring, read and unread shares, and one withdrawn without content", async () => {
    const cookie = await cookieOf('ruth.mensah');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/journal/clients/${demo.userIds['priya.nair']}/shared`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.lastSession).not.toBeNull();
    const toBring = list.items.filter((i: { toBring: boolean }) => i.toBring);
    expect(toBring).toHaveLength(1);
    expect(toBring[0]).toMatchObject({ kind: 'dream', sinceLastSession: true, readAt: null });
    expect(toBring[0].excerpt).toMatch(/^The sea house\./);
    const withdrawn = list.items.filter((i: { withdrawnAt: string | null }) => i.withdrawnAt);
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0].excerpt).toBeNull();
    expect(list.items.some((i: { readAt: string | null }) => i.readAt)).toBe(true);
    expect(res.body).not.toContain('coconut oil');

    const read = await t.app.inject({
      method: 'GET',
      url: `/api/journal/clients/${demo.userIds['priya.nair']}/shared/${toBring[0].shareId}`,
      headers: { cookie },
    });
    expect(read.json().entry.details.associations).toMatch(/Folding saris/);
    expect(read.json().entry.recursIds).toHaveLength(2);

    const summary = await t.app.inject({ method: 'GET', url: '/api/journal/shared-summary', headers: { cookie } });
    const priya = summary.json().clients.find((c: { clientId: string }) => c.clientId === demo.userIds['priya.nair']);
    expect(priya).toMatchObject({ toBring: 1 });
  });

  it("Dr Mensah's patterns tab for Priya covers a year, with the father then ↔ boss now echo and a dozen dreams", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/patterns/clients/${demo.userIds['priya.nair']}`,
      headers: { cookie: await cookieOf('ruth.mensah') },
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    const span = (Date.parse(view.summary.lastDate) - Date.parse(view.summary.firstDate)) / 86_400_000;
    expect(span).toBeGreaterThan(330);
    expect(view.summary.echoes.map((e: { id: string }) => e.id)).toContain('father~boss');
    expect(view.summary.themes.length).toBeGreaterThan(0);
    expect(view.dreams.count).toBeGreaterThanOrEqual(12);
    expect(view.dreams.profile.proportions.length).toBeGreaterThan(0);
    // One dream's codes corrected by Dr Mensah, and the h-profile says so.
    expect(view.dreams.corrected).toBe(1);
    expect(view.dreams.how).toContain(`1 of ${view.dreams.count} dreams corrected by the therapist`);
  });

  it('Sophie and Daniel write too; seeding again changes nothing', async () => {
    const counts = await q<{ email: string; n: number }>(
      `SELECT u.email, count(*)::int AS n FROM journal_entries e JOIN users u ON u.id = e.client_id GROUP BY u.email ORDER BY 1`,
    );
    expect(counts.map((c) => c.email.split('@')[0])).toEqual(['daniel.okoro', 'priya.nair', 'sophie.turner']);
    const before = await q('SELECT id, updated_at FROM journal_entries ORDER BY id');
    const again = await t.ctx.access.run(systemActor(demo.practiceId), (tx) => seedDemoJournal(tx, demo.userIds));
    expect(again.entries).toBe(before.length);
    expect(await q('SELECT id, updated_at FROM journal_entries ORDER BY id')).toEqual(before);
  });
});
