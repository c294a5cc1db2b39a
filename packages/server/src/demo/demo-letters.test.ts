import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { sessionCookie } from '../test-support/fixtures.js';
import { pdfText } from '../test-support/pdf-text.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { DEMO_GP, DEMO_LETTERHEAD, seedDemoLetters } from './demo-letters.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoPractice, type SeededDemo } from './demo-practice.js';

/** The demo's letters: the practice's letterhead, and Ruth's filed letter to Priya's GP. */
let t: TestApp;
let demo: SeededDemo;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  demo = await seedDemoPractice(t.ctx, { slug: `northside-demo-${crypto.randomBytes(3).toString('hex')}` });
});
afterAll(async () => t.close());

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

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('the demo letters', () => {
  it('has the practice’s letterhead, for the admin to see and change', async () => {
    const res = await get('/api/letters/letterhead', await cookieOf('morgan.ellis'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEMO_LETTERHEAD);
    const templates = (await get('/api/letters/templates', await cookieOf('morgan.ellis'))).json().templates;
    expect(templates).toHaveLength(3);
  });

  it('has Ruth’s filed letter to Priya’s GP, with the facts of the episode, as a PDF', async () => {
    const ruth = await cookieOf('ruth.mensah');
    const priya = demo.userIds['priya.nair'] ?? '';
    const list = (await get(`/api/letters/clients/${priya}/letters`, ruth)).json();
    expect(list.letters).toHaveLength(1);
    const [summary] = list.letters;
    expect(summary).toMatchObject({ status: 'final', recipientName: DEMO_GP.name, subject: 'Re: Priya Nair' });
    const letter = (await get(`/api/letters/${summary.id}`, ruth)).json().letter;
    expect(letter.author.displayName).toBe('Dr Ruth Mensah');
    expect(letter.body).toContain(
      'your patient, Priya Nair, began psychotherapy with me at Northside Psychotherapy on',
    );
    expect(letter.body).not.toMatch(/\{\{|\[not agreed yet\]/);
    expect(new Date(letter.finalisedAt).getTime()).toBeLessThan(Date.now());
    const pdf = await get(`/api/letters/${summary.id}/pdf`, ruth);
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).text.replace(/\s+/g, ' ');
    for (const expected of [
      'Northside Psychotherapy',
      '14 Northside Mews',
      DEMO_GP.name,
      'Stamford Hill Medical Centre',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Dr Ruth Mensah');
    expect(text).not.toContain('DRAFT');
    // Nobody else in the practice but Priya's therapist reads it.
    for (const key of ['morgan.ellis', 'helen.marsh', 'priya.nair', 'tom.adeyemi']) {
      expect((await get(`/api/letters/${summary.id}`, await cookieOf(key))).statusCode, key).not.toBe(200);
    }
  });

  it('seeds nothing twice', async () => {
    const again = await t.ctx.access.run(systemActor(demo.practiceId), (tx) => seedDemoLetters(tx, demo.userIds));
    expect(again).toEqual({ letters: 1 });
  });
});
