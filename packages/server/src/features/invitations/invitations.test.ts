import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  auditEventsOf,
  practiceWithEveryRole,
  scopedQuery,
  sessionCookie,
} from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const STRONG = 'lantern meadow copper violin';

async function invite(cookie: string, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie, ...CSRF }, payload: body });
}

/** The link in the newest e-mail to `email`, read as an admin through the outbox. */
async function linkFor(adminCookie: string, email: string): Promise<{ token: string; body: string }> {
  const list = await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: adminCookie } });
  const message = (list.json() as { id: string; to: string }[]).find((m) => m.to === email);
  if (!message) throw new Error(`no e-mail to ${email}`);
  const opened = await t.app.inject({
    method: 'GET',
    url: `/api/outbox/${message.id}`,
    headers: { cookie: adminCookie },
  });
  const body = (opened.json() as { body: string }).body;
  const match = /http:\/\/localhost:8080\/invite\/(\S+)/.exec(body);
  if (!match?.[1]) throw new Error('no invitation link in the e-mail');
  return { token: match[1], body };
}

async function accept(token: string, password = STRONG, displayName?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    headers: CSRF,
    payload: { token, password, ...(displayName ? { displayName } : {}) },
  });
}

describe('an admin invites a therapist', () => {
  it('sends a warm e-mail with a single-use link that creates the account and starts MFA enrolment', async () => {
    const p = await practiceWithEveryRole(t.ctx, 'Riverside Therapy');
    const created = await invite(p.cookies.admin, {
      email: 'Ada.Okafor@Example.org',
      displayName: 'Ada Okafor',
      role: 'therapist',
    });
    expect(created.statusCode).toBe(201);
    const invitation = created.json();
    expect(invitation).toMatchObject({
      email: 'ada.okafor@example.org',
      displayName: 'Ada Okafor',
      role: 'therapist',
      status: 'pending',
      invitedByName: 'Test admin',
      acceptedAt: null,
    });
    const days = (Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);

    const outbox = await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: p.cookies.admin } });
    expect(outbox.json()[0]).toMatchObject({
      kind: 'invitation',
      to: 'ada.okafor@example.org',
      status: 'held',
      subject: 'Your invitation from Riverside Therapy',
    });
    const { token, body } = await linkFor(p.cookies.admin, 'ada.okafor@example.org');
    expect(body).toContain('Dear Ada Okafor,');
    expect(body).toContain('Test admin has invited you to join Riverside Therapy on Undercurrent as a therapist.');
    expect(body).toMatch(/expires on \w+day \d{1,2} \w+ \d{4} at \d\d:\d\d \(Europe\/London time\)/);
    expect(body).toContain('two-step verification');
    expect(token).toMatch(new RegExp(`^${p.practiceId}\\.[A-Za-z0-9_-]{43}$`));

    // The token is stored hashed only.
    const stored = await scopedQuery<{ token_hash: Buffer }>(t.ctx, p.practiceId, 'SELECT token_hash FROM invitations');
    expect(stored[0]?.token_hash.toString('utf8')).not.toContain(token.split('.')[1]);

    const lookup = await t.app.inject({ method: 'GET', url: `/api/invitations/lookup/${token}` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toEqual({
      practiceName: 'Riverside Therapy',
      email: 'ada.okafor@example.org',
      displayName: 'Ada Okafor',
      role: 'therapist',
      expiresAt: invitation.expiresAt,
      staff: true,
    });

    const weak = await accept(token, 'password123');
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: 'weak_password' });
    expect(weak.json().message).toMatch(/commonly used|too easy|at least 10/);

    const accepted = await accept(token, STRONG, 'Dr Ada Okafor');
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ stage: 'mfa_enrolment' });
    const cookie = accepted.cookies.find((c) => c.name === t.ctx.cookie.name);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    // The new session is real: in enrolment it may not use staff routes yet.
    const blocked = await t.app.inject({
      method: 'GET',
      url: '/api/people',
      headers: { cookie: `${cookie?.name}=${cookie?.value}` },
    });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error).toBe('session_mfa_enrolment');

    const people = await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.admin } });
    expect(people.json()).toContainEqual(
      expect.objectContaining({
        email: 'ada.okafor@example.org',
        displayName: 'Dr Ada Okafor',
        roles: ['therapist'],
        status: 'active',
        mfaEnabled: false,
      }),
    );

    // Single use.
    const again = await accept(token);
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ error: 'invitation_used' });
    const lookupAgain = await t.app.inject({ method: 'GET', url: `/api/invitations/lookup/${token}` });
    expect(lookupAgain.statusCode).toBe(410);

    const list = await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie: p.cookies.admin } });
    expect(list.json()[0]).toMatchObject({ status: 'accepted' });
    expect(list.json()[0].acceptedAt).not.toBeNull();

    const events = await auditEventsOf(t.ctx, p.practiceId);
    const actions = events.map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'invitation.created:success',
        'invitation.viewed:success',
        'outbox.opened:success',
        'account.created:success',
        'invitation.accepted:success',
        'invitation.accepted:failure',
        'invitation.viewed:failure',
      ]),
    );
    const acceptedEvent = events.find((e) => e.action === 'invitation.accepted' && e.outcome === 'success');
    expect(acceptedEvent?.subject_user_id).toBeTruthy();
    expect(JSON.stringify(events)).not.toContain(token.split('.')[1]);
  });
});

describe('a therapist invites a client', () => {
  it('puts the client in the therapist’s care and signs the client straight in', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const created = await invite(p.cookies.therapist, {
      email: 'sam@example.org',
      displayName: 'Sam Reid',
      role: 'client',
    });
    expect(created.statusCode).toBe(201);
    const { token, body } = await linkFor(p.cookies.admin, 'sam@example.org');
    expect(body).toContain('Test therapist has invited you to your own private space');
    const accepted = await accept(token);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ stage: 'active' });

    const mine = await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.therapist } });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().map((x: { email: string }) => x.email)).toEqual(['sam@example.org']);

    const assignments = await scopedQuery<{ therapist_id: string }>(
      t.ctx,
      p.practiceId,
      'SELECT therapist_id FROM care_assignments',
    );
    expect(assignments).toEqual([{ therapist_id: p.people.therapist.userId }]);
  });

  it('refuses, and audits, a therapist inviting anyone but a client', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const res = await invite(p.cookies.therapist, { email: 'x@example.org', displayName: 'X', role: 'therapist' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/clients only/);
    const events = await auditEventsOf(t.ctx, p.practiceId);
    expect(events.some((e) => e.action === 'invitation.created' && e.outcome === 'denied')).toBe(true);
    const invitations = await scopedQuery(t.ctx, p.practiceId, 'SELECT 1 FROM invitations');
    expect(invitations).toHaveLength(0);
  });

  it('an admin’s client invitation creates no care assignment', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    await invite(p.cookies.admin, { email: 'kit@example.org', displayName: 'Kit', role: 'client' });
    const { token } = await linkFor(p.cookies.admin, 'kit@example.org');
    expect((await accept(token)).statusCode).toBe(201);
    expect(await scopedQuery(t.ctx, p.practiceId, 'SELECT 1 FROM care_assignments')).toHaveLength(0);
  });
});

describe('conflicts', () => {
  it('refuses an address that already has an account, or a pending invitation', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const existing = await invite(p.cookies.admin, {
      email: p.people.client.email.toUpperCase(),
      displayName: 'Again',
      role: 'client',
    });
    expect(existing.statusCode).toBe(409);
    expect(existing.json()).toMatchObject({ error: 'already_member' });

    const disabled = await addPerson(t.ctx, p.practiceId, ['client']);
    await scopedQuery(t.ctx, p.practiceId, `UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled.userId]);
    const off = await invite(p.cookies.admin, { email: disabled.email, displayName: 'Off', role: 'client' });
    expect(off.statusCode).toBe(409);
    expect(off.json()).toMatchObject({ error: 'account_disabled' });

    expect(
      (await invite(p.cookies.admin, { email: 'new@example.org', displayName: 'N', role: 'supervisor' })).statusCode,
    ).toBe(201);
    const twice = await invite(p.cookies.admin, { email: 'new@example.org', displayName: 'N', role: 'supervisor' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'invitation_pending' });

    const failures = (await auditEventsOf(t.ctx, p.practiceId)).filter(
      (e) => e.action === 'invitation.created' && e.outcome === 'failure',
    );
    expect(failures.map((e) => e.details.reason)).toEqual(['already_member', 'account_disabled', 'invitation_pending']);
  });

  it('refuses to create a second account when the address got one after the invitation was sent', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    await invite(p.cookies.admin, { email: 'late@example.org', displayName: 'Late', role: 'client' });
    const { token } = await linkFor(p.cookies.admin, 'late@example.org');
    await addPerson(t.ctx, p.practiceId, ['client'], { email: 'late@example.org' });
    const res = await accept(token);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/already an account for late@example.org/);
    const lookup = await t.app.inject({ method: 'GET', url: `/api/invitations/lookup/${token}` });
    expect(lookup.statusCode).toBe(200); // still unused: the admin can withdraw it
  });
});

describe('two invitations waiting for one address', () => {
  it('accepted at the same moment, one creates the account and the other is refused with a 409, not a 500', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const email = 'twice@example.org';
    // An invitation that expired, a new one sent after it, then the expired one resent: both usable.
    const first = await invite(p.cookies.admin, { email, displayName: 'Twice', role: 'client' });
    await scopedQuery(t.ctx, p.practiceId, `UPDATE invitations SET expires_at = now() - interval '1 minute'`);
    expect((await invite(p.cookies.admin, { email, displayName: 'Twice', role: 'client' })).statusCode).toBe(201);
    const second = await linkFor(p.cookies.admin, email);
    const resent = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${first.json().id}/resend`,
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(resent.statusCode).toBe(200);
    const firstAgain = await linkFor(p.cookies.admin, email);
    expect(firstAgain.token).not.toBe(second.token);

    // Hold new accounts back until both acceptances are waiting, so they truly meet.
    const gate = await t.ctx.pools.owner.connect();
    await gate.query('BEGIN; LOCK TABLE users IN SHARE MODE');
    const both = Promise.all([accept(firstAgain.token), accept(second.token)]);
    for (let i = 0; i < 200; i++) {
      const waiting = await t.ctx.pools.owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = 'undercurrent-app' AND wait_event_type = 'Lock'
            AND (query LIKE 'INSERT INTO users%' OR query LIKE '%pg_advisory_xact_lock%')`,
      );
      if ((waiting.rows[0]?.n ?? 0) >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await gate.query('COMMIT');
    gate.release();
    const answers = await both;
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json().message).toMatch(/already an account/);
    expect(await scopedQuery(t.ctx, p.practiceId, 'SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(1);
  });
});

describe('resend and revoke', () => {
  it('resend issues a new link and expiry; the old link stops working', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const created = (
      await invite(p.cookies.admin, { email: 'r@example.org', displayName: 'R', role: 'client' })
    ).json();
    const first = await linkFor(p.cookies.admin, 'r@example.org');
    await scopedQuery(t.ctx, p.practiceId, `UPDATE invitations SET expires_at = now() - interval '1 hour'`);
    const expired = await t.app.inject({ method: 'GET', url: `/api/invitations/lookup/${first.token}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ error: 'invitation_expired' });
    expect(expired.json().message).toMatch(/expired on .* ask the person who invited you for a new invitation/);

    const resent = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${created.id}/resend`,
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(resent.statusCode).toBe(200);
    expect(resent.json().status).toBe('pending');
    expect(Date.parse(resent.json().expiresAt)).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    const outbox = await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: p.cookies.admin } });
    expect(outbox.json()).toHaveLength(2);

    const second = await linkFor(p.cookies.admin, 'r@example.org');
    expect(second.token).not.toBe(first.token);
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/lookup/${first.token}` })).statusCode).toBe(404);
    expect((await accept(second.token)).statusCode).toBe(201);

    const afterAccept = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${created.id}/resend`,
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(afterAccept.statusCode).toBe(409);
    const revokeAccepted = await t.app.inject({
      method: 'DELETE',
      url: `/api/invitations/${created.id}`,
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(revokeAccepted.statusCode).toBe(409);
  });

  it('revoke withdraws the link; a therapist can only touch their own invitations', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const byAdmin = (
      await invite(p.cookies.admin, { email: 'a@example.org', displayName: 'A', role: 'client' })
    ).json();
    const byTherapist = (
      await invite(p.cookies.therapist, { email: 'b@example.org', displayName: 'B', role: 'client' })
    ).json();

    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/invitations',
      headers: { cookie: p.cookies.therapist },
    });
    expect(theirs.json().map((i: { id: string }) => i.id)).toEqual([byTherapist.id]);
    const notTheirs = await t.app.inject({
      method: 'DELETE',
      url: `/api/invitations/${byAdmin.id}`,
      headers: { cookie: p.cookies.therapist, ...CSRF },
    });
    expect(notTheirs.statusCode).toBe(404);

    const { token } = await linkFor(p.cookies.admin, 'b@example.org');
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/invitations/${byTherapist.id}`,
      headers: { cookie: p.cookies.therapist, ...CSRF },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const lookup = await t.app.inject({ method: 'GET', url: `/api/invitations/lookup/${token}` });
    expect(lookup.statusCode).toBe(410);
    expect(lookup.json()).toMatchObject({ error: 'invitation_revoked' });
    expect((await accept(token)).statusCode).toBe(410);
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${byTherapist.id}/resend`,
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(resend.statusCode).toBe(409);

    const filtered = await t.app.inject({
      method: 'GET',
      url: '/api/invitations?status=revoked',
      headers: { cookie: p.cookies.admin },
    });
    expect(filtered.json().map((i: { id: string }) => i.id)).toEqual([byTherapist.id]);
  });

  it('another practice’s admin cannot see or change an invitation', async () => {
    const a = await practiceWithEveryRole(t.ctx);
    const b = await practiceWithEveryRole(t.ctx);
    const created = (
      await invite(a.cookies.admin, { email: 'z@example.org', displayName: 'Z', role: 'client' })
    ).json();
    for (const [method, url] of [
      ['POST', `/api/invitations/${created.id}/resend`],
      ['DELETE', `/api/invitations/${created.id}`],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { cookie: b.cookies.admin, ...CSRF } });
      expect(res.statusCode).toBe(404);
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie: b.cookies.admin } });
    expect(list.json()).toEqual([]);
  });
});

describe('who may use the invitation routes', () => {
  it('refuses supervisors, clients and people not signed in', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    for (const cookie of [p.cookies.supervisor, p.cookies.client]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie } })).statusCode).toBe(
        403,
      );
      expect((await invite(cookie, { email: 'q@example.org', displayName: 'Q', role: 'client' })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/invitations' })).statusCode).toBe(401);
    const enrolling = await sessionCookie(t.ctx, p.people.admin, 'mfa_enrolment');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie: enrolling } })).statusCode,
    ).toBe(401);
  });

  it('answers bad input with a 4xx a person can act on', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const cases = [
      { email: 'not-an-address', displayName: 'X', role: 'client' },
      { email: 'x@example.org', displayName: '', role: 'client' },
      { email: 'x@example.org', displayName: '   ', role: 'client' },
      { email: 'x@example.org', displayName: 'X', role: 'owner' },
      { email: 'x@example.org', displayName: 'X', role: 'client', extra: 1 },
    ];
    for (const body of cases) {
      const res = await invite(p.cookies.admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message.length).toBeGreaterThan(5);
    }
    for (const token of ['nonsense', `${p.practiceId}.${'A'.repeat(43)}`, `${crypto.randomUUID()}.${'A'.repeat(43)}`]) {
      const lookup = await t.app.inject({ method: 'GET', url: `/api/invitations/lookup/${encodeURIComponent(token)}` });
      expect(lookup.statusCode).toBe(404);
      expect(lookup.json().message).toMatch(/could not find this invitation/);
      expect((await accept(token)).statusCode).toBe(404);
    }
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: 'x', password: STRONG },
    });
    expect(noCsrf.statusCode).toBe(403);
    const badId = await t.app.inject({
      method: 'DELETE',
      url: '/api/invitations/not-a-uuid',
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(badId.statusCode).toBe(400);
  });
});
