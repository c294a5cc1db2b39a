import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { EPISODE_START, letterCalls, lettersWorld } from '../../test-support/letters-fixtures.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Letters, as their therapist writes them: started from a template with the placeholders filled
 * from the record, saved as versioned drafts (a stale save is refused), filed, listed, discarded,
 * downloaded as a PDF that a PDF reader reads back, every step audited without content.
 */
let t: TestApp;
let calls: ReturnType<typeof letterCalls>;
beforeAll(async () => {
  t = await createTestApp();
  calls = letterCalls(t.app);
});
afterAll(async () => t.close());

const startedOn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(
  new Date(`${EPISODE_START}T12:00:00Z`),
);

describe('writing a letter', () => {
  it('fills the template’s placeholders from the client, therapist, letterhead and current episode', async () => {
    const w = await lettersWorld(t);
    const res = await calls.start(w, 'gp_ending');
    expect(res.statusCode, res.body).toBe(200);
    const letter = res.json().letter;
    expect(letter).toMatchObject({
      status: 'draft',
      version: 1,
      recipientName: 'Dr Anna Patel',
      recipientAddress: 'Canal Street Surgery\n1 Canal Street\nLondon N1 2BB',
      subject: 'Re: Sam Client',
      author: { id: w.pair.therapist.userId, displayName: 'Dr Ada Field' },
    });
    expect(letter.body).toContain('Dear Dr Anna Patel,');
    expect(letter.body).toContain('your patient, Sam Client, with me at Riverside Therapy');
    expect(letter.body).toContain(`We began on ${startedOn}, and Sam Client attended 2 sessions.`);
    // No end date agreed yet: the gap is shown for the therapist to fill, not invented.
    expect(letter.body).toContain('came to an end on [not agreed yet]');
    expect(letter.body).not.toMatch(/\{\{|\}\}/);

    // Once an ending date is agreed, a new letter carries it.
    await scopedQuery(t.ctx, w.practiceId, `UPDATE episodes SET ending_date = '2026-11-30' WHERE id = $1`, [
      w.pair.episodeId,
    ]);
    const ended = (await calls.start(w, 'gp_ending')).json().letter;
    expect(ended.body).toContain('came to an end on 30 November 2026');
  });

  it('fills {{today}} and {{practice.*}} and starts a blank letter without a template', async () => {
    const w = await lettersWorld(t);
    const attendance = (await calls.start(w, 'attendance', 'To whom it may concern')).json().letter;
    const today = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(new Date());
    expect(attendance.body).toContain(`has attended 2 sessions to date (${today})`);
    const blank = await calls.start(w, null);
    expect(blank.statusCode).toBe(200);
    expect(blank.json().letter).toMatchObject({ subject: '', body: '', templateId: null });
  });

  it('saves drafts as versions, refuses a stale save with 409 and keeps what was saved', async () => {
    const w = await lettersWorld(t);
    const cookie = w.pair.therapistCookie;
    const letter = (await calls.start(w, 'gp_starting')).json().letter;
    const save = (baseVersion: number, body: string) =>
      calls.send('PUT', `/api/letters/${letter.id}`, cookie, {
        baseVersion,
        recipientName: 'Dr Anna Patel',
        recipientAddress: 'Canal Street Surgery',
        subject: 'Re: Sam Client',
        body,
      });
    const first = await save(1, 'First words');
    expect(first.statusCode).toBe(200);
    expect(first.json().letter).toMatchObject({ version: 2, body: 'First words' });
    const stale = await save(1, 'Older words from another window');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('stale');
    expect(stale.json().message).toContain('you had version 1; it is now at version 2');
    const stored = (await calls.send('GET', `/api/letters/${letter.id}`, cookie)).json().letter;
    expect(stored).toMatchObject({ version: 2, body: 'First words' });
  });

  it('files a letter, lists it, and discards only drafts', async () => {
    const w = await lettersWorld(t);
    const cookie = w.pair.therapistCookie;
    const filed = (await calls.start(w, 'gp_starting')).json().letter;
    const draft = (await calls.start(w, 'attendance', 'Ms Jo Bloggs')).json().letter;
    const fin = await calls.send('POST', `/api/letters/${filed.id}/finalise`, cookie, { baseVersion: 1 });
    expect(fin.statusCode, fin.body).toBe(200);
    expect(fin.json().letter).toMatchObject({ status: 'final', version: 2 });
    expect(fin.json().letter.finalisedAt).toEqual(expect.any(String));
    const list = (await calls.send('GET', `/api/letters/clients/${w.pair.client.userId}/letters`, cookie)).json();
    expect(list.client).toEqual({ id: w.pair.client.userId, displayName: 'Sam Client' });
    expect(list.letters.map((l: { id: string; status: string }) => [l.id, l.status]).sort()).toEqual(
      [
        [filed.id, 'final'],
        [draft.id, 'draft'],
      ].sort(),
    );
    expect(list.letters.find((l: { id: string }) => l.id === draft.id)).toMatchObject({
      recipientName: 'Ms Jo Bloggs',
      subject: 'Confirmation of attendance: Sam Client',
    });
    expect((await calls.send('DELETE', `/api/letters/${filed.id}`, cookie)).statusCode).toBe(409);
    expect((await calls.send('DELETE', `/api/letters/${draft.id}`, cookie)).statusCode).toBe(200);
    expect((await calls.send('GET', `/api/letters/${draft.id}`, cookie)).statusCode).toBe(404);
    const after = (await calls.send('GET', `/api/letters/clients/${w.pair.client.userId}/letters`, cookie)).json();
    expect(after.letters.map((l: { id: string }) => l.id)).toEqual([filed.id]);
  });

  it('refuses to file an empty letter', async () => {
    const w = await lettersWorld(t);
    const blank = (await calls.start(w, null)).json().letter;
    const res = await calls.send('POST', `/api/letters/${blank.id}/finalise`, w.pair.therapistCookie, {
      baseVersion: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'incomplete',
      message: expect.stringContaining('cannot be filed empty'),
    });
  });
});

describe('bad input', () => {
  it('answers an empty recipient, an oversized body and an unknown template with 400 and a message', async () => {
    const w = await lettersWorld(t);
    const cookie = w.pair.therapistCookie;
    const url = `/api/letters/clients/${w.pair.client.userId}/letters`;
    const empty = await calls.send('POST', url, cookie, { recipientName: '   ', recipientAddress: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toEqual([
      { field: 'recipientName', message: 'Say who the letter is to, such as “Dr Anna Patel”.' },
    ]);
    const unknown = await calls.send('POST', url, cookie, {
      templateId: '00000000-0000-4000-8000-000000000000',
      recipientName: 'Dr Patel',
      recipientAddress: '',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('no longer exists');
    const letter = (await calls.start(w, 'gp_starting')).json().letter;
    const body = { baseVersion: 1, recipientName: 'Dr Patel', recipientAddress: '', subject: 'S' };
    const huge = await calls.send('PUT', `/api/letters/${letter.id}`, cookie, { ...body, body: 'x'.repeat(20_001) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().message).toContain('at most 20000 characters');
    const noOne = await calls.send('PUT', `/api/letters/${letter.id}`, cookie, {
      ...body,
      recipientName: '',
      body: 'x',
    });
    expect(noOne.statusCode).toBe(400);
    expect(noOne.json().fields[0].field).toBe('recipientName');
    // Nothing saved was lost.
    const stored = (await calls.send('GET', `/api/letters/${letter.id}`, cookie)).json().letter;
    expect(stored).toMatchObject({ version: 1, recipientName: 'Dr Anna Patel' });
  });
});

describe('the PDF', () => {
  it('carries the letterhead, date, recipient, subject, body and therapist; a draft is marked DRAFT', async () => {
    const w = await lettersWorld(t);
    const cookie = w.pair.therapistCookie;
    const head = await calls.send('PUT', '/api/letters/letterhead', w.people.admin.cookie, {
      name: 'Riverside Therapy',
      addressLines: ['1 River Street', 'London N1 1AA'],
      phone: '020 7946 0000',
      email: 'hello@riverside.example',
      website: 'riverside.example',
      footer: 'ICO registration ZA123456',
    });
    expect(head.statusCode, head.body).toBe(200);
    const letter = (await calls.start(w, 'gp_starting')).json().letter;
    const draft = await calls.send('GET', `/api/letters/${letter.id}/pdf`, cookie);
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    expect(draft.headers['cache-control']).toBe('no-store');
    expect(draft.headers['content-disposition']).toMatch(
      /^attachment; filename="letter-draft-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf"$/,
    );
    const draftText = (await pdfText(draft.rawPayload)).text;
    expect(draftText).toContain('DRAFT — not filed in the record');
    expect(draftText).toContain('DRAFT · ICO registration ZA123456 · Page 1 of 1');

    await calls.send('POST', `/api/letters/${letter.id}/finalise`, cookie, { baseVersion: 1 });
    // A later change of letterhead does not change a filed letter.
    await calls.send('PUT', '/api/letters/letterhead', w.people.admin.cookie, {
      name: 'Renamed Practice',
      addressLines: [],
      phone: '',
      email: '',
      website: '',
      footer: '',
    });
    const res = await calls.send('GET', `/api/letters/${letter.id}/pdf`, cookie);
    const name = res.headers['content-disposition'];
    expect(name).toMatch(/^attachment; filename="letter-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf"$/);
    expect(name).not.toContain('Sam');
    const read = await pdfText(res.rawPayload);
    expect(read.title).toBe('Re: Sam Client');
    expect(read.text).not.toContain('DRAFT');
    expect(read.text).not.toContain('Renamed Practice');
    for (const expected of [
      'Riverside Therapy',
      '1 River Street',
      '020 7946 0000 · hello@riverside.example · riverside.example',
      'Dr Anna Patel',
      'Canal Street Surgery',
      'London N1 2BB',
      'Re: Sam Client',
      'Dear Dr Anna Patel,',
      `began psychotherapy with me at Riverside Therapy on ${startedOn}`,
      'Yours sincerely,',
      'Dr Ada Field',
      'ICO registration ZA123456 · Page 1 of 1',
    ]) {
      // (pdf.js gives wrapped lines as separate lines: compare with the spacing folded.)
      expect(read.text.replace(/\s+/g, ' ')).toContain(expected);
    }
    const dateLine = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(new Date());
    expect(read.text).toContain(dateLine);

    // Every download is in the audit log with the client as its subject, ids only.
    const downloads = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'letters.pdf_downloaded');
    expect(downloads).toHaveLength(2);
    expect(downloads.every((e) => e.subject_user_id === w.pair.client.userId && e.subject_id === letter.id)).toBe(true);
    expect(downloads.map((e) => e.details.status)).toEqual(['draft', 'final']);
    const all = JSON.stringify(await auditEventsOf(t.ctx, w.practiceId));
    expect(all).not.toContain('Anna Patel');
    expect(all).not.toContain('Dear');
  });
});
