import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HONEYPOT, INTAKES_PER_HOUR, TOO_FAST } from '../features/intake/public-form-guard.js';
import { INTAKE_NOT_FOUND } from '../features/intake/intake-token.js';
import { NEEDS_CONSENT } from '../features/intake/intake-submit.js';
import { scopedQuery } from '../test-support/fixtures.js';
import { intakeForm, intakeWorld } from '../test-support/intake-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Public forms (issue 8, part 7): no account is needed to enquire, so the form itself must turn away
 * malformed, oversized and automated submissions — each with a message a person can act on — and
 * its answers must never say who is or is not known to the practice.
 */
let t: TestApp;
let slug = '';
let practiceId = '';
beforeAll(async () => {
  t = await createTestApp();
  const w = await intakeWorld(t.ctx);
  slug = w.slug;
  practiceId = w.practiceId;
});
afterAll(async () => t.close());

let address = 0;
const send = (payload: unknown, ip = `10.9.0.${String((address += 1))}`) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/practices/${slug}/intakes`,
    headers: { ...CSRF, 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
    remoteAddress: ip,
  });
const count = async () =>
  Number((await scopedQuery<{ n: string }>(t.ctx, practiceId, 'SELECT count(*) AS n FROM intakes'))[0]?.n);

describe('public intake form abuse resistance', () => {
  it('rejects a malformed submission (missing fields, wrong types, unknown fields) with a 400 naming the problem', async () => {
    const before = await count();
    const { email: _dropped, ...noEmail } = intakeForm();
    const missing = await send(noEmail);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('email');
    const wrongType = await send({ ...intakeForm(), consent: 'yes' });
    expect(wrongType.statusCode).toBe(400);
    const extra = await send({ ...intakeForm(), admin: true });
    expect(extra.statusCode).toBe(400);
    const notJson = await t.app.inject({
      method: 'POST',
      url: `/api/public/practices/${slug}/intakes`,
      headers: { ...CSRF, 'content-type': 'application/json' },
      payload: '{"name": ',
      remoteAddress: '10.9.1.1',
    });
    expect(notJson.statusCode).toBe(400);
    const badEmail = await send(intakeForm({ email: 'not an address' }));
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().message).toContain('e-mail address');
    expect(await count()).toBe(before);
  });

  it('rejects oversized text and oversized bodies with a 4xx, never a 5xx', async () => {
    const long = await send(intakeForm({ brings: 'x'.repeat(4001) }));
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain('at most 4000 characters');
    const huge = await send({ ...intakeForm(), previousTherapy: 'y'.repeat(40_000) });
    expect(huge.statusCode).toBe(413);
  });

  it('rejects an automated submission: the honeypot filled in, or sent faster than a person could', async () => {
    const before = await count();
    const bot = await send(intakeForm({ website: 'http://spam.example' }));
    expect(bot.statusCode).toBe(400);
    expect(bot.json().message).toBe(HONEYPOT);
    const fast = await send(intakeForm({ fillMs: 400 }));
    expect(fast.statusCode).toBe(400);
    expect(fast.json().message).toBe(TOO_FAST);
    expect(await count()).toBe(before);
  });

  it('requires explicit consent, and keeps nothing without it', async () => {
    const before = await count();
    const refused = await send(intakeForm({ consent: false }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe(NEEDS_CONSENT);
    expect(await count()).toBe(before);
  });

  it('limits how many forms one address may send, with the wait in words', async () => {
    const ip = '10.9.2.1';
    for (let i = 0; i < INTAKES_PER_HOUR; i += 1) expect((await send(intakeForm(), ip)).statusCode).toBe(201);
    const limited = await send(intakeForm(), ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/Try again in \d+ minutes?/);
    expect((await send(intakeForm(), '10.9.2.2')).statusCode).toBe(201);
  });

  it('answers the same for an e-mail address already known and a new one: no enumeration of clients', async () => {
    const w = await intakeWorld(t.ctx);
    const known = await t.app.inject({
      method: 'POST',
      url: `/api/public/practices/${w.slug}/intakes`,
      headers: CSRF,
      payload: intakeForm({ email: w.people.client.email }),
      remoteAddress: '10.9.3.1',
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/public/practices/${w.slug}/intakes`,
      headers: CSRF,
      payload: intakeForm({ email: 'nobody-yet@example.com' }),
      remoteAddress: '10.9.3.2',
    });
    expect(known.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(201);
    expect(Object.keys(known.json())).toEqual(Object.keys(unknown.json()));
    expect(known.json().sameDayReview).toBe(unknown.json().sameDayReview);
  });

  it('gives one answer for a mistyped link, a made-up link and another practice’s link', async () => {
    const other = await intakeWorld(t.ctx);
    const made = `${other.practiceId}.${'A'.repeat(43)}`;
    for (const token of ['nonsense', made, `${practiceId}.${'B'.repeat(43)}`]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/public/intakes/${token}` });
      expect(response.statusCode).toBe(404);
      expect(response.json().message).toBe(INTAKE_NOT_FOUND);
    }
  });
});
