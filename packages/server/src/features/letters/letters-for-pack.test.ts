import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { letterCalls, lettersWorld } from '../../test-support/letters-fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { listLettersForPack } from './letters-for-pack.js';

/** What the subject-access pack reads: a client's filed letters as plain data, never drafts or another client's. */
let t: TestApp;
let calls: ReturnType<typeof letterCalls>;
beforeAll(async () => {
  t = await createTestApp();
  calls = letterCalls(t.app);
});
afterAll(async () => t.close());

describe('listLettersForPack', () => {
  it('gives every filed letter of the client, oldest first, decrypted, with the letterhead it was filed with', async () => {
    const w = await lettersWorld(t);
    const cookie = w.pair.therapistCookie;
    const first = (await calls.start(w, 'gp_starting')).json().letter;
    await calls.send('POST', `/api/letters/${first.id}/finalise`, cookie, { baseVersion: 1 });
    const second = (await calls.start(w, 'attendance', 'To whom it may concern')).json().letter;
    await calls.send('POST', `/api/letters/${second.id}/finalise`, cookie, { baseVersion: 1 });
    await calls.start(w, 'gp_ending'); // a draft: not part of the record yet
    const pack = await t.ctx.access.run(systemActor(w.practiceId), (tx) =>
      listLettersForPack(tx, w.pair.client.userId),
    );
    expect(pack.map((l) => l.id)).toEqual([first.id, second.id]);
    expect(pack[0]).toEqual({
      id: first.id,
      finalisedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      author: 'Dr Ada Field',
      recipientName: 'Dr Anna Patel',
      recipientAddress: 'Canal Street Surgery\n1 Canal Street\nLondon N1 2BB',
      subject: 'Re: Sam Client',
      body: first.body,
      letterhead: { name: 'Riverside Therapy', addressLines: [], phone: '', email: '', website: '', footer: '' },
    });
    expect(pack[1]?.recipientName).toBe('To whom it may concern');
    // Another client has none.
    const none = await t.ctx.access.run(systemActor(w.practiceId), (tx) =>
      listLettersForPack(tx, w.people.admin.userId),
    );
    expect(none).toEqual([]);
  });
});
