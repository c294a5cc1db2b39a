import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { ROLES, type Role } from '../db/schema.js';
import {
  addPerson,
  createPracticeFixture,
  scopedQuery,
  sessionCookie,
  type PersonFixture,
} from '../test-support/fixtures.js';
import { pdfText } from '../test-support/pdf-text.js';
import { subjectAccessHelpers, type Method, type SubjectAccessWorld } from '../test-support/subject-access-fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Named security tests of issue 5, part 5: process notes in subject access. The default pack (JSON
 * and the PDF as a reader sees it) holds no process note; after one author includes one note, exactly
 * that note is in the next pack. The practice admin, a supervisor, the client, another therapist, a
 * co-therapist (for the author's notes) and every role of another practice can neither read nor decide
 * on a process note through any subject-access route, nor see a decision in SQL. The admin reads
 * progress-note text only inside a prepared pack, which they deliver (docs/SECURITY.md).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const { send, ok, world, createRequest } = subjectAccessHelpers(() => t);

const processMarkers = (w: SubjectAccessWorld) => [w.M.processSession, w.M.processGeneral, w.M.processCo];

async function packTexts(w: SubjectAccessWorld, packId: string) {
  const json = await send('GET', `/api/subject-access/packs/${packId}/json`, w.adminCookie);
  expect(json.statusCode).toBe(200);
  const pdf = await send('GET', `/api/subject-access/packs/${packId}/pdf`, w.adminCookie);
  expect(pdf.statusCode).toBe(200);
  return { json: json.body, pdf: (await pdfText(pdf.rawPayload)).text.replace(/\s+/g, ' ') };
}

describe('process notes in subject access', () => {
  it('are absent from the default pack (JSON and PDF); an included note is the only one in the next', async () => {
    const w = await world();
    const r = await createRequest(w);
    const first = (await ok('POST', `/api/subject-access/requests/${r.id}/packs`, w.adminCookie)).request;
    const pack1 = await packTexts(w, first.packs[0].id);
    // The positive control: the pack does carry the record.
    expect(pack1.json).toContain(w.M.signed);
    expect(pack1.pdf).toContain(w.M.signed);
    for (const marker of processMarkers(w)) {
      expect(pack1.json.includes(marker), `default JSON holds ${marker}`).toBe(false);
      expect(pack1.pdf.includes(marker), `default PDF holds ${marker}`).toBe(false);
    }
    for (const id of Object.values(w.processNotes)) expect(pack1.json).not.toContain(id);

    await ok('PUT', `/api/subject-access/requests/${r.id}/process-notes/${w.processNotes.general}`, w.authorCookie, {
      include: true,
      reason: 'She asked for it by name',
    });
    await ok('PUT', `/api/subject-access/requests/${r.id}/process-notes/${w.processNotes.session}`, w.authorCookie, {
      include: false,
      reason: 'Would be misleading out of context',
    });
    const second = (await ok('POST', `/api/subject-access/requests/${r.id}/packs`, w.adminCookie)).request;
    const pack2 = await packTexts(w, second.packs[0].id);
    for (const text of [pack2.json, pack2.pdf]) {
      expect(text).toContain(w.M.processGeneral);
      expect(text).not.toContain(w.M.processSession);
      expect(text).not.toContain(w.M.processCo);
      expect(text).toContain('included');
    }
    // A pack prepared for another request of the same client holds none: decisions are per request.
    const other = await createRequest(w, 1);
    const third = (await ok('POST', `/api/subject-access/requests/${other.id}/packs`, w.adminCookie)).request;
    const pack3 = await packTexts(w, third.packs[0].id);
    for (const marker of processMarkers(w)) expect(pack3.json + pack3.pdf).not.toContain(marker);
  });

  it('cannot be read or decided on by the admin, a supervisor, the client, other therapists or another practice through any subject-access route', async () => {
    const w = await world();
    const r = await createRequest(w);
    // One decision already made by the author: nobody else may see its reason or change it.
    const reason = `authorsreason${w.run}`;
    const decided = await ok(
      'PUT',
      `/api/subject-access/requests/${r.id}/process-notes/${w.processNotes.session}`,
      w.authorCookie,
      {
        include: false,
        reason,
      },
    );
    const decidedAt = new Date(decided.note.decision.decidedAt as string);
    const pack = (await ok('POST', `/api/subject-access/requests/${r.id}/packs`, w.adminCookie)).request.packs[0] as {
      id: string;
    };

    const b = await createPracticeFixture(t.ctx, `SAR B ${w.run}`);
    const bPeople = await Promise.all(
      ROLES.map(async (role: Role) => [role, await addPerson(t.ctx, b, [role])] as const),
    );
    const supervisor = w.a.people.supervisor;
    const allMarkers = [...processMarkers(w), reason];
    const authorsMarkers = [w.M.processSession, w.M.processGeneral, reason];
    const who: { name: string; person: PersonFixture; markers: string[] }[] = [
      { name: 'practice admin', person: w.admin, markers: allMarkers },
      { name: 'supervisor', person: supervisor, markers: allMarkers },
      { name: 'the client', person: w.client, markers: allMarkers },
      { name: 'another therapist', person: w.otherTherapist, markers: allMarkers },
      { name: 'the co-therapist (for the author’s notes)', person: w.coAuthor, markers: authorsMarkers },
      ...bPeople.map(([role, person]) => ({ name: `${role} of another practice`, person, markers: allMarkers })),
    ];

    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/subject-access'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase() as Method, path })));
    expect(ops.length).toBeGreaterThanOrEqual(12);
    const ids = [r.id, pack.id, ...Object.values(w.processNotes), w.client.userId];
    const urls = (path: string) => {
      let out = [path];
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        const values = name === 'noteId' ? Object.values(w.processNotes) : ids;
        out = out.flatMap((u) => values.map((v) => u.replace(`{${name}}`, v)));
      }
      return out;
    };
    const bodies = [
      {},
      { include: true, reason: 'forced in' },
      { include: false, reason: 'forced out' },
      { packId: pack.id, method: 'post', deliveredOn: new Date().toISOString().slice(0, 10) },
    ];
    let calls = 0;
    for (const person of who) {
      const cookie = await sessionCookie(t.ctx, person.person);
      for (const op of ops) {
        for (const url of urls(op.path)) {
          for (const payload of op.method === 'GET' ? [undefined] : bodies) {
            const res = await send(op.method, url, cookie, payload);
            calls += 1;
            const where = `${person.name}: ${op.method} ${url} (${res.statusCode})`;
            expect(res.statusCode, where).toBeLessThan(500);
            if (url.includes('/process-notes/')) expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
            for (const marker of person.markers)
              expect(res.body.includes(marker), `${where} leaked ${marker}`).toBe(false);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(300);

    // Nobody but the author made or changed a decision: still exactly the one the author made (the
    // admin may legitimately have delivered or closed the request meanwhile, so read it as the system).
    const decisions = await scopedQuery<{
      process_note_id: string;
      author_id: string;
      include: boolean;
      decided_at: Date;
    }>(t.ctx, w.practiceId, 'SELECT process_note_id, author_id, include, decided_at FROM subject_access_decisions');
    expect(decisions.map((d) => [d.process_note_id, d.author_id, d.include, d.decided_at.getTime()])).toEqual([
      [w.processNotes.session, w.author.userId, false, decidedAt.getTime()],
    ]);
  }, 600_000);

  it('in SQL, decisions are their author’s alone and requests are invisible to supervisors, clients and other therapists', async () => {
    const w = await world();
    const r = await createRequest(w);
    await ok('PUT', `/api/subject-access/requests/${r.id}/process-notes/${w.processNotes.session}`, w.authorCookie, {
      include: true,
      reason: 'fine',
    });
    const actor = (p: PersonFixture): Actor => ({ practiceId: p.practiceId, userId: p.userId, roles: p.roles });
    const seen = async (p: PersonFixture) =>
      t.ctx.access.run(actor(p), async (tx) => ({
        decisions: (await tx.query('SELECT 1 FROM subject_access_decisions')).rowCount,
        requests: (await tx.query('SELECT 1 FROM subject_access_requests')).rowCount,
        packs: (await tx.query('SELECT 1 FROM subject_access_packs')).rowCount,
        changed: (await tx.query('UPDATE subject_access_decisions SET include = NOT include')).rowCount,
      }));
    expect(await seen(w.author)).toEqual({ decisions: 1, requests: 1, packs: 0, changed: 1 });
    expect(await seen(w.admin)).toEqual({ decisions: 0, requests: 1, packs: 0, changed: 0 });
    expect(await seen(w.coAuthor)).toEqual({ decisions: 0, requests: 1, packs: 0, changed: 0 });
    for (const p of [w.a.people.supervisor, w.client, w.otherTherapist]) {
      expect(await seen(p)).toEqual({ decisions: 0, requests: 0, packs: 0, changed: 0 });
    }
    // Nor can anyone write a decision in the author's name.
    const forged = t.ctx.access.run(actor(w.admin), async (tx) =>
      tx.query(
        `INSERT INTO subject_access_decisions (practice_id, request_id, process_note_id, author_id, include, reason_enc)
         VALUES (app_practice_id(), $1, $2, $3, true, $4)`,
        [r.id, w.processNotes.general, w.author.userId, await tx.encrypt('process', 'x', 'forged')],
      ),
    );
    await expect(forged).rejects.toThrow(/row-level security/);
  });

  it('the admin reads progress-note text only inside a prepared pack', async () => {
    const w = await world();
    const r = await createRequest(w);
    for (const url of [
      '/api/subject-access/requests',
      `/api/subject-access/requests/${r.id}`,
      `/api/record/notes/${w.notes.signed}`,
      `/api/record/clients/${w.client.userId}/notes`,
    ]) {
      const res = await send('GET', url, w.adminCookie);
      expect(res.body.includes(w.M.signed), url).toBe(false);
    }
    const pack = (await ok('POST', `/api/subject-access/requests/${r.id}/packs`, w.adminCookie)).request.packs[0];
    expect((await packTexts(w, pack.id)).json).toContain(w.M.signed);
    // The supervisor, who does not deliver packs, cannot download one.
    const supervisorCookie = await sessionCookie(t.ctx, w.a.people.supervisor);
    const denied = await send('GET', `/api/subject-access/packs/${pack.id}/json`, supervisorCookie);
    expect(denied.statusCode).toBe(403);
  });
});
