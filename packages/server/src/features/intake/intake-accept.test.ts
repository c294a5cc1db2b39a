import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, scopedQuery, sessionCookieFrom } from '../../test-support/fixtures.js';
import { intakeForm, intakeWorld } from '../../test-support/intake-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/** Accepting a consultation request turns the enquiry into a client: invitation, episode, appointment. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const STRONG = 'lantern meadow copper violin';
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const post = (url: string, payload: object, cookie?: string, ip = '10.2.0.1') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...CSRF, ...(cookie ? { cookie } : {}) },
    payload,
    remoteAddress: ip,
  });

let ipCounter = 0;
/** A world with one enquiry that asked for the therapist's first free slot. */
async function requestedWorld(
  emailOf: (w: Awaited<ReturnType<typeof intakeWorld>>) => string = () => 'sam@example.com',
) {
  const w = await intakeWorld(t.ctx);
  const email = emailOf(w);
  ipCounter += 1;
  const ip = `10.2.${ipCounter}.1`;
  const sent = await post(`/api/public/practices/${w.slug}/intakes`, intakeForm({ email }), undefined, ip);
  const token = (sent.json().statusPath as string).replace('/enquiry/', '');
  const slots = (await get(`/api/public/intakes/${token}/slots?therapistId=${w.therapistId}`)).json().slots as string[];
  const start = slots[0] ?? '';
  const asked = await post(`/api/public/intakes/${token}/request`, {
    kind: 'consultation',
    therapistId: w.therapistId,
    start,
  });
  expect(asked.statusCode, asked.body).toBe(200);
  const [row] = await scopedQuery<{ id: string }>(t.ctx, w.practiceId, 'SELECT id FROM intakes');
  return { ...w, token, start, intakeId: row?.id ?? '' };
}

const accept = (w: { intakeId: string }, cookie: string | undefined, message = 'I look forward to meeting you.') =>
  post(`/api/intakes/${w.intakeId}/decision`, { decision: 'accept', message }, cookie);

async function counts(practiceId: string) {
  const [row] = await scopedQuery<Record<string, string>>(
    t.ctx,
    practiceId,
    `SELECT (SELECT count(*) FROM users WHERE email = 'sam@example.com')::text AS users,
            (SELECT count(*) FROM invitations WHERE email = 'sam@example.com')::text AS invitations,
            (SELECT count(*) FROM outbox WHERE kind = 'invitation')::text AS invitation_emails,
            (SELECT count(*) FROM episodes e JOIN users u ON u.id = e.client_id WHERE u.email = 'sam@example.com')::text AS episodes,
            (SELECT count(*) FROM appointments a JOIN users u ON u.id = a.client_id WHERE u.email = 'sam@example.com')::text AS appointments`,
  );
  return row;
}

/** The invitation link in the e-mail to the person, read as the admin reads the outbox. */
async function invitationToken(adminCookie: string, to: string): Promise<string> {
  const list = (await get('/api/outbox', adminCookie)).json() as { id: string; to: string; subject: string }[];
  const message = list.find((m) => m.to === to && /invit/i.test(m.subject));
  if (!message) throw new Error(`no invitation e-mail to ${to}: ${JSON.stringify(list)}`);
  const body = (await get(`/api/outbox/${message.id}`, adminCookie)).json().body as string;
  const match = /\/invite\/(\S+)/.exec(body);
  if (!match?.[1]) throw new Error('no invitation link in the e-mail');
  return match[1];
}

describe('accepting an enquiry', () => {
  it('makes the client account, the invitation e-mail, an assessment episode and the consultation in one go', async () => {
    const w = await requestedWorld();
    const accepted = await accept(w, w.cookies.therapist);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', consultationStart: w.start });

    const [intake] = await scopedQuery<Record<string, string | null>>(
      t.ctx,
      w.practiceId,
      'SELECT client_id, episode_id, appointment_id, invitation_id FROM intakes WHERE id = $1',
      [w.intakeId],
    );
    // The enquiry names the client it became, for a link to their page.
    expect(accepted.json().clientId).toBe(intake?.client_id);
    const detail = await get(`/api/intakes/${w.intakeId}`, w.cookies.therapist);
    expect(detail.json()).toMatchObject({ status: 'accepted', clientId: intake?.client_id });
    const [episode] = await scopedQuery<{ status: string; therapist_id: string; client_id: string }>(
      t.ctx,
      w.practiceId,
      'SELECT status, therapist_id, client_id FROM episodes WHERE id = $1',
      [intake?.episode_id],
    );
    expect(episode).toEqual({ status: 'assessment', therapist_id: w.therapistId, client_id: intake?.client_id });
    const [appointment] = await scopedQuery<{ kind: string; starts_at: Date; status: string; fee_pence: number }>(
      t.ctx,
      w.practiceId,
      'SELECT kind, starts_at, status, fee_pence FROM appointments WHERE id = $1',
      [intake?.appointment_id],
    );
    expect(appointment).toMatchObject({ kind: 'consultation', status: 'scheduled', fee_pence: 0 });
    expect(appointment?.starts_at.toISOString()).toBe(w.start);
    const [user] = await scopedQuery<{ password_hash: string | null; display_name: string }>(
      t.ctx,
      w.practiceId,
      'SELECT password_hash, display_name FROM users WHERE id = $1',
      [intake?.client_id],
    );
    expect(user).toEqual({ password_hash: null, display_name: 'Sam Rivers' });
    const mail = await scopedQuery<{ kind: string; to_address: string }>(
      t.ctx,
      w.practiceId,
      `SELECT kind, to_address FROM outbox WHERE to_address = 'sam@example.com' ORDER BY created_at`,
    );
    // The invitation and the answer are written in one transaction (the same created_at): compared as a set.
    expect(mail.map((m) => m.kind).sort()).toEqual(['intake_answered', 'intake_received', 'invitation']);

    // The calendar the therapist reads has it.
    const calendar = await get(
      `/api/frame/calendar?from=${w.start.slice(0, 10)}&to=${w.start.slice(0, 10)}`,
      w.cookies.therapist,
    );
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect(JSON.stringify(calendar.json())).toContain(intake?.appointment_id);

    // The person's own page says accepted, with the time.
    const view = (await get(`/api/public/intakes/${w.token}`)).json();
    expect(view).toMatchObject({ status: 'accepted', consultation: { start: w.start } });

    const events = (await auditEventsOf(t.ctx, w.practiceId)).map((e) => e.action);
    expect(events).toEqual(
      expect.arrayContaining([
        'intake.client_created',
        'frame.episode_created',
        'frame.appointment_created',
        'invitation.created',
      ]),
    );
  });

  it('makes nothing twice when accepted again', async () => {
    const w = await requestedWorld();
    expect((await accept(w, w.cookies.therapist)).statusCode).toBe(200);
    const before = await counts(w.practiceId);
    expect(before).toEqual({ users: '1', invitations: '1', invitation_emails: '1', episodes: '1', appointments: '1' });
    const again = await accept(w, w.cookies.admin, 'Retried');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'accepted', message: 'I look forward to meeting you.' });
    expect(await counts(w.practiceId)).toEqual(before);
  });

  it('refuses when the time was taken meanwhile, makes nothing, and the practice can propose another time', async () => {
    const w = await requestedWorld();
    const clientId = w.people.client.userId;
    const [episode] = await scopedQuery<{ id: string }>(
      t.ctx,
      w.practiceId,
      `INSERT INTO episodes (practice_id, therapist_id, client_id, time_zone) VALUES ($1, $2, $3, 'Europe/London') RETURNING id`,
      [w.practiceId, w.therapistId, clientId],
    );
    const start = new Date(w.start);
    await scopedQuery(
      t.ctx,
      w.practiceId,
      `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at, local_start, time_zone)
       VALUES ($1, $2, $3, $4, 'session', $5, $6, 'x', 'Europe/London')`,
      [w.practiceId, episode?.id, w.therapistId, clientId, start, new Date(start.getTime() + 50 * 60_000)],
    );
    const refused = await accept(w, w.cookies.therapist);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'slot_taken' });
    expect(refused.json().message).toContain('Propose another time');
    expect(await counts(w.practiceId)).toEqual({
      users: '0',
      invitations: '0',
      invitation_emails: '0',
      episodes: '0',
      appointments: '0',
    });
    const [status] = await scopedQuery<{ status: string }>(t.ctx, w.practiceId, 'SELECT status FROM intakes');
    expect(status?.status).toBe('requested');
    const proposed = await post(
      `/api/intakes/${w.intakeId}/decision`,
      { decision: 'propose', message: 'That time has gone; please choose another.' },
      w.cookies.therapist,
    );
    expect(proposed.statusCode).toBe(200);
  });

  it('is not for another practice, a client, or a therapist the person did not ask for', async () => {
    const w = await requestedWorld();
    const other = await intakeWorld(t.ctx);
    expect((await accept(w, other.cookies.admin)).statusCode).toBe(404);
    expect((await accept(w, other.cookies.therapist)).statusCode).toBe(404);
    expect((await accept(w, w.cookies.client)).statusCode).toBe(403);
    expect(await counts(w.practiceId)).toMatchObject({ users: '0', episodes: '0', appointments: '0' });
  });

  it('books for a client who already has an account without inviting them again, and refuses a staff address', async () => {
    const known = await requestedWorld((w) => w.people.client.email);
    const accepted = await accept(known, known.cookies.therapist);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const made = await scopedQuery<{ client_id: string; invitation_id: string | null; kind: string }>(
      t.ctx,
      known.practiceId,
      `SELECT i.client_id, i.invitation_id, a.kind FROM intakes i JOIN appointments a ON a.id = i.appointment_id`,
    );
    expect(made).toEqual([{ client_id: known.people.client.userId, invitation_id: null, kind: 'consultation' }]);
    const invitations = await scopedQuery(t.ctx, known.practiceId, 'SELECT 1 FROM invitations');
    expect(invitations).toEqual([]);

    const staff = await requestedWorld((w) => w.people.supervisor.email);
    const refused = await accept(staff, staff.cookies.therapist);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'address_in_use' });
    expect(refused.json().message).toContain('not a client account');
    const episodes = await scopedQuery(t.ctx, staff.practiceId, 'SELECT 1 FROM episodes');
    expect(episodes).toEqual([]);
  });

  it('lets the person accept the invitation, sign in as a client and see the consultation among their sessions', async () => {
    const w = await requestedWorld();
    expect((await accept(w, w.cookies.therapist)).statusCode).toBe(200);
    // Before accepting the invitation the prepared account has no password, so signing in fails.
    const early = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: CSRF,
      payload: { practiceId: w.practiceId, email: 'sam@example.com', password: STRONG },
    });
    expect(early.statusCode).toBe(401);
    const token = await invitationToken(w.cookies.admin, 'sam@example.com');
    const lookup = await get(`/api/invitations/lookup/${token}`);
    expect(lookup.json()).toMatchObject({ email: 'sam@example.com', displayName: 'Sam Rivers', role: 'client' });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: CSRF,
      payload: { token, password: STRONG },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toEqual({ stage: 'active' });
    const cookie = sessionCookieFrom(t.ctx, accepted);
    const frame = await get('/api/frame/me', cookie);
    expect(frame.statusCode, frame.body).toBe(200);
    expect(frame.json().upcoming).toEqual([
      expect.objectContaining({ kind: 'consultation', startsAt: w.start, status: 'scheduled' }),
    ]);
    expect(frame.json().episodes).toEqual([expect.objectContaining({ status: 'assessment' })]);
    // One account: the prepared one, now with its password.
    expect(await counts(w.practiceId)).toMatchObject({ users: '1' });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: CSRF,
      payload: { practiceId: w.practiceId, email: 'sam@example.com', password: STRONG },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    // The care is the therapist's: they see the new client on their caseload.
    const [care] = await scopedQuery<{ therapist_id: string }>(
      t.ctx,
      w.practiceId,
      `SELECT c.therapist_id FROM care_assignments c JOIN users u ON u.id = c.client_id WHERE u.email = 'sam@example.com'`,
    );
    expect(care?.therapist_id).toBe(w.therapistId);
  });
});
