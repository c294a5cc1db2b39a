import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, practiceWithEveryRole } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface Entry {
  id: number;
  action: string;
  outcome: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  subjectName: string | null;
  subjectType: string | null;
  details: Record<string, unknown>;
}

async function browse(cookie: string, query = '') {
  return t.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: { cookie } });
}

describe('GET /api/audit', () => {
  it('shows the practice’s events newest first with actor and subject names, and records the browsing', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: p.cookies.admin, ...CSRF },
      payload: { email: 'mira@example.org', displayName: 'Mira Shah', role: 'client' },
    });
    await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: p.cookies.client } }); // denied
    await t.app.inject({
      method: 'PATCH',
      url: `/api/people/${p.people.client.userId}`,
      headers: { cookie: p.cookies.admin, ...CSRF },
      payload: { status: 'disabled' },
    });

    const res = await browse(p.cookies.admin);
    expect(res.statusCode).toBe(200);
    const { events, nextBefore } = res.json() as { events: Entry[]; nextBefore: string | null };
    expect(nextBefore).toBeNull();
    const ids = events.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(events.find((e) => e.action === 'account.disabled')).toMatchObject({
      actorId: p.people.admin.userId,
      actorName: 'Test admin',
      actorRole: 'admin',
      subjectName: 'Test client',
      outcome: 'success',
    });
    expect(events.find((e) => e.action === 'invitation.created')).toMatchObject({
      subjectType: 'invitation',
      subjectName: 'Mira Shah',
    });
    expect(events.find((e) => e.action === 'practice.created')).toMatchObject({
      actorId: null,
      actorName: null,
      actorRole: 'system',
    });
    expect(events.find((e) => e.action === 'access.denied')).toMatchObject({
      outcome: 'denied',
      actorId: p.people.client.userId,
      actorName: 'Test client',
      details: { route: '/api/outbox', method: 'GET' },
    });
    const recorded = await auditEventsOf(t.ctx, p.practiceId);
    expect(recorded.at(-1)).toMatchObject({ action: 'audit.browsed', actor_user_id: p.people.admin.userId });
    expect(recorded.at(-1)?.details.listed).toBe(events.length);
  });

  it('pages with nextBefore and filters by action, family, outcome, actor and time', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    for (let i = 0; i < 5; i += 1) {
      await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.admin } });
    }
    await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: p.cookies.therapist } }); // denied

    const all = (await browse(p.cookies.admin, '?limit=200')).json().events as Entry[];
    const seen: number[] = [];
    let before: string | null = null;
    do {
      const page: { events: Entry[]; nextBefore: string | null } = (
        await browse(p.cookies.admin, `?limit=3${before ? `&before=${before}` : ''}`)
      ).json();
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events.map((e: Entry) => e.id));
      before = page.nextBefore;
    } while (before);
    // The first page also shows the browsing that produced `all`; later browsing is newer than the cursor.
    expect(seen.filter((id) => id <= (all[0]?.id ?? 0))).toEqual(all.map((e) => e.id));

    const listed = (await browse(p.cookies.admin, '?action=people.listed')).json().events as Entry[];
    expect(listed).toHaveLength(5);
    const family = (await browse(p.cookies.admin, '?action=people')).json().events as Entry[];
    expect(family.map((e) => e.action)).toEqual(Array(5).fill('people.listed'));
    const denied = (await browse(p.cookies.admin, '?outcome=denied')).json().events as Entry[];
    expect(denied.map((e) => [e.action, e.actorId])).toEqual([['access.denied', p.people.therapist.userId]]);
    const byTherapist = (await browse(p.cookies.admin, `?actorId=${p.people.therapist.userId}`)).json().events;
    expect(byTherapist).toHaveLength(1);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await browse(p.cookies.admin, `?from=${encodeURIComponent(future)}`)).json().events).toEqual([]);
    const past = (await browse(p.cookies.admin, `?to=${encodeURIComponent(future)}&limit=2`)).json();
    expect(past.events).toHaveLength(2);
    expect(past.nextBefore).toBe(String(past.events[1].id));
  });

  it('never shows another practice’s events', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const q = await practiceWithEveryRole(t.ctx);
    await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.admin } });
    const theirs = (await browse(q.cookies.admin, '?limit=200')).json().events as Entry[];
    expect(theirs.some((e) => e.actorId === p.people.admin.userId)).toBe(false);
  });

  it('is for admins only, and answers bad filters with a 400', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    for (const cookie of [p.cookies.therapist, p.cookies.supervisor, p.cookies.client]) {
      expect((await browse(cookie)).statusCode).toBe(403);
      const verify = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: { cookie, ...CSRF } });
      expect(verify.statusCode).toBe(403);
    }
    for (const query of [
      '?action=DROP%20TABLE',
      '?limit=0',
      '?limit=abc',
      '?before=-1',
      '?outcome=maybe',
      '?actorId=me',
      '?from=yesterday',
      `?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z`,
    ]) {
      const res = await browse(p.cookies.admin, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message.length).toBeGreaterThan(5);
    }
    expect((await browse(p.cookies.admin, '?limit=999')).statusCode).toBe(200);
  });

  it('answers a date in the year 0000 (valid RFC 3339, refused by PostgreSQL) with a 400, not a 500', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    for (const query of ['?from=0000-01-01T00:00:00Z', '?to=0000-06-01T12:00:00%2B01:00']) {
      const res = await browse(p.cookies.admin, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message).toMatch(/year/);
    }
    expect((await browse(p.cookies.admin, '?from=0001-01-01T00:00:00Z')).statusCode).toBe(200);
  });
});

describe('POST /api/audit/verify', () => {
  it('seals what is waiting and reports an intact chain', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.admin } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/audit/verify',
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ ok: true, unsealed: 0, problems: [] });
    expect(report.sealed).toBeGreaterThanOrEqual(2);
    const events = await auditEventsOf(t.ctx, p.practiceId);
    expect(events.at(-1)).toMatchObject({ action: 'audit.verified', details: { ok: true, problems: 0 } });
  });
});
