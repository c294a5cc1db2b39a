import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { seedDemoPractice, type SeededDemo } from './demo-practice.js';
import { seedDemoPublicSite } from './demo-public-site.js';

/** The demo's public side: every page published with the practice's details, three therapists in the directory. */
let t: TestApp;
let demo: SeededDemo;
let slug: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  slug = `northside-demo-${crypto.randomBytes(3).toString('hex')}`;
  demo = await seedDemoPractice(t.ctx, { slug });
});
afterAll(async () => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};

describe('the demo practice’s public side', () => {
  it('publishes every page and its contact details, with directions of its own', async () => {
    const site = await get(`/api/public/practices/${slug}`);
    expect(site.status).toBe(200);
    expect(site.body.contact).toEqual({
      email: 'hello@northside-demo.example',
      phone: '020 7946 0321',
      address: 'Northside House, 4 Alder Lane, London N4 2AA',
    });
    expect(site.body.home.title).toBe('Northside Psychotherapy');
    expect(site.body.pages.map((p: { slug: string }) => p.slug)).toEqual([
      'therapy',
      'practice',
      'fees',
      'accessibility',
      'privacy',
    ]);
    expect(site.body.therapists).toBe(3);
    expect((await get(`/api/public/practices/${slug}/pages/practice`)).body.body).toContain('Finsbury Park');
  });

  it('lists three therapists, each availability worked out from their frame', async () => {
    const { body } = await get(`/api/public/practices/${slug}/therapists`);
    const byName = new Map(
      body.therapists.map((p: { name: string; availability: { statement: string } }) => [p.name, p]),
    );
    expect([...byName.keys()]).toEqual(['Dr Ruth Mensah', 'Nia Jones', 'Tom Adeyemi']);
    expect(byName.get('Nia Jones')).toMatchObject({
      formats: ['online'],
      languages: ['English', 'Welsh'],
      registrations: [{ body: 'BACP', number: 'BACP 00381265' }],
      availability: { kind: 'space', statement: 'Usually has space on Tuesday and Thursday evenings.' },
      availabilityNote: 'Daytime sessions are not possible.',
    });
    for (const profile of body.therapists) expect(profile.availability.kind).toBe('space');
  });

  it('is seeded once: a second run changes nothing', async () => {
    const again = await t.ctx.access.run(systemActor(demo.practiceId), (tx) => seedDemoPublicSite(tx, demo.userIds));
    expect(again).toEqual({ pages: 6, profiles: 3 });
  });
});
