import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf } from '../../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { journalHelpers } from '../../test-support/journal-fixtures.js';

/**
 * Exporting the journal: Markdown with the client's words exactly as written, JSON with every field;
 * always a download (attachment), only the client's own entries.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const { journalWorld, call, writeEntry } = journalHelpers(() => t);

const DREAM = {
  kind: 'dream',
  details: {
    setting: 'An old house',
    people: 'My sister; a stranger',
    feelings: [
      { name: 'fear', intensity: 4 },
      { name: 'relief', intensity: 2 },
    ],
    dayBefore: 'A long call with *mum*',
    associations: '',
  },
  dreamtOn: '2026-11-23',
  dreamPeriod: 'night',
  nightmare: true,
};

async function exported(cookie: string, format: string) {
  return call(cookie, 'GET', `/api/journal/export?format=${format}`);
}

describe('export', () => {
  it('gives Markdown as a download, with the client’s words exactly as written', async () => {
    const w = await journalWorld();
    const html = '<script>alert(1)</script> # not a heading? *stars* and שלום 👩🏽‍🚀';
    const dream = await writeEntry(w.clientCookie, 'I was in the house again.', DREAM);
    const reflection = await writeEntry(w.clientCookie, html);
    await writeEntry(w.clientCookie, 'ok-ish', { kind: 'check_in', mood: 6 });
    await writeEntry(w.clientCookie, 'on and on', { kind: 'free_association', timerMinutes: 10, secondsSpent: 552 });
    const tag = (await call(w.clientCookie, 'POST', '/api/journal/tags', { name: 'house' })).json().tag;
    await call(w.clientCookie, 'PUT', `/api/journal/entries/${dream}/tags`, { tagIds: [tag.id] });
    await call(w.clientCookie, 'POST', `/api/journal/entries/${reflection}/share`, { bringNext: true });
    await writeEntry(w.otherCookie, 'the other client’s words');
    await call(w.clientCookie, 'POST', '/api/journal/not-ready', { text: 'what happened at the lake' });
    await call(w.otherCookie, 'POST', '/api/journal/not-ready', { text: 'someone else’s secret' });

    const res = await exported(w.clientCookie, 'markdown');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="undercurrent-journal-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const md = res.body;
    expect(md).toContain(`\n${html}\n`);
    expect(md).toContain('\nI was in the house again.\n');
    expect(md).toMatch(/## Dream, \w+day \d+ \w+ \d{4} at \d{2}:\d{2}/);
    expect(md).toContain('- Dreamt on the night of Monday 23 November 2026');
    expect(md).toContain('- A nightmare');
    expect(md).toContain('- Tags: house');
    expect(md).toContain('### Setting\n\nAn old house\n');
    expect(md).toContain('### Feelings on waking\n\n- fear: 4 out of 5\n- relief: 2 out of 5\n');
    expect(md).toContain('### The day before\n\nA long call with *mum*\n');
    expect(md).not.toContain('### Associations');
    expect(md).toContain('- Mood: 6 out of 10');
    expect(md).toContain('- Timer: 10 minutes\n- Time spent writing: 9 minutes 12 seconds');
    expect(md).toMatch(/Shared with your therapist on [^\n]+; to bring to the next session/);
    expect(md).toContain('4 entries, oldest first');
    expect(md.indexOf('I was in the house again.')).toBeLessThan(md.indexOf('on and on'));
    expect(md).not.toContain('other client');
    expect(md).toMatch(
      /# Not ready to talk about yet\n\nOnly you have ever been able to see this list\.\n\n## [^\n]+\n\nwhat happened at the lake\n/,
    );
    expect(md).not.toContain('someone else');
    const audit = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'journal.exported');
    expect(audit.map((e) => [e.subject_user_id, e.details])).toEqual([
      [w.client.userId, { format: 'markdown', entries: 4 }],
    ]);
  });

  it('gives JSON with a version, every entry whole, tags and sharing', async () => {
    const w = await journalWorld();
    const body = 'line one\r\n\tline two \u202ereversed\u202c e\u0301';
    const dream = await writeEntry(w.clientCookie, body, DREAM);
    const tag = (await call(w.clientCookie, 'POST', '/api/journal/tags', { name: 'house' })).json().tag;
    await call(w.clientCookie, 'PUT', `/api/journal/entries/${dream}/tags`, { tagIds: [tag.id] });
    await call(w.clientCookie, 'POST', `/api/journal/entries/${dream}/share`, { bringNext: false });
    await call(w.clientCookie, 'POST', `/api/journal/entries/${dream}/withdraw`);
    const res = await exported(w.clientCookie, 'json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="undercurrent-journal-[\d-]{10}\.json"$/);
    const data = res.json();
    expect(data.version).toBe(1);
    expect(data.tags).toEqual([{ id: tag.id, name: 'house', count: 1 }]);
    expect(data.entries).toHaveLength(1);
    expect(data.entries[0]).toMatchObject({
      id: dream,
      kind: 'dream',
      body,
      details: DREAM.details,
      dreamtOn: '2026-11-23',
      nightmare: true,
      tags: [{ id: tag.id, name: 'house' }],
      sharing: { state: 'withdrawn', bringNext: false },
    });
    expect(data.entries[0].sharing.withdrawnAt).not.toBeNull();
    expect(data.notReady).toEqual([]);
  });

  it('refuses a format it does not make, and any staff role', async () => {
    const w = await journalWorld();
    expect((await exported(w.clientCookie, 'html')).statusCode).toBe(400);
    expect((await exported(w.therapistCookie, 'json')).statusCode).toBe(403);
  });
});
