import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { intakeForm, intakeWorld } from '../../test-support/intake-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/** Intake end to end on the server: the form, the person's link, slots, requests and the practice's answer. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const post = (url: string, payload: object, cookie?: string, ip = '10.1.0.1') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...CSRF, ...(cookie ? { cookie } : {}) },
    payload,
    remoteAddress: ip,
  });

describe('intake', () => {
  it('records consent, seals what the person wrote, e-mails their link without content, and ranks therapists with reasons', async () => {
    const w = await intakeWorld(t.ctx);
    const sent = await post(`/api/public/practices/${w.slug}/intakes`, intakeForm(), undefined, '10.1.0.2');
    expect(sent.statusCode, sent.body).toBe(201);
    const { statusPath, sameDayReview } = sent.json();
    expect(sameDayReview).toBe(false);
    expect(statusPath).toMatch(/^\/enquiry\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);

    const [row] = await scopedQuery<Record<string, unknown>>(t.ctx, w.practiceId, 'SELECT * FROM intakes');
    expect(row?.consent_at).toBeInstanceOf(Date);
    expect(row?.status).toBe('new');
    expect(JSON.stringify(row)).not.toContain('father');
    expect(JSON.stringify(row)).not.toContain('Sam Rivers');
    expect(JSON.stringify(row)).not.toContain(statusPath.split('.')[1]);

    const mail = await scopedQuery<{ kind: string; to_address: string; subject: string }>(
      t.ctx,
      w.practiceId,
      'SELECT kind, to_address, subject FROM outbox',
    );
    expect(mail).toEqual([
      { kind: 'intake_received', to_address: 'sam@example.com', subject: 'Your enquiry to Riverside Therapy' },
    ]);

    const token = statusPath.replace('/enquiry/', '');
    const view = await get(`/api/public/intakes/${token}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      practiceName: 'Riverside Therapy',
      status: 'new',
      sameDayReview: false,
      request: null,
    });
    expect(view.json().matches[0]).toMatchObject({ id: w.therapistId });
    expect(view.json().matches[0].reasons.map((r: { text: string }) => r.text)).toEqual([
      'Has space when you can come (Monday mornings, Monday afternoons, Tuesday mornings).',
      'Works online.',
      'Works in Welsh.',
      'Has particular experience with loss.',
      'Fee £70, within what you gave.',
    ]);
    const events = (await auditEventsOf(t.ctx, w.practiceId)).map((e) => e.action);
    expect(events).toEqual(expect.arrayContaining(['intake.submitted', 'intake.viewed_by_link']));
  });

  it('flags an urgent risk answer for same-day review at the top of the queue, never the waiting list, and tells the practice without content', async () => {
    const w = await intakeWorld(t.ctx);
    await post(`/api/public/practices/${w.slug}/intakes`, intakeForm({ name: 'First Person' }), undefined, '10.1.1.1');
    const urgent = await post(
      `/api/public/practices/${w.slug}/intakes`,
      intakeForm({ name: 'Urgent Person', risk: 'now' }),
      undefined,
      '10.1.1.2',
    );
    expect(urgent.statusCode).toBe(201);
    expect(urgent.json().sameDayReview).toBe(true);
    const queue = await get('/api/intakes', w.cookies.therapist);
    expect(queue.statusCode).toBe(200);
    expect(queue.json().intakes.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ['Urgent Person', 'same_day_review'],
      ['First Person', 'new'],
    ]);
    const mail = await scopedQuery<{ kind: string; to_address: string; subject: string }>(
      t.ctx,
      w.practiceId,
      `SELECT kind, to_address, subject FROM outbox WHERE kind = 'intake_same_day_review'`,
    );
    expect(mail).toEqual([
      { kind: 'intake_same_day_review', to_address: w.people.admin.email, subject: 'An enquiry needs review today' },
    ]);
    const token = urgent.json().statusPath.replace('/enquiry/', '');
    expect((await get(`/api/public/intakes/${token}`)).json()).toMatchObject({ sameDayReview: true, matches: [] });
    const wait = await post(`/api/public/intakes/${token}/request`, { kind: 'waiting_list' });
    expect(wait.statusCode).toBe(409);
    expect(wait.json().message).toContain('contact you today');
  });

  it('books a real free slot that then disappears for others, refuses a taken one with the times still free, and lets the therapist accept with a message', async () => {
    const w = await intakeWorld(t.ctx);
    const a = (await post(`/api/public/practices/${w.slug}/intakes`, intakeForm(), undefined, '10.1.2.1')).json();
    const b = (
      await post(`/api/public/practices/${w.slug}/intakes`, intakeForm({ name: 'B' }), undefined, '10.1.2.2')
    ).json();
    const tokenA = a.statusPath.replace('/enquiry/', '');
    const tokenB = b.statusPath.replace('/enquiry/', '');
    const slots = (await get(`/api/public/intakes/${tokenA}/slots?therapistId=${w.therapistId}`)).json()
      .slots as string[];
    expect(slots.length).toBeGreaterThan(20);
    const first = slots[0] ?? '';
    const booked = await post(`/api/public/intakes/${tokenA}/request`, {
      kind: 'consultation',
      therapistId: w.therapistId,
      start: first,
    });
    expect(booked.statusCode, booked.body).toBe(200);
    const others = (await get(`/api/public/intakes/${tokenB}/slots?therapistId=${w.therapistId}`)).json().slots;
    expect(others).not.toContain(first);
    const clash = await post(`/api/public/intakes/${tokenB}/request`, {
      kind: 'consultation',
      therapistId: w.therapistId,
      start: first,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toContain('just been taken');
    expect(clash.json().slots).toEqual(others);

    const [entry] = (await get('/api/intakes', w.cookies.admin)).json().intakes as { id: string; status: string }[];
    expect(entry?.status).toBe('requested');
    const outsider = await post(
      `/api/intakes/${entry?.id}/decision`,
      { decision: 'accept', message: 'Yes' },
      w.cookies.client,
    );
    expect(outsider.statusCode).toBe(403);
    const accepted = await post(
      `/api/intakes/${entry?.id}/decision`,
      { decision: 'accept', message: 'I look forward to meeting you.' },
      w.cookies.therapist,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', message: 'I look forward to meeting you.' });
    const view = (await get(`/api/public/intakes/${tokenA}`)).json();
    expect(view).toMatchObject({ status: 'accepted', message: 'I look forward to meeting you.' });
    expect(view.request.start).toBe(first);
    const again = await post(
      `/api/intakes/${entry?.id}/decision`,
      { decision: 'refer', message: 'x' },
      w.cookies.therapist,
    );
    expect(again.statusCode).toBe(409);
  });

  it('keeps intakes from clients and supervisors, and from other practices', async () => {
    const w = await intakeWorld(t.ctx);
    const other = await intakeWorld(t.ctx);
    await post(`/api/public/practices/${w.slug}/intakes`, intakeForm(), undefined, '10.1.3.1');
    expect((await get('/api/intakes', w.cookies.client)).statusCode).toBe(403);
    expect((await get('/api/intakes', w.cookies.supervisor)).statusCode).toBe(403);
    expect((await get('/api/intakes', other.cookies.admin)).json().intakes).toEqual([]);
    const [row] = await scopedQuery<{ id: string }>(t.ctx, w.practiceId, 'SELECT id FROM intakes');
    expect((await get(`/api/intakes/${row?.id}`, other.cookies.admin)).statusCode).toBe(404);
    const detail = await get(`/api/intakes/${row?.id}`, w.cookies.admin);
    expect(detail.json()).toMatchObject({ brings: intakeForm().brings, consentNotice: 'privacy page' });
  });
});

describe('public forms refuse what a person did not send', () => {
  const url = (slug: string) => `/api/public/practices/${slug}/intakes`;
  const stored = async (practiceId: string) =>
    (await scopedQuery<{ n: number }>(t.ctx, practiceId, 'SELECT count(*)::int AS n FROM intakes'))[0]?.n;

  it('refuses a malformed intake (missing fields, a wrong type, an e-mail that is not one, no consent) naming the field', async () => {
    const w = await intakeWorld(t.ctx);
    const { brings: _left, ...missing } = intakeForm();
    const noBrings = await post(url(w.slug), missing, undefined, '10.2.0.1');
    expect(noBrings.statusCode).toBe(400);
    expect(noBrings.json()).toMatchObject({ error: 'invalid_request', fields: [{ field: 'brings' }] });

    const wrongType = await post(url(w.slug), { ...intakeForm(), risk: 'maybe' }, undefined, '10.2.0.2');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().fields[0].field).toBe('risk');

    const badEmail = await post(url(w.slug), intakeForm({ email: 'sam at home' }), undefined, '10.2.0.3');
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json()).toEqual({
      error: 'invalid_request',
      message: 'Please give an e-mail address we can reply to, like name@example.com.',
      fields: [{ field: 'email', message: 'Please give an e-mail address we can reply to, like name@example.com.' }],
    });

    const blank = await post(url(w.slug), intakeForm({ brings: '   ' }), undefined, '10.2.0.4');
    expect(blank.json().fields).toEqual([
      { field: 'brings', message: 'Please say a few words about what brings you.' },
    ]);

    const noConsent = await post(url(w.slug), intakeForm({ consent: false }), undefined, '10.2.0.5');
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json()).toMatchObject({ error: 'consent_required', fields: [{ field: 'consent' }] });
    expect(noConsent.json().message).toContain('tick the box');

    const notJson = await t.app.inject({
      method: 'POST',
      url: url(w.slug),
      headers: { ...CSRF, 'content-type': 'application/json' },
      payload: '{"name": "Sam",',
      remoteAddress: '10.2.0.6',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().message).toBe('The request body is not valid JSON.');
    expect(await stored(w.practiceId)).toBe(0);
  });

  it('refuses an oversized intake: a field over its limit by name, a body over 32 KB as too large', async () => {
    const w = await intakeWorld(t.ctx);
    const long = await post(url(w.slug), intakeForm({ brings: 'x'.repeat(4001) }), undefined, '10.2.1.1');
    expect(long.statusCode).toBe(400);
    expect(long.json().fields).toEqual([{ field: 'brings', message: 'brings must be at most 4000 characters.' }]);
    const huge = await post(
      url(w.slug),
      intakeForm({ brings: 'x'.repeat(4000), previousTherapy: 'y'.repeat(4000), website: 'z'.repeat(40_000) }),
      undefined,
      '10.2.1.2',
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({ error: 'too_large', message: 'The request is too large.' });
    expect(await stored(w.practiceId)).toBe(0);
  });

  it('refuses automated intakes: a filled-in honeypot, a form sent too fast, and too many from one address', async () => {
    const w = await intakeWorld(t.ctx);
    const bot = await post(url(w.slug), intakeForm({ website: 'http://spam.example' }), undefined, '10.2.2.1');
    expect(bot.statusCode).toBe(400);
    expect(bot.json()).toMatchObject({ error: 'automated_submission' });
    expect(bot.json().message).toContain('If you are a person, reload the page and try again.');
    const fast = await post(url(w.slug), intakeForm({ fillMs: 400 }), undefined, '10.2.2.2');
    expect(fast.statusCode).toBe(400);
    expect(fast.json()).toMatchObject({ error: 'too_fast' });
    expect(fast.json().message).toContain('take a moment');
    expect(await stored(w.practiceId)).toBe(0);

    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await post(url(w.slug), intakeForm({ name: `P${i}` }), undefined, '10.2.2.3')).statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await post(url(w.slug), intakeForm(), undefined, '10.2.2.3');
    expect(limited.json().message).toMatch(
      /Too many forms have been sent from this address\. Try again in \d+ minutes?/,
    );
    expect(await stored(w.practiceId)).toBe(5);
  });

  it('keeps a person’s page out of search engines and caches', async () => {
    const w = await intakeWorld(t.ctx);
    const sent = await post(url(w.slug), intakeForm(), undefined, '10.2.3.1');
    const token = sent.json().statusPath.replace('/enquiry/', '');
    const view = await get(`/api/public/intakes/${token}`);
    expect(view.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(view.headers['referrer-policy']).toBe('no-referrer');
    expect(view.json().consentAt).toEqual(expect.any(String));
  });
});
