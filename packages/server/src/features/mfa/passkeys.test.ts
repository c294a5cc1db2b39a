import crypto from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  addTotpFactor,
  auditEventsOf,
  createPracticeFixture,
  scopedQuery,
  sessionCookie,
  sessionCookieFrom,
  signInThroughApi,
} from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Passkeys against a software authenticator: a real P-256 key pair, real CBOR attestation ("none")
 * and real ECDSA assertions, checked by @simplewebauthn/server exactly as a browser's would be.
 */
const ORIGIN = 'http://localhost:8080';
const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => crypto.createHash('sha256').update(data).digest();

class SoftAuthenticator {
  private readonly keys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  readonly credentialId = crypto.randomBytes(16);
  private counter = 0;

  constructor(private readonly origin = ORIGIN) {}

  private authData(rpId: string, flags: number, attested?: Buffer): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  create(options: { challenge: string; rp: { id?: string } }) {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    const coseKey = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'))],
      [-3, new Uint8Array(Buffer.from(jwk.y ?? '', 'base64url'))],
    ]);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([
      Buffer.alloc(16),
      idLength,
      this.credentialId,
      Buffer.from(isoCBOR.encode(coseKey)),
    ]);
    const authData = this.authData(options.rp.id ?? 'localhost', 0x01 | 0x04 | 0x40, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    const clientDataJSON = JSON.stringify({
      type: 'webauthn.create',
      challenge: options.challenge,
      origin: this.origin,
    });
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(Buffer.from(clientDataJSON)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  get(options: { challenge: string; rpId?: string }) {
    this.counter += 1;
    const authData = this.authData(options.rpId ?? 'localhost', 0x01 | 0x04);
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: this.origin }),
    );
    const signature = crypto.sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.keys.privateKey);
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
      },
      clientExtensionResults: {},
    };
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function post(url: string, cookie: string, payload?: object) {
  return t.app.inject({ method: 'POST', url, headers: { ...CSRF, cookie }, ...(payload ? { payload } : {}) });
}

function removePasskey(cookie: string, id: string, payload?: object) {
  return t.app.inject({
    method: 'DELETE',
    url: `/api/me/mfa/passkeys/${id}`,
    headers: { ...CSRF, cookie },
    ...(payload ? { payload } : {}),
  });
}

async function addPasskey(cookie: string, authenticator: SoftAuthenticator, name = 'Work laptop') {
  const options = await post('/api/me/mfa/passkeys/options', cookie);
  expect(options.statusCode).toBe(200);
  return post('/api/me/mfa/passkeys', cookie, { name, response: authenticator.create(options.json()) });
}

describe('passkeys', () => {
  it('registration options name our relying party and exclude keys already added', async () => {
    const practiceId = await createPracticeFixture(t.ctx, 'Elm Lodge');
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const cookie = await sessionCookie(t.ctx, admin);
    const options = (await post('/api/me/mfa/passkeys/options', cookie)).json();
    expect(options.rp).toEqual({ name: 'Undercurrent (Elm Lodge)', id: 'localhost' });
    expect(options.user.name).toBe(admin.email);
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(options.attestation).toBe('none');
    expect(options.pubKeyCredParams.map((p: { alg: number }) => p.alg)).toContain(-7);
    const [stored] = await scopedQuery<{ webauthn_challenge: string }>(
      t.ctx,
      practiceId,
      'SELECT webauthn_challenge FROM sessions WHERE webauthn_challenge IS NOT NULL',
    );
    expect(stored?.webauthn_challenge).toContain(options.challenge);

    const authenticator = new SoftAuthenticator();
    expect(
      (await post('/api/me/mfa/passkeys', cookie, { name: 'Key', response: authenticator.create(options) })).statusCode,
    ).toBe(200);
    const again = (await post('/api/me/mfa/passkeys/options', cookie)).json();
    expect(again.excludeCredentials.map((c: { id: string }) => c.id)).toEqual([b64url(authenticator.credentialId)]);
  });

  it('enrolling a first passkey gives recovery codes and turns the enrolment session into a new active one', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const cookie = await sessionCookie(t.ctx, admin, 'mfa_enrolment');
    const res = await addPasskey(cookie, new SoftAuthenticator());
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('active');
    expect(res.json().recoveryCodes).toHaveLength(10);
    const fresh = sessionCookieFrom(t.ctx, res) ?? '';
    expect(fresh).not.toBe(cookie);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);

    const list = await t.app.inject({ method: 'GET', url: '/api/me/mfa/passkeys', headers: { cookie: fresh } });
    expect(list.json()).toEqual([
      { id: res.json().id, name: 'Work laptop', createdAt: expect.any(String), lastUsedAt: null },
    ]);

    // A second factor brings no new codes.
    const second = await addPasskey(fresh, new SoftAuthenticator(), 'Phone');
    expect(second.json().recoveryCodes).toBeNull();
    expect(sessionCookieFrom(t.ctx, second)).toBeUndefined();
  });

  it('an enrolment session from before the person set up a factor cannot add a passkey and sign itself in', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    // Someone with the password signed in before the person enrolled; the person then set up an app.
    const { cookie: intruder } = await signInThroughApi(t.app, admin);
    await addTotpFactor(t.ctx, admin);
    const options = await post('/api/me/mfa/passkeys/options', intruder ?? '');
    const res =
      options.statusCode === 200
        ? await post('/api/me/mfa/passkeys', intruder ?? '', {
            name: 'Not theirs',
            response: new SoftAuthenticator().create(options.json()),
          })
        : options;
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/sign in again/i);
    expect(sessionCookieFrom(t.ctx, res)).toBeUndefined();
    expect(await scopedQuery(t.ctx, practiceId, 'SELECT 1 FROM mfa_passkeys')).toHaveLength(0);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: intruder ?? '' } });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a registration made for another origin, and a replayed registration', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const cookie = await sessionCookie(t.ctx, admin);
    const options = (await post('/api/me/mfa/passkeys/options', cookie)).json();
    const phishing = new SoftAuthenticator('https://undercurrent.example.net').create(options);
    const res = await post('/api/me/mfa/passkeys', cookie, { name: 'Key', response: phishing });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/could not be added/);
    // The challenge was used up by that attempt: even a genuine answer to it is refused now.
    const genuine = new SoftAuthenticator().create(options);
    const replay = await post('/api/me/mfa/passkeys', cookie, { name: 'Key', response: genuine });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error).toBe('passkey_expired');
    expect(await scopedQuery(t.ctx, practiceId, 'SELECT 1 FROM mfa_passkeys')).toHaveLength(0);
  });

  it('signs in with a passkey: options, assertion, a renewed session and an updated counter', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const authenticator = new SoftAuthenticator();
    await addPasskey(await sessionCookie(t.ctx, therapist), authenticator);

    const signIn = await signInThroughApi(t.app, therapist);
    expect(signIn.res.json()).toEqual({ stage: 'mfa_required', mfaMethods: ['passkey', 'recovery'] });
    const pending = signIn.cookie ?? '';
    const options = (await post('/api/auth/mfa/passkey/options', pending)).json();
    expect(options.rpId).toBe('localhost');
    expect(options.allowCredentials.map((c: { id: string }) => c.id)).toEqual([b64url(authenticator.credentialId)]);

    const assertion = authenticator.get(options);
    const ok = await post('/api/auth/mfa/passkey', pending, { response: assertion });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ stage: 'active' });
    const active = sessionCookieFrom(t.ctx, ok) ?? '';
    expect(active).not.toBe(pending);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: active } })).statusCode,
    ).toBe(200);
    const [key] = await scopedQuery<{ counter: number; used: boolean }>(
      t.ctx,
      practiceId,
      'SELECT counter, last_used_at IS NOT NULL AS used FROM mfa_passkeys',
    );
    expect(key).toEqual({ counter: 1, used: true });

    // Replaying the same assertion on a new half-signed-in session fails: its challenge is not this one.
    const again = await signInThroughApi(t.app, therapist);
    await post('/api/auth/mfa/passkey/options', again.cookie ?? '');
    const replay = await post('/api/auth/mfa/passkey', again.cookie ?? '', { response: assertion });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error).toBe('passkey_failed');
    const outcomes = (await auditEventsOf(t.ctx, practiceId))
      .filter((e) => e.action === 'auth.mfa_verified')
      .map((e) => e.outcome);
    expect(outcomes).toEqual(['success', 'failure']);
  });

  it('refuses an assertion whose signature was not made by the registered key', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const authenticator = new SoftAuthenticator();
    await addPasskey(await sessionCookie(t.ctx, therapist), authenticator);
    const { cookie } = await signInThroughApi(t.app, therapist);
    const options = (await post('/api/auth/mfa/passkey/options', cookie ?? '')).json();
    const forged = authenticator.get(options);
    const impostor = new SoftAuthenticator().get(options);
    forged.response.signature = impostor.response.signature;
    const res = await post('/api/auth/mfa/passkey', cookie ?? '', { response: forged });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('passkey_failed');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie ?? '' } });
    expect(me.json().session.stage).toBe('mfa_required');
  });

  it('passkey options at sign-in are refused for someone who has none', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    await addTotpFactor(t.ctx, therapist);
    const { cookie } = await signInThroughApi(t.app, therapist);
    const res = await post('/api/auth/mfa/passkey/options', cookie ?? '');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/No passkey/);
  });

  it('staff cannot remove their only passkey, but can once another factor exists', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const cookie = await sessionCookie(t.ctx, therapist);
    const added = (await addPasskey(cookie, new SoftAuthenticator())).json();
    const remove = () => removePasskey(cookie, added.id, { password: therapist.password });
    const refused = await remove();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('last_factor');
    await addTotpFactor(t.ctx, therapist);
    expect((await remove()).statusCode).toBe(200);
    expect((await remove()).statusCode).toBe(404);
    const actions = (await auditEventsOf(t.ctx, practiceId)).map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(['mfa.passkey_added:success', 'mfa.passkey_removed:success']));
  });

  it('removing a passkey asks for the password again', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const cookie = await sessionCookie(t.ctx, client);
    const added = (await addPasskey(cookie, new SoftAuthenticator())).json();

    const missing = await removePasskey(cookie, added.id);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('invalid_request');
    const empty = await removePasskey(cookie, added.id, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toBe('invalid_request');
    const wrong = await removePasskey(cookie, added.id, { password: 'not my password at all' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toBe('wrong_password');
    expect(wrong.json().fields).toEqual([{ field: 'password', message: expect.any(String) }]);
    expect(await scopedQuery(t.ctx, practiceId, 'SELECT 1 FROM mfa_passkeys')).toHaveLength(1);

    const removed = await removePasskey(cookie, added.id, { password: client.password });
    expect(removed.statusCode).toBe(200);
    expect(await scopedQuery(t.ctx, practiceId, 'SELECT 1 FROM mfa_passkeys')).toHaveLength(0);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().mfa).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0, required: false });

    const events = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'mfa.passkey_removed');
    expect(events.map((e) => [e.outcome, e.subject_id, e.details.reason ?? null])).toEqual([
      ['failure', added.id, 'wrong_password'],
      ['success', added.id, null],
    ]);
  });
});
