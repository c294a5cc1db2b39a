import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../accounts/password-policy.js';
import { auditEventsOf, scopedQuery, sessionCookie } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PRACTICE, seedDemoPractice } from './demo-practice.js';
import { demoDecision, DemoRefusedError, signInDetails } from './prepare-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(async () => t.close());

describe('demo mode', () => {
  it('seeds only an empty database, carries on with a demo one, and refuses one with a real practice', () => {
    expect(demoDecision([])).toBe('seed');
    expect(demoDecision([{ name: DEMO_PRACTICE.name, isDemo: true }])).toBe('ready');
    expect(() => demoDecision([{ name: 'Riverside Therapy', isDemo: false }])).toThrow(DemoRefusedError);
    expect(() =>
      demoDecision([
        { name: DEMO_PRACTICE.name, isDemo: true },
        { name: 'Riverside Therapy', isDemo: false },
      ]),
    ).toThrow(/will not start on this database: it holds a real practice \(Riverside Therapy\)/);
  });

  it('seeds a realistic demo practice: admin, two therapists with three clients each, a third without clients yet, a supervisor', async () => {
    const slug = `northside-demo-${crypto.randomBytes(3).toString('hex')}`;
    const seeded = await seedDemoPractice(t.ctx, { slug });
    const practice = (await t.ctx.access.listPractices()).find((p) => p.id === seeded.practiceId);
    expect(practice).toMatchObject({
      name: 'Northside Psychotherapy (demo)',
      slug,
      isDemo: true,
      timeZone: 'Europe/London',
    });

    const people = await scopedQuery<{ email: string; is_demo: boolean; password_hash: string; roles: string[] }>(
      t.ctx,
      seeded.practiceId,
      `SELECT u.email, u.is_demo, u.password_hash, array_agg(m.role ORDER BY m.role) AS roles
         FROM users u JOIN memberships m ON m.user_id = u.id GROUP BY u.id ORDER BY u.email`,
    );
    expect(people).toHaveLength(11);
    expect(people.every((p) => p.is_demo)).toBe(true);
    const count = (role: string) => people.filter((p) => p.roles.includes(role)).length;
    expect([count('admin'), count('therapist'), count('supervisor'), count('client')]).toEqual([1, 3, 1, 6]);
    expect(people.every((p) => p.email.endsWith('@northside-demo.example'))).toBe(true);
    expect(await verifyPassword(people[0]?.password_hash ?? null, DEMO_PASSWORD)).toBe(true);

    const assignments = await scopedQuery<{ therapist_id: string; n: number }>(
      t.ctx,
      seeded.practiceId,
      'SELECT therapist_id, count(*)::int AS n FROM care_assignments GROUP BY therapist_id',
    );
    expect(assignments.map((a) => a.n)).toEqual([3, 3]);

    // Dr Mensah sees exactly her three clients.
    const ruth = DEMO_PEOPLE.find((p) => p.key === 'ruth.mensah');
    const cookie = await sessionCookie(t.ctx, {
      practiceId: seeded.practiceId,
      userId: seeded.userIds['ruth.mensah'] ?? '',
      email: ruth?.email ?? '',
      password: DEMO_PASSWORD,
      roles: ['therapist'],
    });
    const res = await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie } });
    expect(
      res
        .json()
        .map((p: { displayName: string }) => p.displayName)
        .sort(),
    ).toEqual(['Daniel Okoro', 'Jamie Walsh', 'Priya Nair']);

    const events = await auditEventsOf(t.ctx, seeded.practiceId);
    expect(events.find((e) => e.action === 'demo.seeded')).toMatchObject({
      details: {
        people: 11,
        careAssignments: 6,
        letters: 1,
        subjectAccessRequests: 1,
        measureResults: 8,
        publicPages: 6,
        publishedProfiles: 3,
      },
    });
  });

  it('prints how to sign in: the address, the shared password and every demo person', () => {
    const text = signInDetails('http://localhost:8080', true);
    expect(text).toContain('Open http://localhost:8080');
    expect(text).toContain(DEMO_PASSWORD);
    for (const person of DEMO_PEOPLE) expect(text).toContain(person.email);
    expect(text).toMatch(/Client\s+Priya Nair\s+priya\.nair@northside-demo\.example\s+\(sees Dr Ruth Mensah\)/);
  });
});
