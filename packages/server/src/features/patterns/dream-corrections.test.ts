import crypto from 'node:crypto';
import {
  applyCorrections,
  codeContents,
  codeDream,
  dreamIndicators,
  HVDC_NORMS,
  hProfile,
  type DreamCodeCorrection,
} from '@undercurrent/clinical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, auditEventsOf, practiceWithEveryRole, sessionCookie } from '../../test-support/fixtures.js';
import { placeInCare } from '../../test-support/frame-fixtures.js';
import { CHASE_DREAM, chaseCorrections } from '../../test-support/dream-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * The therapist's corrections of dream codes: read the automatic codes, correct them, and the
 * indicators of the patterns view use the corrected codes exactly as the HVdC arithmetic says; a stale
 * save is refused with nothing lost; nobody but a therapist caring for the client reads or writes them.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function call(method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, cookie: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie, ...CSRF, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

const DREAMS = [
  CHASE_DREAM,
  'My mother hugged me in the kitchen of our old house. I felt happy and calm.',
  'I was alone on a cliff by the sea and a stranger shouted at me. I felt sad.',
];
const PRIVATE_DREAM = 'My sister and I argued on a train and I hit her.';

async function world() {
  const p = await practiceWithEveryRole(t.ctx, `Dream codes ${crypto.randomUUID()}`);
  const clientId = p.people.client.userId;
  await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, clientId);
  const ids: string[] = [];
  for (const body of [...DREAMS, PRIVATE_DREAM]) {
    const id = crypto.randomUUID();
    const saved = await call('PUT', `/api/journal/entries/${id}`, p.cookies.client, {
      baseVersion: 0,
      kind: 'dream',
      body,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    if (body !== PRIVATE_DREAM) {
      const shared = await call('POST', `/api/journal/entries/${id}/share`, p.cookies.client, { bringNext: false });
      expect(shared.statusCode, shared.body).toBe(200);
    }
    ids.push(id);
  }
  return { p, clientId, ids, base: `/api/patterns/clients/${clientId}` };
}

const valuesOf = (profile: {
  proportions: { indicator: string; value: unknown }[];
  rates: { indicator: string; value: unknown }[];
}) => Object.fromEntries([...profile.proportions, ...profile.rates].map((e) => [e.indicator, e.value]));

describe('dream code corrections', () => {
  it('lists the shared dreams, corrects one, and the h-profile counts the corrected codes exactly', async () => {
    const { p, ids, base } = await world();
    const list = await call('GET', `${base}/dreams`, p.cookies.therapist);
    expect(list.statusCode, list.body).toBe(200);
    const dreams = list.json().dreams as { entryId: string; corrected: boolean; codes: unknown[] }[];
    expect(dreams.map((d) => d.entryId)).toEqual(ids.slice(0, 3));
    expect(dreams.every((d) => !d.corrected)).toBe(true);

    // Before: the profile is the automatic codes' arithmetic.
    const automatic = DREAMS.map((d) => codeDream(d));
    const before = (await call('GET', base, p.cookies.therapist)).json();
    expect(before.dreams).toMatchObject({ count: 3, corrected: 0 });
    expect(before.dreams.how).toMatch(/none corrected by the therapist/);
    expect(valuesOf(before.dreams.profile)).toEqual(
      valuesOf(hProfile(dreamIndicators(automatic.map(codeContents)), HVDC_NORMS.women)),
    );

    const detail = (await call('GET', `${base}/dreams/${ids[0]}`, p.cookies.therapist)).json();
    expect(detail).toMatchObject({ text: DREAMS[0], version: 0, corrections: [], unmatched: 0, editedSince: false });
    expect(detail.automatic).toEqual(JSON.parse(JSON.stringify(automatic[0])));
    // The therapist reads the chase as a verbal threat the dreamer witnessed (test-support/dream-fixtures.ts).
    const { chase, corrections } = chaseCorrections(detail.automatic);
    const saved = await call('PUT', `${base}/dreams/${ids[0]}/corrections`, p.cookies.therapist, {
      baseVersion: 0,
      corrections,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, unmatched: 0 });
    expect(saved.json().codes.find((c: { id: string }) => c.id === chase.id)).toMatchObject({
      level: 2,
      source: 'therapist',
    });

    const after = (await call('GET', base, p.cookies.therapist)).json();
    expect(after.dreams).toMatchObject({ count: 3, corrected: 1 });
    expect(after.dreams.how).toContain('1 of 3 dreams corrected by the therapist');
    const expected = hProfile(
      dreamIndicators([applyCorrections(automatic[0]!, corrections).codes, ...automatic.slice(1)].map(codeContents)),
      HVDC_NORMS.women,
    );
    expect(valuesOf(after.dreams.profile)).toEqual(valuesOf(expected));
    const indicator = (view: typeof after, name: string) =>
      view.dreams.profile.proportions.find((e: { indicator: string }) => e.indicator === name).value;
    // The one physical aggression was the chase: now none of the aggressions is physical.
    expect(indicator(before, 'physicalAggression').numerator).toBeGreaterThan(
      indicator(after, 'physicalAggression').numerator,
    );
    expect(indicator(after, 'dreamsWithFailure').numerator).toBe(indicator(before, 'dreamsWithFailure').numerator + 1);

    const listed = (await call('GET', `${base}/dreams`, p.cookies.therapist)).json().dreams;
    expect(listed.map((d: { corrected: boolean }) => d.corrected)).toEqual([true, false, false]);

    const actions = (await auditEventsOf(t.ctx, p.practiceId)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'patterns.dreams_listed',
        'patterns.dream_codes_viewed',
        'patterns.dream_codes_corrected',
      ]),
    );
  }, 120_000);

  it('refuses a stale save with 409 and keeps what is stored; a retry of the same save is answered; clearing goes back', async () => {
    const { p, ids, base } = await world();
    const url = `${base}/dreams/${ids[1]}/corrections`;
    const automatic = codeDream(DREAMS[1]!);
    const first: DreamCodeCorrection[] = [{ action: 'remove', id: automatic[0]!.id }];
    expect((await call('PUT', url, p.cookies.therapist, { baseVersion: 0, corrections: first })).statusCode).toBe(200);
    // The same save again (a retry over the version it was made from) is answered with what is stored.
    const retry = await call('PUT', url, p.cookies.therapist, { baseVersion: 0, corrections: first });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json().version).toBe(1);
    // Another save over version 0 (made elsewhere before the first) is refused; the first stays.
    const other: DreamCodeCorrection[] = [{ action: 'remove', id: automatic[1]!.id }];
    const stale = await call('PUT', url, p.cookies.therapist, { baseVersion: 0, corrections: other });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/still in the form/);
    const kept = (await call('GET', `${base}/dreams/${ids[1]}`, p.cookies.therapist)).json();
    expect(kept).toMatchObject({ version: 1, corrections: first });
    expect((await call('DELETE', `${url}?baseVersion=7`, p.cookies.therapist)).statusCode).toBe(409);
    const cleared = await call('DELETE', `${url}?baseVersion=1`, p.cookies.therapist);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ version: 0, corrections: [] });
    expect(cleared.json().codes).toEqual(JSON.parse(JSON.stringify(automatic)));
    expect((await call('GET', base, p.cookies.therapist)).json().dreams.corrected).toBe(0);
  }, 120_000);

  it('answers bad corrections with messages a person can act on, and stores nothing', async () => {
    const { p, ids, base } = await world();
    const url = `${base}/dreams/${ids[0]}/corrections`;
    const put = (body: unknown) => call('PUT', url, p.cookies.therapist, body);
    const misquoted = await put({
      baseVersion: 0,
      corrections: [
        {
          action: 'add',
          id: 't1',
          code: { category: 'success', dreamerInvolved: true },
          evidence: [{ start: 0, end: 5, text: 'Hello' }],
        },
      ],
    });
    expect(misquoted.statusCode).toBe(400);
    expect(misquoted.json().message).toContain('no longer matches');
    const unknown = await put({ baseVersion: 0, corrections: [{ action: 'remove', id: 'c999' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('c999');
    const badLevel = await put({
      baseVersion: 0,
      corrections: [{ action: 'change', id: 'c1', code: { category: 'aggression', level: 9, dreamerRole: 'victim' } }],
    });
    expect(badLevel.statusCode).toBe(400);
    expect((await put({ baseVersion: 0, corrections: [] })).json().message).toContain('Clear corrections');
    // A dream the client keeps private is not one the therapist can reach.
    const privateDream = await call('GET', `${base}/dreams/${ids[3]}`, p.cookies.therapist);
    expect(privateDream.statusCode).toBe(404);
    expect((await call('GET', `${base}/dreams/${ids[0]}`, p.cookies.therapist)).json().version).toBe(0);
  }, 120_000);

  it('nobody but a therapist caring for the client reads or writes the corrections', async () => {
    const { p, clientId, ids, base } = await world();
    const url = `${base}/dreams/${ids[0]}/corrections`;
    const body = { baseVersion: 0, corrections: [{ action: 'remove', id: codeDream(DREAMS[0]!)[0]!.id }] };
    expect((await call('PUT', url, p.cookies.therapist, body)).statusCode).toBe(200);

    // The client: 403 on every staff route.
    expect((await call('GET', `${base}/dreams`, p.cookies.client)).statusCode).toBe(403);
    expect((await call('GET', `${base}/dreams/${ids[0]}`, p.cookies.client)).statusCode).toBe(403);
    expect((await call('PUT', url, p.cookies.client, { ...body, baseVersion: 1 })).statusCode).toBe(403);
    // Another therapist of the same practice, not caring for the client: 404 (no such client for them).
    const colleague = await addPerson(t.ctx, p.practiceId, ['therapist']);
    const colleagueCookie = await sessionCookie(t.ctx, colleague);
    expect((await call('GET', `${base}/dreams/${ids[0]}`, colleagueCookie)).statusCode).toBe(404);
    expect((await call('PUT', url, colleagueCookie, { ...body, baseVersion: 1 })).statusCode).toBe(404);
    expect((await call('DELETE', `${url}?baseVersion=1`, colleagueCookie)).statusCode).toBe(404);
    // A therapist of another practice.
    const other = await practiceWithEveryRole(t.ctx, `Dream codes elsewhere ${crypto.randomUUID()}`);
    expect((await call('GET', `${base}/dreams/${ids[0]}`, other.cookies.therapist)).statusCode).toBe(404);
    expect((await call('PUT', url, other.cookies.therapist, body)).statusCode).toBe(404);

    // Row-level security says the same below the routes: the client and the colleague see no row.
    for (const person of [p.people.client, colleague]) {
      const rows = await t.ctx.access.run(
        { practiceId: p.practiceId, userId: person.userId, roles: person.roles },
        (tx) => tx.query(`SELECT id FROM dream_code_corrections WHERE client_id = $1`, [clientId]),
      );
      expect(rows.rowCount).toBe(0);
    }
    const own = await t.ctx.access.run(
      { practiceId: p.practiceId, userId: p.people.therapist.userId, roles: p.people.therapist.roles },
      (tx) => tx.query(`SELECT id FROM dream_code_corrections WHERE client_id = $1`, [clientId]),
    );
    expect(own.rowCount).toBe(1);
    // The client's own "my patterns" view never uses the therapist's corrections.
    expect((await call('PUT', '/api/patterns/me/settings', p.cookies.client, { ownView: true })).statusCode).toBe(200);
    const mine = (await call('GET', '/api/patterns/me', p.cookies.client)).json();
    expect(mine.dreams.corrected).toBe(0);
    expect(mine.dreams.how).not.toMatch(/therapist/);
  }, 120_000);
});
