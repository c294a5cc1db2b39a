import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, ownerQuery, scopedQuery } from '../../test-support/fixtures.js';
import { DAY } from '../../test-support/frame-fixtures.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { subjectAccessHelpers } from '../../test-support/subject-access-fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addCalendarMonths, dueDateFor } from './due-date.js';
import { DREAM_CODES_LEAD } from './pack-sections/dream-codes.js';

/** Subject access requests from receipt to delivery, through the routes. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const { send, ok, world, createRequest } = subjectAccessHelpers(() => t);
const dayOffset = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('recording a request', () => {
  it('computes the due date, counts process notes per author without their text, and audits with the client as subject', async () => {
    const w = await world();
    const created = await send('POST', '/api/subject-access/requests', w.adminCookie, {
      clientId: w.client.userId,
      receivedOn: dayOffset(-3),
      channel: 'in_writing',
      requester: 'representative',
      representative: 'Her sister, with signed consent',
      notes: 'Wants copies of everything.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json().request;
    expect(request).toMatchObject({
      client: { id: w.client.userId },
      receivedOn: dayOffset(-3),
      dueOn: dueDateFor(dayOffset(-3)),
      originalDueOn: dueDateFor(dayOffset(-3)),
      extended: false,
      overdue: false,
      status: 'received',
      representative: 'Her sister, with signed consent',
      notes: 'Wants copies of everything.',
      packs: [],
      deliveries: [],
    });
    expect(request.processNotes).toEqual([
      { author: { id: w.coAuthor.userId, displayName: 'Co Therapist' }, total: 1, decided: 0, included: 0 },
      { author: { id: w.author.userId, displayName: expect.any(String) }, total: 2, decided: 0, included: 0 },
    ]);
    for (const marker of Object.values(w.M)) expect(created.body).not.toContain(marker);
    for (const id of Object.values(w.processNotes)) expect(created.body).not.toContain(id);

    const list = await ok('GET', '/api/subject-access/requests', w.adminCookie);
    expect(list.requests.map((r: { id: string }) => r.id)).toEqual([request.id]);

    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action.startsWith('subject_access.'));
    expect(events.map((e) => [e.action, e.subject_user_id])).toEqual([
      ['subject_access.request_created', w.client.userId],
      ['subject_access.requests_listed', null],
    ]);
  });

  it('refuses bad input with a message: dates in the future, a representative without a name, not a client, missing fields', async () => {
    const w = await world();
    const base = { clientId: w.client.userId, receivedOn: dayOffset(-1), channel: 'email', requester: 'client' };
    const cases: [object, RegExp][] = [
      [{ ...base, receivedOn: dayOffset(2) }, /cannot be in the future/],
      [{ ...base, identityCheckedOn: dayOffset(3) }, /cannot be in the future/],
      [{ ...base, requester: 'representative' }, /who is asking on the client’s behalf/],
      [{ ...base, requester: 'representative', representative: '   ' }, /who is asking/],
      [{ ...base, clientId: w.author.userId }, /not a client of this practice/],
      [{ ...base, receivedOn: '2027-02-30' }, /./],
      [{ ...base, channel: 'carrier pigeon' }, /./],
      [{ clientId: w.client.userId }, /./],
    ];
    for (const [payload, message] of cases) {
      const res = await send('POST', '/api/subject-access/requests', w.adminCookie, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    expect((await ok('GET', '/api/subject-access/requests', w.adminCookie)).requests).toEqual([]);
  });

  it('shows a request past its deadline as overdue, first in the list, until it is closed', async () => {
    const w = await world();
    const recent = await createRequest(w, 2);
    const old = await createRequest(w, 40);
    const list = (await ok('GET', '/api/subject-access/requests', w.adminCookie)).requests;
    expect(list.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([
      [old.id, true],
      [recent.id, false],
    ]);
    expect(list[0].daysLeft).toBeLessThan(0);
    const noReason = await send('POST', `/api/subject-access/requests/${old.id}/close`, w.adminCookie, {
      outcome: 'refused',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('Please give the reason for refusing the request.');
    const closed = await ok('POST', `/api/subject-access/requests/${old.id}/close`, w.adminCookie, {
      outcome: 'withdrawn',
      reason: 'The client wrote to withdraw it.',
    });
    expect(closed.request).toMatchObject({
      status: 'withdrawn',
      overdue: false,
      closedReason: 'The client wrote to withdraw it.',
    });
    const again = await send('PATCH', `/api/subject-access/requests/${old.id}`, w.adminCookie, { notes: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/no longer be changed/);
  });
});

describe('extending the deadline', () => {
  it('allows two further months at most, with a reason and the date the client was told', async () => {
    const w = await world();
    const r = await createRequest(w, 3);
    const receivedOn = dayOffset(-3);
    const url = `/api/subject-access/requests/${r.id}/extension`;
    const latest = addCalendarMonths(receivedOn, 3);
    const cases: [object, RegExp][] = [
      [
        { dueOn: addCalendarMonths(latest, 1), reason: 'Complex', clientToldOn: dayOffset(0) },
        /two further months at most/,
      ],
      [{ dueOn: latest, reason: '', clientToldOn: dayOffset(0) }, /reason for the extension/],
      [{ dueOn: latest, reason: '   ', clientToldOn: dayOffset(0) }, /reason for the extension/],
      [{ dueOn: latest, clientToldOn: dayOffset(0) }, /reason/],
      [{ dueOn: latest, reason: 'Complex', clientToldOn: dayOffset(1) }, /cannot be in the future/],
      [{ dueOn: latest, reason: 'Complex', clientToldOn: dayOffset(-10) }, /before the request was received/],
      [{ dueOn: r.dueOn, reason: 'Complex', clientToldOn: dayOffset(0) }, /after the original one/],
    ];
    for (const [payload, message] of cases) {
      const res = await send('POST', url, w.adminCookie, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    const extended = (
      await ok('POST', url, w.adminCookie, {
        dueOn: latest,
        reason: 'Records held in several places',
        clientToldOn: dayOffset(0),
      })
    ).request;
    expect(extended).toMatchObject({
      dueOn: latest,
      originalDueOn: r.dueOn,
      extended: true,
      extension: { dueOn: latest, reason: 'Records held in several places', clientToldOn: dayOffset(0) },
    });
    // The reason is stored encrypted.
    const stored = await ownerQuery<{ extension_reason_enc: string }>(
      t.ctx,
      w.practiceId,
      'SELECT extension_reason_enc FROM subject_access_requests WHERE id = $1',
      [r.id],
    );
    expect(stored[0]?.extension_reason_enc).toMatch(/^uc1\.clinical\./);
  });
});

describe('process-note decisions, the pack and its delivery', () => {
  it('withholds process notes by default, includes exactly what the author includes, and delivers a named version', async () => {
    const w = await world();
    const r = await createRequest(w);

    // Each author sees their own notes only, with their text; others see no review.
    const mine = (await ok('GET', '/api/subject-access/reviews', w.authorCookie)).reviews;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ requestId: r.id, client: { id: w.client.userId } });
    expect(mine[0].notes.map((n: { id: string; decision: unknown }) => [n.id, n.decision])).toEqual([
      [w.processNotes.session, null],
      [w.processNotes.general, null],
    ]);
    expect(mine[0].notes[0].body).toContain(w.M.processSession);
    const co = (await ok('GET', '/api/subject-access/reviews', w.coCookie)).reviews;
    expect(co[0].notes.map((n: { id: string }) => n.id)).toEqual([w.processNotes.co]);
    const otherCookie = await (await import('../../test-support/fixtures.js')).sessionCookie(t.ctx, w.otherTherapist);
    expect((await ok('GET', '/api/subject-access/reviews', otherCookie)).reviews).toEqual([]);

    // A decision needs a reason; the co-therapist cannot decide on the author's note.
    const decide = (cookie: string, noteId: string, payload: object) =>
      send('PUT', `/api/subject-access/requests/${r.id}/process-notes/${noteId}`, cookie, payload);
    const noReason = await decide(w.authorCookie, w.processNotes.session, { include: false, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/reason for withholding/);
    expect((await decide(w.authorCookie, w.processNotes.session, { include: true })).statusCode).toBe(400);
    expect((await decide(w.coCookie, w.processNotes.session, { include: true, reason: 'x' })).statusCode).toBe(404);
    expect((await decide(w.authorCookie, w.processNotes.co, { include: true, reason: 'x' })).statusCode).toBe(404);

    // The default pack: no process note, signed notes with amendments, no draft, shared entries only.
    const first = (await ok('POST', `/api/subject-access/requests/${r.id}/packs`, w.adminCookie)).request;
    expect(first.status).toBe('pack_ready');
    expect(first.packs).toHaveLength(1);
    expect(first.packs[0]).toMatchObject({ version: 1, includedProcessNotes: 0 });
    const json1 = await send('GET', `/api/subject-access/packs/${first.packs[0].id}/json`, w.adminCookie);
    expect(json1.statusCode).toBe(200);
    expect(json1.headers['content-type']).toMatch(/application\/json/);
    expect(json1.headers['content-disposition']).toMatch(/^attachment; filename="subject-access-.*-v1\.json"$/);
    expect(json1.headers['cache-control']).toBe('no-store');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(json1.rawPayload).digest('hex')).toBe(first.packs[0].sha256);
    const doc1 = JSON.parse(json1.body);
    expect(doc1.sections.map((s: { key: string }) => s.key)).toEqual([
      'account',
      'episodes',
      'sessions',
      'charges',
      'progress_notes',
      'case_formulation',
      'letters',
      'shared_entries',
      'dream_codes',
      'outcome_measures',
      'process_notes',
      'access_log',
    ]);
    const section = (doc: { sections: { key: string; data: unknown }[] }, key: string) =>
      doc.sections.find((s) => s.key === key)?.data as Record<string, unknown>;
    expect(section(doc1, 'progress_notes').unsignedDrafts).toBe(1);
    expect(section(doc1, 'outcome_measures')).toEqual({ measures: [] });
    expect(section(doc1, 'process_notes')).toEqual({ notes: [] });
    expect(section(doc1, 'dream_codes')).toEqual({ lead: DREAM_CODES_LEAD, dreams: [] });
    expect(json1.body).toContain(w.M.signed);
    expect(json1.body).toContain(w.M.amendment);
    expect(json1.body).toContain(w.M.shared);
    for (const absent of [w.M.draft, w.M.private, w.M.processSession, w.M.processGeneral, w.M.processCo]) {
      expect(json1.body).not.toContain(absent);
    }
    const pdf1 = await send('GET', `/api/subject-access/packs/${first.packs[0].id}/pdf`, w.adminCookie);
    expect(pdf1.statusCode).toBe(200);
    expect(pdf1.headers['content-type']).toBe('application/pdf');
    expect(pdf1.headers['content-disposition']).toMatch(/^attachment; filename="subject-access-.*-v1\.pdf"$/);
    expect(pdf1.headers['cache-control']).toBe('no-store');
    const text1 = (await pdfText(pdf1.rawPayload)).text.replace(/\s+/g, ' ');
    expect(text1).toContain('Your records');
    expect(text1).toContain(w.M.signed);
    expect(text1).toContain(w.M.shared);
    for (const absent of [w.M.draft, w.M.private, w.M.processSession, w.M.processGeneral, w.M.processCo]) {
      expect(text1).not.toContain(absent);
    }

    // The author includes one note and withholds the other; the co-therapist decides nothing.
    const included = await decide(w.authorCookie, w.processNotes.session, {
      include: true,
      reason: 'Nothing in it would harm her',
    });
    expect(included.statusCode, included.body).toBe(200);
    expect(included.json().note.decision).toMatchObject({ include: true, reason: 'Nothing in it would harm her' });
    await ok('PUT', `/api/subject-access/requests/${r.id}/process-notes/${w.processNotes.general}`, w.authorCookie, {
      include: false,
      reason: 'Speculative; would mislead',
    });
    const view = (await ok('GET', `/api/subject-access/requests/${r.id}`, w.adminCookie)).request;
    expect(view.processNotes).toEqual([
      expect.objectContaining({ total: 1, decided: 0, included: 0 }),
      expect.objectContaining({ total: 2, decided: 2, included: 1 }),
    ]);

    const second = (await ok('POST', `/api/subject-access/requests/${r.id}/packs`, w.adminCookie)).request;
    expect(
      second.packs.map((p: { version: number; includedProcessNotes: number }) => [p.version, p.includedProcessNotes]),
    ).toEqual([
      [2, 1],
      [1, 0],
    ]);
    const json2 = await send('GET', `/api/subject-access/packs/${second.packs[0].id}/json`, w.adminCookie);
    expect(json2.body).toContain(w.M.processSession);
    expect(json2.body).not.toContain(w.M.processGeneral);
    expect(json2.body).not.toContain(w.M.processCo);
    // The first version is unchanged: what was prepared stays what it was.
    const again1 = await send('GET', `/api/subject-access/packs/${first.packs[0].id}/json`, w.adminCookie);
    expect(again1.body).toBe(json1.body);

    // Delivery: a date in the future, another request's pack → 400; then delivered.
    const deliveries = `/api/subject-access/requests/${r.id}/deliveries`;
    const future = await send('POST', deliveries, w.adminCookie, {
      packId: second.packs[0].id,
      method: 'post',
      deliveredOn: dayOffset(2),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toMatch(/cannot be in the future/);
    const other = await createRequest(w, 1);
    const wrong = await send('POST', `/api/subject-access/requests/${other.id}/deliveries`, w.adminCookie, {
      packId: second.packs[0].id,
      method: 'post',
      deliveredOn: dayOffset(0),
    });
    expect(wrong.statusCode).toBe(400);
    const delivered = await send('POST', deliveries, w.adminCookie, {
      packId: second.packs[0].id,
      method: 'secure_download',
      deliveredOn: dayOffset(0),
    });
    expect(delivered.statusCode, delivered.body).toBe(201);
    expect(delivered.json().request).toMatchObject({
      status: 'delivered',
      deliveries: [
        { packId: second.packs[0].id, packVersion: 2, method: 'secure_download', deliveredOn: dayOffset(0) },
      ],
    });
    expect((await send('POST', `/api/subject-access/requests/${r.id}/packs`, w.adminCookie)).statusCode).toBe(409);
    expect((await decide(w.authorCookie, w.processNotes.general, { include: true, reason: 'late' })).statusCode).toBe(
      409,
    );
    // A delivered request leaves the author's review list.
    expect(
      (await ok('GET', '/api/subject-access/reviews', w.authorCookie)).reviews.map(
        (x: { requestId: string }) => x.requestId,
      ),
    ).toEqual([other.id]);

    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action.startsWith('subject_access.'));
    const decided = events.filter((e) => e.action === 'subject_access.process_note_decided' && e.outcome === 'success');
    expect(decided.map((e) => [e.subject_type, e.subject_user_id])).toEqual([
      ['process_note', null],
      ['process_note', null],
    ]);
    const downloads = events.filter((e) => e.action === 'subject_access.pack_downloaded');
    expect(downloads.map((e) => [e.details.format, e.subject_user_id])).toEqual([
      ['json', w.client.userId],
      ['pdf', w.client.userId],
      ['json', w.client.userId],
      ['json', w.client.userId],
    ]);
    expect(events.filter((e) => e.action === 'subject_access.delivered').map((e) => e.outcome)).toEqual([
      'failure',
      'failure',
      'success',
    ]);
    // Nothing of any note's text in any audit detail.
    expect(JSON.stringify(events)).not.toMatch(new RegExp(w.run));
  });

  it('keeps a prepared pack as prepared: the database refuses to change it', async () => {
    const w = await world();
    const r = await createRequest(w);
    const pack = (await ok('POST', `/api/subject-access/requests/${r.id}/packs`, w.adminCookie)).request.packs[0];
    const asAdmin = { practiceId: w.practiceId, userId: w.admin.userId, roles: ['admin' as const] };
    // The app role may not touch anything but the ciphertext, and the trigger refuses even that to a person.
    const change = t.ctx.access.run(asAdmin, (tx) =>
      tx.query("UPDATE subject_access_packs SET sha256 = repeat('0', 64) WHERE id = $1", [pack.id]),
    );
    await expect(change).rejects.toThrow(/permission denied/);
    const swap = t.ctx.access.run(asAdmin, (tx) =>
      tx.query('UPDATE subject_access_packs SET body_enc = body_enc WHERE id = $1', [pack.id]),
    );
    await expect(swap).rejects.toThrow(/cannot be changed/);
    await expect(
      scopedQuery(t.ctx, w.practiceId, 'DELETE FROM subject_access_packs WHERE id = $1', [pack.id]),
    ).rejects.toThrow();
    const rows = await ownerQuery<{ sha256: string }>(
      t.ctx,
      w.practiceId,
      'SELECT sha256 FROM subject_access_packs WHERE id = $1',
      [pack.id],
    );
    expect(rows[0]?.sha256).toBe(pack.sha256);
  });
});
