import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { todayIn, dueDateFor } from '../features/subject-access/due-date.js';
import { auditEventsOf, sessionCookie } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PRACTICE, seedDemoPractice, type SeededDemo } from './demo-practice.js';
import { DEMO_SAR_NOTES, seedDemoSubjectAccess } from './demo-subject-access.js';
import { pdfText } from '../test-support/pdf-text.js';

/** The demo's open subject access request: Priya's, received a week before the seeding day. */
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

describe('the demo subject access request', () => {
  it('is open, Priya’s, received a week ago, with Ruth’s two process notes awaiting her decision', async () => {
    const admin = await cookieOf('morgan.ellis');
    const list = await t.app.inject({ method: 'GET', url: '/api/subject-access/requests', headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    const requests = list.json().requests as {
      id: string;
      client: { id: string };
      receivedOn: string;
      status: string;
    }[];
    expect(requests).toHaveLength(1);
    const [y, m, d] = todayIn(DEMO_PRACTICE.timeZone).split('-').map(Number) as [number, number, number];
    const weekAgo = new Date(Date.UTC(y, m - 1, d - 7)).toISOString().slice(0, 10);
    expect(requests[0]).toMatchObject({
      client: { id: demo.userIds['priya.nair'] },
      receivedOn: weekAgo,
      dueOn: dueDateFor(weekAgo),
      status: 'received',
      overdue: false,
    });
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/subject-access/requests/${requests[0]?.id}`,
      headers: { cookie: admin },
    });
    expect(one.json().request).toMatchObject({
      notes: DEMO_SAR_NOTES,
      identityMethod: 'known_to_practice',
      processNotes: [{ author: { displayName: 'Dr Ruth Mensah' }, total: 2, decided: 0, included: 0 }],
    });

    const ruth = await cookieOf('ruth.mensah');
    const reviews = await t.app.inject({
      method: 'GET',
      url: '/api/subject-access/reviews',
      headers: { cookie: ruth },
    });
    expect(reviews.json().reviews).toMatchObject([{ client: { displayName: 'Priya Nair' } }]);
    expect(reviews.json().reviews[0].notes).toHaveLength(2);

    const seeded = (await auditEventsOf(t.ctx, demo.practiceId)).find((e) => e.action === 'demo.seeded');
    expect(seeded?.details.subjectAccessRequests).toBe(1);
  });

  it('makes a pack that holds Priya’s case formulation, the letter to her GP and her questionnaires, in the JSON and the PDF', async () => {
    const admin = await cookieOf('morgan.ellis');
    const list = await t.app.inject({ method: 'GET', url: '/api/subject-access/requests', headers: { cookie: admin } });
    const requestId = (list.json().requests as { id: string }[])[0]?.id;
    const prepared = await t.app.inject({
      method: 'POST',
      url: `/api/subject-access/requests/${requestId}/packs`,
      headers: { cookie: admin, 'x-undercurrent-csrf': '1' },
    });
    expect(prepared.statusCode).toBe(201);
    const packId = (prepared.json().request.packs as { id: string }[])[0]?.id;
    const json = await t.app.inject({
      method: 'GET',
      url: `/api/subject-access/packs/${packId}/json`,
      headers: { cookie: admin },
    });
    const sections = json.json().sections as { key: string; data: unknown }[];
    const formulation = sections.find((s) => s.key === 'case_formulation')?.data as {
      formulations: {
        presentingDifficulties: string;
        reviews: unknown[];
        relationshipPattern: { W: { clusters: string[] } };
      }[];
    };
    expect(formulation.formulations).toHaveLength(1);
    expect(formulation.formulations[0]?.presentingDifficulties).toContain('the reliable one');
    expect(formulation.formulations[0]?.reviews).toHaveLength(2);
    expect(formulation.formulations[0]?.relationshipPattern.W.clusters.length).toBeGreaterThan(0);
    const letters = sections.find((s) => s.key === 'letters')?.data as { letters: { subject: string; body: string }[] };
    expect(letters.letters).toHaveLength(1);
    expect(letters.letters[0]?.body).toContain('Priya Nair');

    const measures = sections.find((s) => s.key === 'outcome_measures')?.data as {
      measures: { instrument: string; score: number | null; answers: { question: string; answer: string }[] }[];
    };
    expect(measures.measures.map((m) => m.instrument)).toEqual(expect.arrayContaining(['PHQ-9', 'GAD-7']));
    expect(measures.measures.find((m) => m.instrument === 'PHQ-9')?.answers[0]).toEqual({
      question: 'Little interest or pleasure in doing things',
      answer: expect.any(String),
    });

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/subject-access/packs/${packId}/pdf`,
      headers: { cookie: admin },
    });
    const read = await pdfText(pdf.rawPayload);
    expect(read.text).toContain('Your therapist’s case formulation');
    expect(read.text).toContain('Letters about you');
    expect(read.text).toContain('Little interest or pleasure in doing things');
    expect(read.text).toContain(letters.letters[0]?.subject ?? 'no subject');
  });

  it('is seeded once: seeding again adds nothing', async () => {
    const again = await t.ctx.access.run(systemActor(demo.practiceId), (tx) => seedDemoSubjectAccess(tx, demo.userIds));
    expect(again).toEqual({ requests: 0 });
  });
});
