import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateDataKeysCommand } from '../../cli/commands/rotate-data-keys.js';
import { ENCRYPTED_COLUMNS } from '../../crypto/encrypted-columns.js';
import { ownerQuery } from '../../test-support/fixtures.js';
import { DAY } from '../../test-support/frame-fixtures.js';
import { subjectAccessHelpers } from '../../test-support/subject-access-fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/** Key rotation reaches every subject-access column, and a pack still downloads with its hash. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const { send, ok, world, createRequest } = subjectAccessHelpers(() => t);

describe('subject access and key rotation', () => {
  it('re-encrypts every registered subject-access column under the new key version', async () => {
    const w = await world();
    const r = await createRequest(w);
    const today = new Date().toISOString().slice(0, 10);
    await ok('PATCH', `/api/subject-access/requests/${r.id}`, w.adminCookie, {
      requester: 'representative',
      representative: 'Her sister, with consent',
    });
    await ok('POST', `/api/subject-access/requests/${r.id}/extension`, w.adminCookie, {
      dueOn: new Date(Date.now() + 40 * DAY).toISOString().slice(0, 10),
      reason: 'Complex',
      clientToldOn: today,
    });
    await ok('PUT', `/api/subject-access/requests/${r.id}/process-notes/${w.processNotes.session}`, w.authorCookie, {
      include: true,
      reason: 'Fine to share',
    });
    const pack = (await ok('POST', `/api/subject-access/requests/${r.id}/packs`, w.adminCookie)).request.packs[0];
    const closing = await createRequest(w, 1);
    await ok('POST', `/api/subject-access/requests/${closing.id}/close`, w.adminCookie, {
      outcome: 'refused',
      reason: 'Identity not confirmed',
    });

    const columns = ENCRYPTED_COLUMNS.filter((c) => c.table.startsWith('subject_access_'));
    expect(columns.map((c) => `${c.table}.${c.column}`).sort()).toEqual([
      'subject_access_decisions.reason_enc',
      'subject_access_packs.body_enc',
      'subject_access_requests.closed_reason_enc',
      'subject_access_requests.extension_reason_enc',
      'subject_access_requests.notes_enc',
      'subject_access_requests.representative_enc',
    ]);
    const versions = async () => {
      const seen: string[] = [];
      for (const c of columns) {
        const rows = await ownerQuery<{ v: string }>(
          t.ctx,
          w.practiceId,
          `SELECT split_part(${c.column}, '.', 2) || '.' || split_part(${c.column}, '.', 3) AS v FROM ${c.table}
            WHERE practice_id = $1 AND ${c.column} IS NOT NULL`,
          [w.practiceId],
        );
        expect(rows.length, `${c.table}.${c.column} has a value to rotate`).toBeGreaterThan(0);
        seen.push(...rows.map((row) => `${c.table}.${c.column}=${row.v}`));
      }
      return seen;
    };
    const before = await versions();
    expect(before.every((v) => v.endsWith('.1'))).toBe(true);
    const slug = await ownerQuery<{ slug: string }>(t.ctx, w.practiceId, 'SELECT slug FROM practices WHERE id = $1', [
      w.practiceId,
    ]);
    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
      readStdin: async () => '',
      stdinIsTTY: false,
    };
    expect(await rotateDataKeysCommand(t.ctx, { practice: slug[0]?.slug }, io)).toBe(0);
    const after = await versions();
    expect(
      after.every((v) => v.endsWith('.2')),
      after.join('\n'),
    ).toBe(true);
    expect(after.some((v) => v.startsWith('subject_access_decisions.reason_enc=process.'))).toBe(true);

    // Everything still reads, and the pack still matches its hash.
    const json = await send('GET', `/api/subject-access/packs/${pack.id}/json`, w.adminCookie);
    expect(json.statusCode).toBe(200);
    expect(json.body).toContain(w.M.processSession);
    const view = (await ok('GET', `/api/subject-access/requests/${r.id}`, w.adminCookie)).request;
    expect(view.representative).toBe('Her sister, with consent');
    expect(view.extension.reason).toBe('Complex');
    const review = (await ok('GET', '/api/subject-access/reviews', w.authorCookie)).reviews[0];
    expect(review.notes[0].decision.reason).toBe('Fine to share');
  });
});
