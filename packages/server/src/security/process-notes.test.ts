import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { practiceWithEveryRole, addPerson, sessionCookie, type PersonFixture } from '../test-support/fixtures.js';
import { addSession, careEpisode, DAY, placeInCare } from '../test-support/frame-fixtures.js';
import { pdfText } from '../test-support/pdf-text.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Process notes ("psychotherapy notes", HIPAA 45 CFR 164.501) are their author's alone. Named
 * security tests of issue 5: the practice admin, a supervisor, the client, another therapist and
 * another therapist who ALSO cares for the same client read nothing of them through any route of
 * the app (every operation in the OpenAPI document, so a route added later is swept the day it is
 * added), nor in SQL as the application role with their settings; the body is sealed under the
 * practice's separate "process" data key and no table holds it in plaintext; and no export carries
 * them — the default subject-access pack included (its own named tests are in
 * subject-access-process-notes.test.ts). The world holds an open subject-access request about the
 * client and a default pack, so the sweep tries every subject-access route with their ids too.
 *
 * Markers are random per run, so a match can only come from this test's data.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const run = crypto.randomBytes(5).toString('hex');
const M = { session: `processsession${run}`, general: `processgeneral${run}` };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Call {
  method: Method;
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

interface Denied {
  name: string;
  person: PersonFixture;
}

async function world() {
  const a = await practiceWithEveryRole(t.ctx, `Process A ${run}`);
  const author = a.people.therapist;
  const client = a.people.client;
  const episodeId = await careEpisode(t, a.practiceId, author, client);
  const pair = {
    therapist: author,
    client,
    therapistCookie: a.cookies.therapist,
    clientCookie: a.cookies.client,
    episodeId,
  };
  const sessionId = await addSession(t, a.practiceId, pair, new Date(Date.now() - 7 * DAY), { status: 'attended' });
  const coCarer = await addPerson(t.ctx, a.practiceId, ['therapist'], { displayName: 'Co-therapist' });
  await placeInCare(t.ctx, a.practiceId, coCarer.userId, client.userId);
  const otherTherapist = await addPerson(t.ctx, a.practiceId, ['therapist'], { displayName: 'Other therapist' });
  const otherClient = await addPerson(t.ctx, a.practiceId, ['client']);
  await placeInCare(t.ctx, a.practiceId, otherTherapist.userId, otherClient.userId);

  const save = (id: string, appointmentId: string | null, body: string) =>
    ok({
      method: 'PUT',
      url: `/api/record/process-notes/${id}`,
      cookie: a.cookies.therapist,
      payload: { clientId: client.userId, appointmentId, baseVersion: 0, body },
    });
  const sessionNoteId = crypto.randomUUID();
  await save(sessionNoteId, sessionId, `${M.session} what stirred in me when she fell silent`);
  const generalNoteId = crypto.randomUUID();
  await save(generalNoteId, null, `${M.general} a hunch about the holidays`);

  // An open subject-access request about the client, and its default pack (no author has decided).
  const today = new Date().toISOString().slice(0, 10);
  const sar = (
    await ok({
      method: 'POST',
      url: '/api/subject-access/requests',
      cookie: a.cookies.admin,
      payload: { clientId: client.userId, receivedOn: today, channel: 'email', requester: 'client' },
    })
  ).request as { id: string };
  const sarPack = (
    await ok({ method: 'POST', url: `/api/subject-access/requests/${sar.id}/packs`, cookie: a.cookies.admin })
  ).request.packs[0] as { id: string };

  const denied: Denied[] = [
    { name: 'practice admin', person: a.people.admin },
    { name: 'supervisor', person: a.people.supervisor },
    { name: 'the client', person: client },
    { name: 'another therapist', person: otherTherapist },
    { name: 'another therapist who also cares for the client', person: coCarer },
  ];
  return {
    a,
    author,
    client,
    coCarer,
    sessionId,
    noteIds: [sessionNoteId, generalNoteId],
    sarIds: [sar.id, sarPack.id],
    denied,
  };
}

type World = Awaited<ReturnType<typeof world>>;

function operations(): { method: Method; path: string }[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase() as Method, path })),
  );
}

/** Each path parameter filled with each id worth trying: the process notes', the client's, the session's. */
function urlsFor(path: string, w: World): string[] {
  const anyId = [...w.noteIds, w.client.userId, w.sessionId, ...w.sarIds];
  let urls = [path];
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const values = name === 'clientId' ? [w.client.userId] : name === 'noteId' ? w.noteIds : anyId;
    urls = urls.flatMap((url) => values.map((v) => url.replace(`{${name}}`, v)));
  }
  return urls;
}

const QUERIES = ['', '?format=json', '?format=markdown', `?q=${M.session}`];
const MARKERS = [M.session, M.general];

/** The response with what the caller sent (ids in the URL or body, which may come back) taken out. */
function received(body: string, url: string, payload?: unknown): string {
  const sent = [url, ...(url.match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? [])];
  if (payload !== undefined) sent.push(...(JSON.stringify(payload).match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? []));
  return sent.reduce((text, value) => text.split(value).join(''), body);
}

describe('process notes are their author’s alone', () => {
  it('no admin, supervisor, client or other therapist (even one caring for the client) reads them through any route', async () => {
    const w = await world();
    const ops = operations();
    const keys = new Set(ops.map((op) => `${op.method} ${op.path}`));
    for (const key of [
      'GET /api/record/clients/{clientId}/process-notes',
      'GET /api/record/process-notes/{id}',
      'PUT /api/record/process-notes/{id}',
      'DELETE /api/record/process-notes/{id}',
      'GET /api/subject-access/reviews',
      'PUT /api/subject-access/requests/{id}/process-notes/{noteId}',
      'GET /api/subject-access/packs/{id}/json',
      'GET /api/subject-access/packs/{id}/pdf',
    ]) {
      expect(keys, key).toContain(key);
    }

    // The positive control: the sweep can find a process note — the author reads theirs, and only
    // through the process-note routes and their subject-access review (no other answer of the app
    // carries one, even to its author).
    const authorCookie = await sessionCookie(t.ctx, w.author);
    const seenBy = new Set<string>();
    for (const op of ops.filter((o) => o.method === 'GET')) {
      for (const url of urlsFor(op.path, w)) {
        for (const q of QUERIES) {
          const res = await call({ method: 'GET', url: url + q, cookie: authorCookie });
          expect(res.statusCode, `author: GET ${url}${q}`).toBeLessThan(500);
          if (MARKERS.some((m) => res.body.includes(m))) seenBy.add(op.path);
        }
      }
    }
    expect([...seenBy].sort()).toEqual([
      '/api/record/clients/{clientId}/process-notes',
      '/api/record/process-notes/{id}',
      '/api/subject-access/reviews',
    ]);

    const bodies = (who: PersonFixture) => [
      {},
      { clientId: w.client.userId, appointmentId: null, baseVersion: 0, body: `written by ${who.userId}` },
      { clientId: w.client.userId, appointmentId: w.sessionId, baseVersion: 1, body: 'staff text' },
      {
        baseVersion: 1,
        narrative: 'staff text',
        fields: {},
        materialEntryIds: [],
        dreamEntryIds: [],
        defences: [],
        interventions: [],
      },
    ];
    let calls = 0;
    const check = (
      who: Denied,
      where: string,
      res: { statusCode: number; body: string },
      url: string,
      payload?: unknown,
    ) => {
      calls += 1;
      expect(res.statusCode, where).toBeLessThan(500);
      const text = received(res.body, url, payload);
      for (const marker of MARKERS) expect(text.includes(marker), `${where} leaked ${marker}`).toBe(false);
      // The audit log (the admin's, by design) records that a note was saved or read, by its id: never its text.
      if (where.includes(' /api/audit')) return;
      for (const id of w.noteIds) expect(text.includes(id), `${where} named process note ${id}`).toBe(false);
    };
    // Reads first, with one session each; then every write, each with a fresh session (a sign-out or
    // "sign out my other devices" among them must not end the rest of the sweep).
    for (const who of w.denied) {
      const cookie = await sessionCookie(t.ctx, who.person);
      for (const op of ops.filter((o) => o.method === 'GET')) {
        for (const url of urlsFor(op.path, w)) {
          for (const q of QUERIES) {
            const res = await call({ method: 'GET', url: url + q, cookie });
            check(who, `${who.name}: GET ${url}${q} (${res.statusCode})`, res, url + q);
          }
        }
      }
    }
    for (const who of w.denied) {
      for (const op of ops.filter((o) => o.method !== 'GET')) {
        const cookie = await sessionCookie(t.ctx, who.person);
        for (const url of urlsFor(op.path, w)) {
          for (const payload of bodies(who.person)) {
            const res = await call({ method: op.method, url, cookie, payload });
            check(who, `${who.name}: ${op.method} ${url} (${res.statusCode})`, res, url, payload);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(1000);

    // The co-therapist's own record view never says which sessions the author has process notes for.
    const coCookie = await sessionCookie(t.ctx, w.coCarer);
    const coList = await ok({ method: 'GET', url: `/api/record/clients/${w.client.userId}/notes`, cookie: coCookie });
    expect(coList.myProcessNoteAppointmentIds).toEqual([]);
    const ownList = await ok({
      method: 'GET',
      url: `/api/record/clients/${w.client.userId}/notes`,
      cookie: authorCookie,
    });
    expect(ownList.myProcessNoteAppointmentIds).toEqual([w.sessionId]);

    // And the notes are as the author left them: nothing above changed or removed one.
    const own = await ok({
      method: 'GET',
      url: `/api/record/clients/${w.client.userId}/process-notes`,
      cookie: authorCookie,
    });
    expect(own.notes.map((n: { id: string; version: number }) => [n.id, n.version])).toEqual([
      [w.noteIds[1], 1],
      [w.noteIds[0], 1],
    ]);
    expect(own.notes[1].body).toContain(M.session);
  }, 600_000);

  it('in SQL as the application role with each person’s settings, row-level security returns and changes no row', async () => {
    const w = await world();
    for (const who of w.denied) {
      const actor: Actor = { practiceId: who.person.practiceId, userId: who.person.userId, roles: who.person.roles };
      const seen = await t.ctx.access.run(actor, async (tx) => ({
        byId: (await tx.query('SELECT id FROM process_notes WHERE id = ANY ($1)', [w.noteIds])).rowCount,
        ofClient: (await tx.query('SELECT id FROM process_notes WHERE client_id = $1', [w.client.userId])).rowCount,
        ofAuthor: (await tx.query('SELECT id FROM process_notes WHERE author_id = $1', [w.author.userId])).rowCount,
        counted: (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM process_notes')).rows[0]?.n,
        updated: (await tx.query('UPDATE process_notes SET version = version + 1 WHERE id = ANY ($1)', [w.noteIds]))
          .rowCount,
        deleted: (await tx.query('DELETE FROM process_notes WHERE id = ANY ($1)', [w.noteIds])).rowCount,
      }));
      expect(seen, who.name).toEqual({ byId: 0, ofClient: 0, ofAuthor: 0, counted: 0, updated: 0, deleted: 0 });
      // Nor can anyone write a row in the author's name.
      const forged = t.ctx.access.run(actor, async (tx) => {
        const id = crypto.randomUUID();
        await tx.query(
          `INSERT INTO process_notes (id, practice_id, author_id, client_id, body_enc)
           VALUES ($1, app_practice_id(), $2, $3, $4)`,
          [id, w.author.userId, w.client.userId, await tx.encrypt('process', `process_notes.body_enc:${id}`, 'forged')],
        );
      });
      await expect(forged, who.name).rejects.toThrow(/row-level security/);
    }
    // The author sees both (so the zeros above mean something).
    const author: Actor = { practiceId: w.a.practiceId, userId: w.author.userId, roles: ['therapist'] };
    const mine = await t.ctx.access.run(
      author,
      async (tx) => (await tx.query('SELECT id FROM process_notes WHERE id = ANY ($1)', [w.noteIds])).rowCount,
    );
    expect(mine).toBe(2);
  });

  it('are sealed under the practice’s process key, never the clinical one, and no table holds their text', async () => {
    const w = await world();
    const db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    try {
      const rows = await db.query<{ body_enc: string }>('SELECT body_enc FROM process_notes WHERE id = ANY ($1)', [
        w.noteIds,
      ]);
      expect(rows.rows).toHaveLength(2);
      for (const row of rows.rows)
        expect(row.body_enc.startsWith('uc1.process.'), row.body_enc.slice(0, 20)).toBe(true);
    } finally {
      await db.end();
    }
    // The database itself refuses a body sealed under the clinical key.
    const author: Actor = { practiceId: w.a.practiceId, userId: w.author.userId, roles: ['therapist'] };
    const clinical = t.ctx.access.run(author, async (tx) => {
      const id = crypto.randomUUID();
      await tx.query(
        `INSERT INTO process_notes (id, practice_id, author_id, client_id, body_enc)
         VALUES ($1, app_practice_id(), $2, $3, $4)`,
        [id, w.author.userId, w.client.userId, await tx.encrypt('clinical', `process_notes.body_enc:${id}`, 'x')],
      );
    });
    await expect(clinical).rejects.toThrow(/check constraint/);

    const dump = await dumpDatabase();
    expect(dump).toContain('-- process_notes');
    expect(dump).toContain('uc1.process.');
    for (const marker of MARKERS) {
      expect(dump.includes(marker), marker).toBe(false);
      expect(dump.includes(Buffer.from(marker).toString('base64').slice(0, 16)), `${marker} (base64)`).toBe(false);
    }
  });

  it('are in no export: the journal export, the calendar files and subscriptions, the author’s and the client’s', async () => {
    const w = await world();
    const clientCookie = await sessionCookie(t.ctx, w.client);
    const authorCookie = await sessionCookie(t.ctx, w.author);
    const files: { name: string; body: string }[] = [];
    for (const format of ['json', 'markdown']) {
      const res = await call({ method: 'GET', url: `/api/journal/export?format=${format}`, cookie: clientCookie });
      expect(res.statusCode).toBe(200);
      files.push({ name: `journal export (${format})`, body: res.body });
    }
    for (const [who, cookie] of [
      ['author', authorCookie],
      ['client', clientCookie],
    ] as const) {
      const ics = await call({ method: 'GET', url: `/api/frame/appointments/${w.sessionId}/ics`, cookie });
      expect(ics.statusCode, `${who} ics`).toBe(200);
      files.push({ name: `${who}: session .ics`, body: ics.body });
      const feed = await ok({ method: 'POST', url: '/api/frame/feeds', cookie, payload: {} });
      const subscription = await t.app.inject({ method: 'GET', url: new URL(feed.url as string).pathname });
      expect(subscription.statusCode, `${who} feed`).toBe(200);
      files.push({ name: `${who}: calendar subscription`, body: subscription.body });
    }
    // The default subject-access pack, as JSON and as the PDF a reader sees.
    const adminCookie = await sessionCookie(t.ctx, w.a.people.admin);
    const [, packId] = w.sarIds;
    const packJson = await call({
      method: 'GET',
      url: `/api/subject-access/packs/${packId}/json`,
      cookie: adminCookie,
    });
    expect(packJson.statusCode).toBe(200);
    files.push({ name: 'default subject-access pack (JSON)', body: packJson.body });
    const packPdf = await call({ method: 'GET', url: `/api/subject-access/packs/${packId}/pdf`, cookie: adminCookie });
    expect(packPdf.statusCode).toBe(200);
    files.push({ name: 'default subject-access pack (PDF)', body: (await pdfText(packPdf.rawPayload)).text });
    for (const file of files) {
      for (const marker of MARKERS) expect(file.body.includes(marker), `${file.name} holds ${marker}`).toBe(false);
      for (const id of w.noteIds) expect(file.body.includes(id), `${file.name} names ${id}`).toBe(false);
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
