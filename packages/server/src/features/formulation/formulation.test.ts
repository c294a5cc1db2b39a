import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { reencryptColumn } from '../../cli/reencrypt.js';
import { ENCRYPTED_COLUMNS } from '../../crypto/encrypted-columns.js';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { formulationWorld, sampleContent, sender } from '../../test-support/formulation-fixtures.js';
import { MAX_SECTION_CHARACTERS } from './formulation-schemas.js';

/**
 * The case formulation through its routes against the real database: saving versions with
 * optimistic concurrency (a stale save is refused and loses nothing), the history, dated review
 * entries that the database keeps append-only, bad input answered with messages, and key rotation.
 */
let t: TestApp;
let send: ReturnType<typeof sender>;
beforeAll(async () => {
  t = await createTestApp();
  send = sender(t);
});
afterAll(async () => t.close());

describe('the case formulation', () => {
  it('is empty at version 0 until saved, then keeps every version and answers a stale save with 409', async () => {
    const w = await formulationWorld(t);
    const cookie = w.pair.therapistCookie;
    const empty = await send('GET', w.url, cookie);
    expect(empty.statusCode).toBe(200);
    expect(empty.json().formulation).toMatchObject({
      version: 0,
      presentingDifficulties: '',
      goals: [],
      reviews: [],
      updatedBy: null,
      client: { id: w.pair.client.userId, displayName: 'Sam Client' },
      episode: { id: w.pair.episodeId, status: 'active' },
    });

    const first = await send('PUT', w.url, cookie, { baseVersion: 0, ...sampleContent('ONE') });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().formulation).toMatchObject({ version: 1, ...sampleContent('ONE') });
    const second = await send('PUT', w.url, cookie, { baseVersion: 1, ...sampleContent('TWO') });
    expect(second.json().formulation.version).toBe(2);

    // Another window still at version 1 (or one that thought nothing was saved) is refused; nothing changes.
    for (const baseVersion of [1, 0]) {
      const stale = await send('PUT', w.url, cookie, { baseVersion, ...sampleContent('STALE') });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toBe('stale');
      expect(stale.json().message).toMatch(/saved somewhere else|not saved yet|reload/);
    }
    const now = (await send('GET', w.url, cookie)).json().formulation;
    expect(now).toMatchObject({ version: 2, ...sampleContent('TWO') });
    expect(now.updatedBy.id).toBe(w.pair.therapist.userId);

    const versions = (await send('GET', `${w.url}/versions`, cookie)).json().versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1]).toMatchObject({ version: 1, ...sampleContent('ONE') });

    // The text is stored encrypted; the chosen clusters as ids.
    const stored = await scopedQuery<{ content_enc: string; ccrt_clusters: unknown }>(
      t.ctx,
      w.practiceId,
      'SELECT content_enc, ccrt_clusters FROM formulations',
    );
    expect(stored[0]?.content_enc).toMatch(/^uc1\.clinical\.1\./);
    expect(stored[0]?.content_enc).not.toContain('TWO');
    expect(stored[0]?.ccrt_clusters).toEqual({
      W: ['w-loved-understood'],
      RO: ['ro-rejecting-opposing'],
      RS: ['rs-disappointed-depressed', 'rs-helpless'],
    });
    // Audited with the client as subject (their "who opened my record"), identifiers only.
    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action.startsWith('record.formulation'));
    expect(events.every((e) => e.subject_user_id === w.pair.client.userId)).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/ONE|TWO|STALE/);
    expect(events.filter((e) => e.action === 'record.formulation_saved' && e.outcome === 'failure')).toHaveLength(2);
  });

  it('adds dated review entries, newest first, which the database refuses to change or delete', async () => {
    const w = await formulationWorld(t);
    const cookie = w.pair.therapistCookie;
    // A review can be written before the formulation text exists.
    const a = await send('POST', `${w.url}/reviews`, cookie, { reviewedOn: '2026-03-02', text: 'REVIEW-A' });
    expect(a.statusCode, a.body).toBe(200);
    const b = await send('POST', `${w.url}/reviews`, cookie, { reviewedOn: '2026-06-01', text: '  REVIEW-B  ' });
    const reviews = b.json().formulation.reviews;
    expect(reviews.map((r: { text: string; reviewedOn: string }) => [r.reviewedOn, r.text])).toEqual([
      ['2026-06-01', 'REVIEW-B'],
      ['2026-03-02', 'REVIEW-A'],
    ]);
    expect(reviews[0].author.id).toBe(w.pair.therapist.userId);

    await send('PUT', w.url, cookie, { baseVersion: 0, ...sampleContent() });
    // As the table owner, scoped to the therapist: only the triggers stand in the way.
    for (const sql of [
      `UPDATE formulation_reviews SET text_enc = 'uc1.clinical.1.AAAA'`,
      `UPDATE formulation_reviews SET reviewed_on = '2020-01-01'`,
      'DELETE FROM formulation_reviews',
      `UPDATE formulation_versions SET snapshot_enc = 'uc1.clinical.1.AAAA'`,
      'DELETE FROM formulation_versions',
    ]) {
      for (const userId of [w.pair.therapist.userId, '']) {
        const error = await asOwner(w.practiceId, userId, sql);
        expect(error, `${sql} as ${userId || 'the system'}`).toMatch(/append-only/);
      }
    }
    // And the app role has no grant to delete them at all.
    const denied = await t.ctx.access
      .run({ practiceId: w.practiceId, userId: w.pair.therapist.userId, roles: ['therapist'] }, (tx) =>
        tx.query('DELETE FROM formulation_reviews'),
      )
      .then(
        () => '',
        (e: unknown) => (e as Error).message,
      );
    expect(denied).toMatch(/permission denied/);
    const left = await scopedQuery<{ n: number }>(
      t.ctx,
      w.practiceId,
      'SELECT count(*)::int AS n FROM formulation_reviews',
    );
    expect(left[0]?.n).toBe(2);
  });

  it('answers bad input with 400 and a message, and keeps what was saved', async () => {
    const w = await formulationWorld(t);
    const cookie = w.pair.therapistCookie;
    await send('PUT', w.url, cookie, { baseVersion: 0, ...sampleContent('KEPT') });
    const content = sampleContent('BAD');
    const bad: [string, object, RegExp][] = [
      [
        'oversized section',
        { ...content, history: 'x'.repeat(MAX_SECTION_CHARACTERS + 1) },
        /history must be at most 20000 characters/,
      ],
      [
        'unknown cluster',
        { ...content, ccrt: { ...content.ccrt, W: { clusterIds: ['w-made-up'], words: '' } } },
        /“w-made-up” is not a wish \(W\) cluster in your practice’s CCRT set/,
      ],
      [
        'a response cluster under the wish',
        { ...content, ccrt: { ...content.ccrt, W: { clusterIds: ['ro-helpful'], words: '' } } },
        /“ro-helpful” is not a wish \(W\) cluster/,
      ],
      [
        'unknown goal status',
        { ...content, goals: [{ id: 'g1', text: 'x', status: 'done' }] },
        /goals\.0\.status is not one of the allowed values/,
      ],
      ['a goal twice', { ...content, goals: [content.goals[0], content.goals[0]] }, /Goal 2 is listed twice/],
      ['a blank goal', { ...content, goals: [{ id: 'g9', text: '   ', status: 'open' }] }, /Goal 1 has no words/],
    ];
    for (const [what, body, message] of bad) {
      const res = await send('PUT', w.url, cookie, { baseVersion: 1, ...body });
      expect(res.statusCode, what).toBe(400);
      expect(res.json().message, what).toMatch(message);
      expect(res.json().fields.length, what).toBeGreaterThan(0);
    }
    for (const [body, message] of [
      [{ reviewedOn: '2026-02-30', text: 'x' }, /not a date in the calendar/],
      [{ reviewedOn: '2999-01-01', text: 'x' }, /dated today or earlier/],
      [{ reviewedOn: '2026-01-01', text: '   ' }, /Write what the review found/],
      [{ reviewedOn: '1 March', text: 'x' }, /reviewedOn is not in the expected form/],
    ] as const) {
      const res = await send('POST', `${w.url}/reviews`, cookie, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    expect((await send('GET', w.url, cookie)).json().formulation).toMatchObject({
      version: 1,
      reviews: [],
      ...sampleContent('KEPT'),
    });
  });

  it('keeps a cluster the admin removed from the set, but refuses choosing it anew', async () => {
    const w = await formulationWorld(t);
    const cookie = w.pair.therapistCookie;
    await send('PUT', w.url, cookie, { baseVersion: 0, ...sampleContent() });
    await t.ctx.access.run(systemActor(w.practiceId), async (tx) => {
      const { STANDARD_CCRT_CLUSTERS } = await import('@undercurrent/clinical');
      const set = {
        ...STANDARD_CCRT_CLUSTERS,
        clusters: STANDARD_CCRT_CLUSTERS.clusters.filter((c) => c.id !== 'w-loved-understood' && c.id !== 'rs-helpful'),
      };
      await tx.query(
        `INSERT INTO ccrt_category_sets (practice_id, category_set) VALUES (app_practice_id(), $1::jsonb)`,
        [JSON.stringify(set)],
      );
    });
    const kept = await send('PUT', w.url, cookie, { baseVersion: 1, ...sampleContent('AGAIN') });
    expect(kept.statusCode, kept.body).toBe(200);
    const content = sampleContent();
    const anew = await send('PUT', w.url, cookie, {
      baseVersion: 2,
      ...content,
      ccrt: { ...content.ccrt, RS: { clusterIds: ['rs-helpful'], words: '' } },
    });
    expect(anew.statusCode).toBe(400);
    expect(anew.json().message).toMatch(/“rs-helpful” is not a response of self \(RS\) cluster/);
  });

  it('is covered by key rotation: every formulation column is re-encrypted and still reads the same', async () => {
    const w = await formulationWorld(t);
    const cookie = w.pair.therapistCookie;
    await send('PUT', w.url, cookie, { baseVersion: 0, ...sampleContent('ROTATE') });
    await send('POST', `${w.url}/reviews`, cookie, { reviewedOn: '2026-01-05', text: 'ROTATE-REVIEW' });
    // At rest, no text of the formulation, its versions or its reviews is readable.
    const rows = await scopedQuery<{ line: string }>(
      t.ctx,
      w.practiceId,
      `SELECT f::text AS line FROM formulations f UNION ALL SELECT v::text FROM formulation_versions v
       UNION ALL SELECT r::text FROM formulation_reviews r`,
    );
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.line).join('\n')).not.toContain('ROTATE');
    await t.ctx.access.run(systemActor(w.practiceId), (tx) =>
      t.ctx.access.keys.rotate(tx.client, w.practiceId, 'clinical'),
    );
    const columns = ENCRYPTED_COLUMNS.filter((c) => c.table.startsWith('formulation'));
    expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual([
      'formulations.content_enc',
      'formulation_versions.snapshot_enc',
      'formulation_reviews.text_enc',
    ]);
    for (const column of columns) {
      const result = await reencryptColumn(t.ctx.access, w.practiceId, column);
      expect(result.rewritten, `${column.table}.${column.column}`).toBe(1);
    }
    const stored = await scopedQuery<{ a: string; b: string; c: string }>(
      t.ctx,
      w.practiceId,
      `SELECT (SELECT content_enc FROM formulations) AS a, (SELECT snapshot_enc FROM formulation_versions) AS b,
              (SELECT text_enc FROM formulation_reviews) AS c`,
    );
    for (const value of Object.values(stored[0] ?? {})) expect(value).toMatch(/^uc1\.clinical\.2\./);
    const after = (await send('GET', w.url, cookie)).json().formulation;
    expect(after).toMatchObject({ version: 1, ...sampleContent('ROTATE') });
    expect(after.reviews[0].text).toBe('ROTATE-REVIEW');
    expect((await send('GET', `${w.url}/versions`, cookie)).json().versions[0].history).toContain('ROTATE');
  });
});

/** Runs `sql` as the database owner (every grant) scoped to the practice and a therapist ('' = the system). */
async function asOwner(practiceId: string, userId: string, sql: string): Promise<string> {
  const client = await t.ctx.pools.owner.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true),
              set_config('app.roles', $3, true)`,
      [practiceId, userId, userId ? 'therapist' : ''],
    );
    await client.query(sql);
    return '';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
