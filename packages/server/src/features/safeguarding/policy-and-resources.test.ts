import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, createPracticeFixture, ownerQuery, sessionCookie } from '../../test-support/fixtures.js';
import { carePair, type CarePair } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * The client's agreement to the practice's written policy (asked again at every new version, kept
 * with its version, only ever by the client), and the practice's own crisis resources (validated,
 * ordered, served with the region's lines for the practice of the request).
 */
let t: TestApp;
let practiceId: string;
let slug: string;
let pair: CarePair;
let adminCookie: string;
let otherClientCookie: string;
let otherPracticeClientCookie: string;
let otherSlug: string;

beforeAll(async () => {
  t = await createTestApp();
  practiceId = await createPracticeFixture(t.ctx, 'Policy Practice');
  pair = await carePair(t, practiceId);
  adminCookie = await sessionCookie(t.ctx, await addPerson(t.ctx, practiceId, ['admin']));
  otherClientCookie = await sessionCookie(t.ctx, await addPerson(t.ctx, practiceId, ['client']));
  const otherPractice = await createPracticeFixture(t.ctx, 'Another Practice');
  otherPracticeClientCookie = await sessionCookie(t.ctx, await addPerson(t.ctx, otherPractice, ['client']));
  const slugs = await ownerQuery<{ id: string; slug: string }>(
    t.ctx,
    practiceId,
    'SELECT id, slug FROM practices WHERE id = ANY($1)',
    [[practiceId, otherPractice]],
  );
  slug = slugs.find((r) => r.id === practiceId)?.slug ?? '';
  otherSlug = slugs.find((r) => r.id === otherPractice)?.slug ?? '';
}, 120_000);
afterAll(async () => t.close());

const call = (cookie: string | null, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : CSRF) },
    ...(payload ? { payload } : {}),
  });
const settings = (policyText: string) => ({
  policyText,
  privateEntryAlerts: 'never',
  escalateAfterMinutes: 240,
  clinicalLeadId: null,
  region: 'GB',
  addedPhrases: [],
  removedPhrases: [],
});

describe('agreeing to the safeguarding policy', () => {
  it('asks a new client, records the version they agreed to, and asks again when the admin publishes a new one', async () => {
    const first = await call(pair.clientCookie, 'GET', '/api/safeguarding/my/policy');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      policyVersion: 1,
      needsAgreement: true,
      agreedVersion: null,
      privateEntryAlerts: 'never',
      escalateAfterMinutes: 240,
    });
    expect(first.json().policyText).toContain('What you write in your journal is yours');

    const agreed = await call(pair.clientCookie, 'POST', '/api/safeguarding/my/policy/agreement', {
      policyVersion: 1,
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json()).toMatchObject({ needsAgreement: false, agreedVersion: 1 });
    const rows = await ownerQuery<{ policy_version: number; agreed_at: Date }>(
      t.ctx,
      practiceId,
      'SELECT policy_version, agreed_at FROM policy_agreements WHERE practice_id = $1 AND client_id = $2',
      [practiceId, pair.client.userId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.policy_version).toBe(1);
    expect(Date.now() - (rows[0]?.agreed_at.getTime() ?? 0)).toBeLessThan(60_000);

    // The therapist sees whether and when, on the risk record.
    const record = await call(
      pair.therapistCookie,
      'GET',
      `/api/safeguarding/clients/${pair.client.userId}/risk-record`,
    );
    expect(record.json().policyAgreement).toMatchObject({ currentVersion: 1, agreedVersion: 1, agreedToCurrent: true });

    // A new version is published: the client is asked again; their earlier agreement is kept.
    const published = await call(
      adminCookie,
      'PUT',
      '/api/safeguarding/settings',
      settings('Version two, in plain words.'),
    );
    expect(published.json().policyVersion).toBe(2);
    const again = await call(pair.clientCookie, 'GET', '/api/safeguarding/my/policy');
    expect(again.json()).toMatchObject({
      policyVersion: 2,
      policyText: 'Version two, in plain words.',
      needsAgreement: true,
      agreedVersion: 1,
    });
    const recordAfter = await call(
      pair.therapistCookie,
      'GET',
      `/api/safeguarding/clients/${pair.client.userId}/risk-record`,
    );
    expect(recordAfter.json().policyAgreement).toMatchObject({
      currentVersion: 2,
      agreedVersion: 1,
      agreedToCurrent: false,
    });

    // Agreeing to the version they read before is refused: they must read the new words.
    const stale = await call(pair.clientCookie, 'POST', '/api/safeguarding/my/policy/agreement', { policyVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('read the new version');
    const now = await call(pair.clientCookie, 'POST', '/api/safeguarding/my/policy/agreement', { policyVersion: 2 });
    expect(now.json()).toMatchObject({ needsAgreement: false, agreedVersion: 2 });
    // Agreeing twice records once.
    await call(pair.clientCookie, 'POST', '/api/safeguarding/my/policy/agreement', { policyVersion: 2 });
    const all = await ownerQuery<{ policy_version: number }>(
      t.ctx,
      practiceId,
      'SELECT policy_version FROM policy_agreements WHERE practice_id = $1 AND client_id = $2 ORDER BY policy_version',
      [practiceId, pair.client.userId],
    );
    expect(all.map((r) => r.policy_version)).toEqual([1, 2]);
    // Another client's standing is their own.
    const other = await call(otherClientCookie, 'GET', '/api/safeguarding/my/policy');
    expect(other.json()).toMatchObject({ needsAgreement: true, agreedVersion: null });
  });

  it('cannot be given by anyone else on the client’s behalf, and is kept as recorded', async () => {
    for (const cookie of [pair.therapistCookie, adminCookie]) {
      const refused = await call(cookie, 'POST', '/api/safeguarding/my/policy/agreement', { policyVersion: 2 });
      expect(refused.statusCode).toBe(403);
    }
    // Even a query that tried would be refused by the database: the app role may insert only the signed-in client's own.
    const attempt = t.ctx.access.run({ practiceId, userId: pair.therapist.userId, roles: ['therapist'] }, (tx) =>
      tx.query('INSERT INTO policy_agreements (practice_id, client_id, policy_version) VALUES ($1, $2, 3)', [
        practiceId,
        pair.client.userId,
      ]),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
    const edit = ownerQuery(t.ctx, practiceId, 'UPDATE policy_agreements SET policy_version = 9 WHERE client_id = $1', [
      pair.client.userId,
    ]);
    await expect(edit).rejects.toThrow(/kept as recorded/);
    // Another client does not read this client's agreement through the risk record.
    const peek = await call(otherClientCookie, 'GET', `/api/safeguarding/clients/${pair.client.userId}/risk-record`);
    expect(peek.statusCode).toBe(403);
  });
});

const LINE = {
  name: 'Northside Crisis Café',
  phone: '0161 496 0000',
  textNumber: null,
  textKeyword: null,
  url: 'https://crisis-cafe.example.org/',
  hours: 'Every evening, 6pm to midnight',
  description: 'A calm place to talk, no appointment needed.',
};
const TEXT_LINE = {
  name: 'Local text line',
  phone: null,
  textNumber: '07700 900123',
  textKeyword: 'CALM',
  url: null,
  hours: '24 hours a day',
  description: '',
};

describe('the practice’s own crisis resources', () => {
  it('are added, ordered, edited and removed by the admin, and shown after the region’s for the practice of the request', async () => {
    expect((await call(adminCookie, 'GET', '/api/safeguarding/crisis-resources')).json()).toEqual({ resources: [] });
    const saved = await call(adminCookie, 'PUT', '/api/safeguarding/crisis-resources', {
      resources: [LINE, TEXT_LINE],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().resources.map((r: { name: string }) => r.name)).toEqual([LINE.name, TEXT_LINE.name]);

    // Signed in as the practice's client: the region's lines, then the practice's own.
    const forClient = (await call(pair.clientCookie, 'GET', '/api/crisis-resources')).json();
    expect(forClient.region).toBe('GB');
    const names = forClient.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual(['Samaritans', 'SHOUT', 'NHS 111 (England)', LINE.name, TEXT_LINE.name]);
    expect(forClient.resources[3]).toEqual({
      name: LINE.name,
      action: 'Call 0161 496 0000. Visit crisis-cafe.example.org. A calm place to talk, no appointment needed.',
      href: 'tel:01614960000',
      availability: LINE.hours,
    });
    expect(forClient.resources[4]).toMatchObject({
      href: 'sms:07700900123?body=CALM',
      action: 'Text CALM to 07700 900123.',
    });

    // The public site's practice, by slug, without signing in; another practice sees none of them.
    const bySlug = (await call(null, 'GET', `/api/crisis-resources?practice=${slug}`)).json();
    expect(bySlug.resources.map((r: { name: string }) => r.name)).toContain(LINE.name);
    const other = (await call(null, 'GET', `/api/crisis-resources?practice=${otherSlug}`)).json();
    expect(other.resources.map((r: { name: string }) => r.name)).not.toContain(LINE.name);
    const otherSignedIn = (
      await call(otherPracticeClientCookie, 'GET', `/api/crisis-resources?practice=${slug}`)
    ).json();
    expect(otherSignedIn.resources.map((r: { name: string }) => r.name)).not.toContain(LINE.name);

    // Reordered, edited, one removed: one save.
    const edited = await call(adminCookie, 'PUT', '/api/safeguarding/crisis-resources', {
      resources: [{ ...TEXT_LINE, hours: 'Any time' }],
    });
    expect(edited.json().resources).toEqual([{ ...TEXT_LINE, hours: 'Any time' }]);
    const after = (await call(pair.clientCookie, 'GET', '/api/crisis-resources')).json();
    expect(after.resources.map((r: { name: string }) => r.name)).toEqual([
      'Samaritans',
      'SHOUT',
      'NHS 111 (England)',
      TEXT_LINE.name,
    ]);
  });

  it('refuses bad phone numbers, web addresses and lengths with messages beside each field, keeping what was saved', async () => {
    const bad = await call(adminCookie, 'PUT', '/api/safeguarding/crisis-resources', {
      resources: [
        { ...LINE, phone: 'call us', url: 'crisis-cafe' },
        { ...TEXT_LINE, name: ' ', hours: '' },
        { ...LINE, phone: null, url: null, textNumber: null },
        { ...LINE, description: 'x'.repeat(501), url: 'ftp://files.example.org' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().fields as { field: string; message: string }[];
    const at = (field: string) => fields.find((f) => f.field === field)?.message ?? '';
    expect(at('resources.0.phone')).toContain('a number someone can dial');
    expect(at('resources.0.url')).toContain('starting with https://');
    expect(at('resources.1.name')).toBe('Resource 2 needs a name.');
    expect(at('resources.1.hours')).toContain('say when it is open');
    expect(at('resources.2.phone')).toContain('at least one way to reach it');
    expect(at('resources.3.description')).toContain('under 500 characters');
    expect(at('resources.3.url')).toContain('https://');
    const tooLong = await call(adminCookie, 'PUT', '/api/safeguarding/crisis-resources', {
      resources: [{ ...LINE, name: 'x'.repeat(201) }],
    });
    expect(tooLong.statusCode).toBe(400);
    // Nothing already saved is lost.
    expect((await call(adminCookie, 'GET', '/api/safeguarding/crisis-resources')).json().resources).toHaveLength(1);
  });

  it('are changed by admins only', async () => {
    for (const cookie of [pair.therapistCookie, pair.clientCookie]) {
      expect((await call(cookie, 'PUT', '/api/safeguarding/crisis-resources', { resources: [] })).statusCode).toBe(403);
      expect((await call(cookie, 'GET', '/api/safeguarding/crisis-resources')).statusCode).toBe(403);
    }
  });
});
