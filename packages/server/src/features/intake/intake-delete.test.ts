import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { deleteOldEnquiries } from '../../jobs/delete-old-enquiries.js';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { intakeForm, intakeWorld } from '../../test-support/intake-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { ACCEPTED_NOT_DELETED, REASON_REQUIRED } from './intake-delete.js';
import { RETENTION_RANGE_MESSAGE } from './intake-retention-put.js';

/** Enquiries that did not become clients are deleted: on an admin's request, and after the practice's period. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const DAY = 86_400_000;
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload: object, cookie?: string, ip = '10.3.0.1') =>
  t.app.inject({ method, url, headers: { ...CSRF, ...(cookie ? { cookie } : {}) }, payload, remoteAddress: ip });

type World = Awaited<ReturnType<typeof intakeWorld>>;
let ipCounter = 0;

/** Sends the public form as `email` and answers the new intake's id and private link token. */
async function enquiry(w: World, email: string): Promise<{ id: string; token: string }> {
  ipCounter += 1;
  const sent = await send(
    'POST',
    `/api/public/practices/${w.slug}/intakes`,
    intakeForm({ email, name: `Person ${email}` }),
    undefined,
    `10.3.${ipCounter}.1`,
  );
  expect(sent.statusCode, sent.body).toBe(201);
  const token = (sent.json().statusPath as string).replace('/enquiry/', '');
  const [row] = await scopedQuery<{ id: string }>(t.ctx, w.practiceId, 'SELECT id FROM intakes WHERE email = $1', [
    email,
  ]);
  return { id: row?.id ?? '', token };
}

/** Asks for the therapist's first free slot through the person's link: the intake now holds that time. */
async function requestSlot(w: World, token: string): Promise<string> {
  const slots = (await get(`/api/public/intakes/${token}/slots?therapistId=${w.therapistId}`)).json().slots as string[];
  const start = slots[0] ?? '';
  const asked = await send('POST', `/api/public/intakes/${token}/request`, {
    kind: 'consultation',
    therapistId: w.therapistId,
    start,
  });
  expect(asked.statusCode, asked.body).toBe(200);
  return start;
}

const remove = (id: string, body: object, cookie?: string) => send('DELETE', `/api/intakes/${id}`, body, cookie);

async function intakeIds(practiceId: string): Promise<string[]> {
  return (await scopedQuery<{ id: string }>(t.ctx, practiceId, 'SELECT id FROM intakes ORDER BY id')).map((r) => r.id);
}

describe('deleting an enquiry on request', () => {
  it('lets an admin delete it with a reason; the held slot, the person’s e-mails and their link go with it', async () => {
    const w = await intakeWorld(t.ctx);
    const mine = await enquiry(w, 'ruth@example.com');
    const other = await enquiry(w, 'omar@example.com');
    const start = await requestSlot(w, mine.token);
    // The slot is held: another person's list of free times leaves it out.
    const before = (await get(`/api/public/intakes/${other.token}/slots?therapistId=${w.therapistId}`)).json()
      .slots as string[];
    expect(before).not.toContain(start);

    const deleted = await remove(mine.id, { reason: 'asked' }, w.cookies.admin);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({ deleted: true, emailsDeleted: 1 });

    expect(await intakeIds(w.practiceId)).toEqual([other.id]);
    expect((await get(`/api/intakes/${mine.id}`, w.cookies.admin)).statusCode).toBe(404);
    expect((await get(`/api/public/intakes/${mine.token}`)).statusCode).toBe(404);
    // The time they held is free again for someone else.
    const after = (await get(`/api/public/intakes/${other.token}/slots?therapistId=${w.therapistId}`)).json()
      .slots as string[];
    expect(after).toContain(start);
    // Their e-mail (address and private link) is gone from the outbox; the other person's is kept.
    const mail = await scopedQuery<{ to_address: string }>(
      t.ctx,
      w.practiceId,
      `SELECT to_address FROM outbox WHERE kind = 'intake_received'`,
    );
    expect(mail.map((m) => m.to_address)).toEqual(['omar@example.com']);

    const events = await auditEventsOf(t.ctx, w.practiceId);
    const event = events.find((e) => e.action === 'intake.deleted');
    expect(event).toMatchObject({
      outcome: 'success',
      subject_type: 'intake',
      subject_id: mine.id,
      actor_user_id: w.people.admin.userId,
      details: { reason: 'asked', status: 'requested', emailsDeleted: 1 },
    });
    // The audit keeps nothing of what was deleted: not their name, not their address.
    const everything = JSON.stringify(events);
    expect(everything).not.toContain('ruth@example.com');
    expect(everything).not.toContain('Person ruth');
  });

  it('is for admins only: a therapist is refused and nothing is deleted', async () => {
    const w = await intakeWorld(t.ctx);
    const e = await enquiry(w, 'tess@example.com');
    const refused = await remove(e.id, { reason: 'asked' }, w.cookies.therapist);
    expect(refused.statusCode).toBe(403);
    expect((await remove(e.id, { reason: 'asked' }, w.cookies.client)).statusCode).toBe(403);
    const other = await intakeWorld(t.ctx);
    expect((await remove(e.id, { reason: 'asked' }, other.cookies.admin)).statusCode).toBe(404);
    // The database refuses a therapist too, should a route ever forget the guard.
    const asTherapist = await t.ctx.access.run(
      { practiceId: w.practiceId, userId: w.therapistId, roles: ['therapist'] },
      async (tx) => (await tx.query('DELETE FROM intakes WHERE id = $1 RETURNING id', [e.id])).rows,
    );
    expect(asTherapist).toEqual([]);
    expect(await intakeIds(w.practiceId)).toEqual([e.id]);
  });

  it('asks for one of the reasons (400, beside the field): never free text, which the audit would keep', async () => {
    const w = await intakeWorld(t.ctx);
    const e = await enquiry(w, 'una@example.com');
    const missing = await remove(e.id, {}, w.cookies.admin);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: 'reason_required', fields: [{ field: 'reason' }] });
    expect(missing.json().message).toBe(REASON_REQUIRED);
    for (const reason of ['They asked us to', '', 'ASKED']) {
      const refused = await remove(e.id, { reason }, w.cookies.admin);
      expect(refused.statusCode, reason).toBe(400);
      expect(refused.json()).toMatchObject({
        message: 'reason is not one of the allowed values.',
        fields: [{ field: 'reason', message: 'reason is not one of the allowed values.' }],
      });
    }
    expect(await intakeIds(w.practiceId)).toEqual([e.id]);
  });

  it('refuses an accepted enquiry (409): it is a client’s record now', async () => {
    const w = await intakeWorld(t.ctx);
    const e = await enquiry(w, 'vic@example.com');
    await requestSlot(w, e.token);
    const accepted = await send(
      'POST',
      `/api/intakes/${e.id}/decision`,
      { decision: 'accept', message: 'See you then.' },
      w.cookies.therapist,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const refused = await remove(e.id, { reason: 'asked' }, w.cookies.admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({ error: 'became_client', message: ACCEPTED_NOT_DELETED });
    expect(refused.json().message).toContain('record retention rules');
    expect(await intakeIds(w.practiceId)).toEqual([e.id]);
    const events = await auditEventsOf(t.ctx, w.practiceId);
    expect(events.find((ev) => ev.action === 'intake.deleted')).toMatchObject({
      outcome: 'failure',
      details: { reason: 'became_client' },
    });
    // The database refuses it too, whoever asks.
    const direct = await scopedQuery(t.ctx, w.practiceId, 'DELETE FROM intakes WHERE id = $1 RETURNING id', [e.id]);
    expect(direct).toEqual([]);
  });
});

describe('deleting enquiries after the practice’s period', () => {
  it('deletes exactly the old closed ones, keeps anyone waiting or owed an answer, and logs the count', async () => {
    const w = await intakeWorld(t.ctx);
    const now = new Date();
    const old = new Date(now.getTime() - 200 * DAY);
    const young = new Date(now.getTime() - 100 * DAY);
    const cases: [string, string, Date | null, Date][] = [
      // email, status, decided_at, created_at
      ['referred-old@example.com', 'referred_on', old, old],
      ['proposed-old@example.com', 'time_proposed', old, old],
      ['referred-young@example.com', 'referred_on', young, old],
      ['new-old@example.com', 'new', null, old],
      ['review-old@example.com', 'same_day_review', null, old],
      ['requested-old@example.com', 'requested', null, old],
      ['waiting-old@example.com', 'waiting_list', null, old],
      ['accepted-old@example.com', 'accepted', old, old],
    ];
    const ids: Record<string, string> = {};
    for (const [email, status, decidedAt, createdAt] of cases) {
      const { id } = await enquiry(w, email);
      ids[status + (email.includes('young') ? '-young' : '')] = id;
      await scopedQuery(
        t.ctx,
        w.practiceId,
        `UPDATE intakes SET status = $2, decided_at = $3, created_at = $4, urgent_risk = false,
                token_expires_at = $4::timestamptz + interval '60 days' WHERE id = $1`,
        [id, status, decidedAt, createdAt],
      );
    }
    const run = () => t.ctx.access.run(systemActor(w.practiceId), (tx) => deleteOldEnquiries(tx, now));
    expect(await run()).toBe(2);
    const left = new Set(await intakeIds(w.practiceId));
    expect(left.has(ids.referred_on ?? '')).toBe(false);
    expect(left.has(ids.time_proposed ?? '')).toBe(false);
    for (const kept of ['referred_on-young', 'new', 'same_day_review', 'requested', 'waiting_list', 'accepted']) {
      expect(left.has(ids[kept] ?? ''), kept).toBe(true);
    }
    expect(left.size).toBe(6);
    // Idempotent: a second pass finds nothing and logs nothing.
    expect(await run()).toBe(0);
    const logged = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'intake.retention_deleted');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      actor_user_id: null,
      subject_type: 'practice',
      details: { count: 2, retentionDays: 183 },
    });
    expect(JSON.stringify(logged)).not.toContain('example.com');

    // An old one whose private link still works (a link sent again, say) waits until the link expires.
    const linked = await enquiry(w, 'linked-old@example.com');
    await scopedQuery(
      t.ctx,
      w.practiceId,
      `UPDATE intakes SET status = 'referred_on', decided_at = $2, created_at = $2 WHERE id = $1`,
      [linked.id, old],
    );
    expect(await run()).toBe(0);
    expect(await intakeIds(w.practiceId)).toContain(linked.id);

    // A shorter period reaches the younger referred-on one.
    await send('PUT', '/api/intakes/settings', { enquiryRetentionDays: 90 }, w.cookies.admin);
    expect(await run()).toBe(1);
    expect((await intakeIds(w.practiceId)).includes(ids['referred_on-young'] ?? '')).toBe(false);
  });

  it('leaves the work to one node at a time (the practice’s lock)', async () => {
    const w = await intakeWorld(t.ctx);
    const { id } = await enquiry(w, 'locked@example.com');
    await scopedQuery(
      t.ctx,
      w.practiceId,
      `UPDATE intakes SET status = 'referred_on', decided_at = now() - interval '400 days',
              token_expires_at = now() - interval '1 day' WHERE id = $1`,
      [id],
    );
    const now = new Date();
    const counts = await t.ctx.access.run(systemActor(w.practiceId), async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-enquiry-retention:${w.practiceId}`]);
      // Another node's pass, while this one holds the lock: it does nothing.
      return t.ctx.access.run(systemActor(w.practiceId), (other) => deleteOldEnquiries(other, now));
    });
    expect(counts).toBe(0);
    expect(await intakeIds(w.practiceId)).toEqual([id]);
  });
});

describe('the retention period setting', () => {
  it('is read by staff, changed by an admin within 30–3650 days, audited', async () => {
    const w = await intakeWorld(t.ctx);
    expect((await get('/api/intakes/settings', w.cookies.therapist)).json()).toEqual({ enquiryRetentionDays: 183 });
    expect((await get('/api/intakes/settings', w.cookies.client)).statusCode).toBe(403);
    expect(
      (await send('PUT', '/api/intakes/settings', { enquiryRetentionDays: 365 }, w.cookies.therapist)).statusCode,
    ).toBe(403);
    for (const bad of [5, 29, 3651, 90.5]) {
      const refused = await send('PUT', '/api/intakes/settings', { enquiryRetentionDays: bad }, w.cookies.admin);
      expect(refused.statusCode, String(bad)).toBe(400);
      expect(refused.json()).toEqual({
        error: 'invalid_settings',
        message: RETENTION_RANGE_MESSAGE,
        fields: [{ field: 'enquiryRetentionDays', message: RETENTION_RANGE_MESSAGE }],
      });
    }
    const text = await send('PUT', '/api/intakes/settings', { enquiryRetentionDays: 'soon' }, w.cookies.admin);
    expect(text.statusCode).toBe(400);
    expect((await get('/api/intakes/settings', w.cookies.admin)).json()).toEqual({ enquiryRetentionDays: 183 });
    const saved = await send('PUT', '/api/intakes/settings', { enquiryRetentionDays: 365 }, w.cookies.admin);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ enquiryRetentionDays: 365 });
    expect((await get('/api/intakes/settings', w.cookies.therapist)).json()).toEqual({ enquiryRetentionDays: 365 });
    const changed = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'intake.retention_changed');
    expect(changed).toEqual([expect.objectContaining({ details: { from: 183, to: 365 } })]);
  });
});
