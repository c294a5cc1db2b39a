import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import type { Role } from '../db/schema.js';
import { addPerson, practiceWithEveryRole, sessionCookie, type PersonFixture } from '../test-support/fixtures.js';
import { placeInCare } from '../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Invariant 5, the client's private space: no staff role — the client's own therapist, another
 * therapist, the practice administrator, the supervisor, nor any role of another practice — can
 * read a private entry, a withdrawn entry, the client's tags or their "not ready yet" list, through
 * any route of /api/journal (found from the OpenAPI document, so a new route is covered the day it
 * is added) or directly in SQL as the application role with that person's settings. Search answers
 * only the signed-in client's own entries. The database holds none of the text in plaintext.
 *
 * The data is made through the client's real routes. Markers are random per run, so a match can
 * only come from this test's data.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const run = crypto.randomBytes(5).toString('hex');
const M = {
  private: `privatebody${run}`,
  dreamBody: `dreambody${run}`,
  dreamSetting: `dreamsetting${run}`,
  dreamPeople: `dreampeople${run}`,
  dreamFeeling: `dreamfeeling${run}`,
  dreamDayBefore: `dreamdaybefore${run}`,
  dreamAssociations: `dreamassoc${run}`,
  withdrawn: `withdrawnbody${run}`,
  tag: `tagname${run}`,
  notReady: `notready${run}`,
  /** Shared and live: the own therapist may read it (the positive control); no one else may. */
  shared: `sharedbody${run}`,
};
/** Everything no staff role may ever see. */
const SECRET = [
  M.private,
  M.dreamBody,
  M.dreamSetting,
  M.dreamPeople,
  M.dreamFeeling,
  M.dreamDayBefore,
  M.dreamAssociations,
  M.withdrawn,
  M.tag,
  M.notReady,
];

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  cookie: string;
  payload?: unknown;
}

async function call({ method, url, cookie, payload }: Call) {
  return t.app.inject({
    method,
    url,
    headers: { cookie, ...CSRF, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

async function ok(c: Call) {
  const res = await call(c);
  expect(res.statusCode, `${c.method} ${c.url}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
  return res.json();
}

interface Journal {
  practiceId: string;
  client: PersonFixture;
  clientCookie: string;
  ids: {
    privateId: string;
    dreamId: string;
    withdrawnId: string;
    sharedId: string;
    tagId: string;
    notReadyId: string;
    shareIds: string[];
  };
}

/** A client's journal, made through their routes: private entries, a dream, a withdrawn and a live share, a tag, a note. */
async function writeJournal(practiceId: string, client: PersonFixture): Promise<Journal> {
  const cookie = await sessionCookie(t.ctx, client);
  const save = (id: string, content: Record<string, unknown>) =>
    ok({ method: 'PUT', url: `/api/journal/entries/${id}`, cookie, payload: { baseVersion: 0, ...content } });
  const privateId = crypto.randomUUID();
  await save(privateId, { kind: 'free_association', body: `${M.private} whatever comes`, secondsSpent: 300 });
  const dreamId = crypto.randomUUID();
  await save(dreamId, {
    kind: 'dream',
    body: `${M.dreamBody} a house with too many doors`,
    dreamtOn: '2026-02-01',
    dreamPeriod: 'night',
    details: {
      setting: M.dreamSetting,
      people: M.dreamPeople,
      feelings: [{ name: M.dreamFeeling, intensity: 4 }],
      dayBefore: M.dreamDayBefore,
      associations: M.dreamAssociations,
    },
  });
  const withdrawnId = crypto.randomUUID();
  await save(withdrawnId, { kind: 'reflection', body: `${M.withdrawn} after the session` });
  await ok({ method: 'POST', url: `/api/journal/entries/${withdrawnId}/share`, cookie, payload: { bringNext: true } });
  await ok({ method: 'POST', url: `/api/journal/entries/${withdrawnId}/withdraw`, cookie, payload: {} });
  const sharedId = crypto.randomUUID();
  await save(sharedId, { kind: 'check_in', body: `${M.shared} a steadier week`, mood: 6 });
  await ok({ method: 'POST', url: `/api/journal/entries/${sharedId}/share`, cookie, payload: { bringNext: false } });
  const tag = await ok({ method: 'POST', url: '/api/journal/tags', cookie, payload: { name: M.tag } });
  const tagId = (tag.tag ?? tag).id as string;
  for (const id of [privateId, sharedId]) {
    await ok({ method: 'PUT', url: `/api/journal/entries/${id}/tags`, cookie, payload: { tagIds: [tagId] } });
  }
  const note = await ok({ method: 'POST', url: '/api/journal/not-ready', cookie, payload: { text: M.notReady } });
  const shares = await t.ctx.access.run(
    { practiceId, userId: client.userId, roles: ['client'] },
    async (tx) => (await tx.query<{ id: string }>('SELECT id FROM journal_shares ORDER BY shared_at')).rows,
  );
  return {
    practiceId,
    client,
    clientCookie: cookie,
    ids: {
      privateId,
      dreamId,
      withdrawnId,
      sharedId,
      tagId,
      notReadyId: note.item.id,
      shareIds: shares.map((s) => s.id),
    },
  };
}

interface Staff {
  name: string;
  person: PersonFixture;
  cookie: string;
  /** May read the live share (the client's own therapist). */
  ownTherapist: boolean;
}

async function world() {
  const a = await practiceWithEveryRole(t.ctx, `Journal A ${run}`);
  const otherTherapist = await addPerson(t.ctx, a.practiceId, ['therapist']);
  await placeInCare(t.ctx, a.practiceId, a.people.therapist.userId, a.people.client.userId);
  const secondClient = await addPerson(t.ctx, a.practiceId, ['client']);
  await placeInCare(t.ctx, a.practiceId, a.people.therapist.userId, secondClient.userId);
  const journal = await writeJournal(a.practiceId, a.people.client);
  const b = await practiceWithEveryRole(t.ctx, `Journal B ${run}`);
  await placeInCare(t.ctx, b.practiceId, b.people.therapist.userId, b.people.client.userId);
  const staff: Staff[] = [
    { name: 'own therapist', person: a.people.therapist, cookie: a.cookies.therapist, ownTherapist: true },
    {
      name: 'another therapist',
      person: otherTherapist,
      cookie: await sessionCookie(t.ctx, otherTherapist),
      ownTherapist: false,
    },
    { name: 'practice admin', person: a.people.admin, cookie: a.cookies.admin, ownTherapist: false },
    { name: 'supervisor', person: a.people.supervisor, cookie: a.cookies.supervisor, ownTherapist: false },
    ...(['admin', 'therapist', 'supervisor', 'client'] as Role[]).map((role) => ({
      name: `${role} of another practice`,
      person: b.people[role],
      cookie: b.cookies[role],
      ownTherapist: false,
    })),
    {
      name: 'another client of the same therapist',
      person: secondClient,
      cookie: await sessionCookie(t.ctx, secondClient),
      ownTherapist: false,
    },
  ];
  return { a, b, journal, staff, secondClient };
}

function journalOperations(): { method: Call['method']; path: string }[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/journal'))
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase() as Call['method'], path })),
    );
}

/** Every URL worth trying for a route: each path parameter filled with each id the journal has. */
function urlsFor(path: string, journal: Journal, otherClientId: string): string[] {
  const { ids } = journal;
  const anyId = [
    ids.privateId,
    ids.dreamId,
    ids.withdrawnId,
    ids.sharedId,
    ids.tagId,
    ids.notReadyId,
    ...ids.shareIds,
    journal.client.userId,
  ];
  const choices: Record<string, string[]> = { clientId: [journal.client.userId, otherClientId] };
  let urls = [path];
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const values = choices[name ?? ''] ?? anyId;
    urls = urls.flatMap((url) => values.map((v) => url.replace(`{${name}}`, v)));
  }
  return urls;
}

const QUERIES = [
  '',
  `?q=${M.private}`,
  `?q=${M.dreamSetting}`,
  '?sharing=shared',
  '?sharing=private',
  '?kind=dream',
  '?format=markdown',
  '?format=json',
];

describe('the private space is private from every staff role', () => {
  it('no staff role reads a private or withdrawn entry, a tag or the not-ready list through any journal route', async () => {
    const { journal, staff, secondClient } = await world();
    const ops = journalOperations();
    // The routes the issue names must be among them, so the sweep really covers the journal.
    const keys = new Set(ops.map((op) => `${op.method} ${op.path}`));
    for (const key of [
      'PUT /api/journal/entries/{id}',
      'GET /api/journal/entries',
      'GET /api/journal/not-ready',
      'GET /api/journal/clients/{clientId}/shared',
      'GET /api/journal/clients/{clientId}/shared/{shareId}',
    ]) {
      expect(keys, key).toContain(key);
    }
    const idsNotForStaff = [journal.ids.privateId, journal.ids.dreamId, journal.ids.tagId, journal.ids.notReadyId];
    // Each body the journal's routes take, so a write that would pass validation is tried too.
    const bodies = [
      {},
      { kind: 'reflection', baseVersion: 0, body: 'staff text' },
      { kind: 'reflection', baseVersion: 1, body: 'staff text' },
      { bringNext: true },
      { text: 'staff note' },
      { name: 'staff tag' },
      { tagIds: [journal.ids.tagId] },
    ];
    let calls = 0;
    let ownTherapistSawShared = false;
    for (const who of staff) {
      for (const op of ops) {
        for (const url of urlsFor(op.path, journal, secondClient.userId)) {
          const variants =
            op.method === 'GET' ? QUERIES.map((q) => ({ url: url + q })) : bodies.map((b) => ({ url, b }));
          for (const variant of variants) {
            const res = await call({
              method: op.method,
              url: variant.url,
              cookie: who.cookie,
              ...('b' in variant ? { payload: variant.b } : {}),
            });
            calls += 1;
            const where = `${who.name}: ${op.method} ${variant.url} (${res.statusCode})`;
            expect(res.statusCode, where).toBeLessThan(500);
            // What the caller sent may come back (an entry a client saved under an id they chose); strip it.
            const sent = [variant.url, ...(variant.url.match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? [])];
            const text = sent.reduce((body, value) => body.split(value).join(''), res.body);
            for (const marker of SECRET) expect(text.includes(marker), `${where} leaked ${marker}`).toBe(false);
            for (const id of idsNotForStaff) expect(text.includes(id), `${where} named ${id}`).toBe(false);
            if (text.includes(M.shared)) {
              expect(who.ownTherapist, `${where} showed a shared entry to someone not caring for the client`).toBe(
                true,
              );
              ownTherapistSawShared = true;
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    // The sweep can find content: the client's own therapist does read the live share.
    expect(ownTherapistSawShared).toBe(true);

    // And the client's journal is as they left it.
    const own = await ok({ method: 'GET', url: '/api/journal/entries', cookie: journal.clientCookie });
    expect(own.entries.map((e: { id: string }) => e.id).sort()).toEqual(
      [journal.ids.privateId, journal.ids.dreamId, journal.ids.withdrawnId, journal.ids.sharedId].sort(),
    );
    const notes = await ok({ method: 'GET', url: '/api/journal/not-ready', cookie: journal.clientCookie });
    expect(notes.items.map((i: { text: string }) => i.text)).toEqual([M.notReady]);
  }, 300_000);

  it('in SQL as the application role with each staff member’s settings, row-level security returns no such row', async () => {
    const { a, journal, staff } = await world();
    const { ids } = journal;
    const hidden = [ids.privateId, ids.dreamId, ids.withdrawnId];
    for (const who of staff) {
      const actor: Actor = { practiceId: who.person.practiceId, userId: who.person.userId, roles: who.person.roles };
      const seen = await t.ctx.access.run(actor, async (tx) => {
        const count = async (sql: string, values: unknown[]) => (await tx.query(sql, values)).rowCount;
        return {
          entries: await count('SELECT id FROM journal_entries WHERE id = ANY ($1)', [hidden]),
          anyEntryOfClient: await count('SELECT id FROM journal_entries WHERE client_id = $1 AND id <> $2', [
            journal.client.userId,
            ids.sharedId,
          ]),
          tags: await count('SELECT id FROM journal_tags WHERE client_id = $1', [journal.client.userId]),
          entryTags: await count('SELECT tag_id FROM journal_entry_tags WHERE client_id = $1', [journal.client.userId]),
          notReady: await count('SELECT id FROM journal_not_ready WHERE client_id = $1', [journal.client.userId]),
          shared: await count('SELECT id FROM journal_entries WHERE id = $1', [ids.sharedId]),
        };
      });
      expect(seen, who.name).toEqual({
        entries: 0,
        anyEntryOfClient: 0,
        tags: 0,
        entryTags: 0,
        notReady: 0,
        shared: who.ownTherapist ? 1 : 0,
      });
    }
    // The same therapist with the therapist role missing from the session (signed in as admin only) sees nothing.
    const asAdminOnly: Actor = { practiceId: a.practiceId, userId: a.people.therapist.userId, roles: ['admin'] };
    const rows = await t.ctx.access.run(
      asAdminOnly,
      async (tx) =>
        (await tx.query('SELECT id FROM journal_entries WHERE client_id = $1', [journal.client.userId])).rowCount,
    );
    expect(rows).toBe(0);
    // Writing is no better: a therapist cannot insert or change the client's rows.
    const therapist: Actor = { practiceId: a.practiceId, userId: a.people.therapist.userId, roles: ['therapist'] };
    const changed = await t.ctx.access.run(therapist, async (tx) => ({
      entries: (await tx.query(`UPDATE journal_entries SET mood = 1 WHERE client_id = $1`, [journal.client.userId]))
        .rowCount,
      shares: (
        await tx.query(`UPDATE journal_shares SET withdrawn_at = NULL WHERE client_id = $1`, [journal.client.userId])
      ).rowCount,
      notReady: (await tx.query(`DELETE FROM journal_not_ready WHERE client_id = $1`, [journal.client.userId]))
        .rowCount,
    }));
    expect(changed).toEqual({ entries: 0, shares: 0, notReady: 0 });
  });

  it('a therapist whose care of the client has ended reads nothing more of what was shared', async () => {
    const { a, journal } = await world();
    const therapist = a.people.therapist;
    const cookie = a.cookies.therapist;
    const list = `/api/journal/clients/${journal.client.userId}/shared`;
    const before = await call({ method: 'GET', url: list, cookie });
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain(M.shared);
    await t.ctx.access.run({ practiceId: a.practiceId, userId: null, roles: [] }, (tx) =>
      tx.query('UPDATE care_assignments SET ended_at = now() WHERE therapist_id = $1 AND client_id = $2', [
        therapist.userId,
        journal.client.userId,
      ]),
    );
    const urls = [list, ...journal.ids.shareIds.map((id) => `${list}/${id}`), '/api/journal/shared-summary'];
    for (const url of urls) {
      const res = await call({ method: 'GET', url, cookie });
      expect(res.statusCode === 404 || res.statusCode === 200, `${url}: ${res.statusCode}`).toBe(true);
      expect(res.body, url).not.toContain(M.shared);
      expect(res.body, url).not.toContain(journal.client.userId);
    }
    const actor: Actor = { practiceId: a.practiceId, userId: therapist.userId, roles: ['therapist'] };
    const rows = await t.ctx.access.run(
      actor,
      async (tx) => (await tx.query('SELECT id FROM journal_entries WHERE id = $1', [journal.ids.sharedId])).rowCount,
    );
    expect(rows).toBe(0);
  });

  it('search never answers another client’s entries', async () => {
    const { a, b, journal, secondClient } = await world();
    const words = [M.private, M.dreamSetting, M.shared, M.withdrawn, 'doors'];
    const others = [await sessionCookie(t.ctx, secondClient), b.cookies.client];
    for (const cookie of others) {
      for (const q of words) {
        const res = await call({ method: 'GET', url: `/api/journal/entries?q=${encodeURIComponent(q)}`, cookie });
        expect(res.statusCode).toBe(200);
        expect(res.json().entries, q).toEqual([]);
      }
    }
    // The client's own search finds them (so the empty answers above mean something).
    const own = await ok({
      method: 'GET',
      url: `/api/journal/entries?q=${M.dreamSetting}`,
      cookie: journal.clientCookie,
    });
    expect(own.entries.map((e: { id: string }) => e.id)).toEqual([journal.ids.dreamId]);
    expect(a.practiceId).toBe(journal.practiceId);
  });

  it('the database holds no plaintext of entry text, dream details, tags or the not-ready list', async () => {
    await world();
    const dump = await dumpDatabase();
    expect(dump).toContain('-- journal_entries');
    expect(dump).toContain('uc1.clinical.');
    for (const marker of [...SECRET, M.shared]) {
      expect(dump.includes(marker), marker).toBe(false);
      expect(dump.includes(Buffer.from(marker).toString('base64').slice(0, 16)), `${marker} (base64)`).toBe(false);
    }
  });
});

/** Every row of every table, read as a superuser (bypassing row-level security, as pg_dump does). */
async function dumpDatabase(): Promise<string> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const superuser = await client.query<{ rolsuper: boolean }>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    expect(superuser.rows[0]?.rolsuper, 'the dump must bypass RLS, as pg_dump does').toBe(true);
    const tables = await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
    );
    let dump = '';
    for (const { relname } of tables.rows) {
      const rows = await client.query(`SELECT t::text AS line FROM ${client.escapeIdentifier(relname)} t`);
      dump += `-- ${relname}\n${rows.rows.map((r: { line: string }) => r.line).join('\n')}\n`;
    }
    return dump;
  } finally {
    await client.end();
  }
}
