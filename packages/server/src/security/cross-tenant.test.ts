import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import type { Role } from '../db/schema.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import {
  addPerson,
  createPracticeFixture,
  FIXTURE_PASSWORD,
  sessionCookie,
  type PersonFixture,
} from '../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';
import { addSession, careEpisode, DAY, placeInCare } from '../test-support/frame-fixtures.js';
import { seedEntry, seedShare } from '../test-support/journal-fixtures.js';

/**
 * Invariant 1, the matrix: the admin, therapist, supervisor and client of practice B call every
 * guarded route in the OpenAPI document, with practice A's identifiers in every path parameter and
 * in plausible bodies. No answer may contain anything of practice A, and practice A's data must be
 * exactly as it was afterwards.
 */
const ROLES: Role[] = ['admin', 'therapist', 'supervisor', 'client'];
let t: TestApp;

interface Op {
  method: string;
  path: string;
}

async function snapshotPractice(practiceId: string): Promise<string> {
  return t.ctx.access.run(systemActor(practiceId), async (tx) => {
    const parts: unknown[] = [];
    for (const sql of [
      'SELECT id, email, display_name, status, password_hash, is_demo FROM users ORDER BY id',
      'SELECT user_id, role FROM memberships ORDER BY user_id, role',
      'SELECT therapist_id, client_id, ended_at FROM care_assignments ORDER BY 1, 2',
      'SELECT id, email, role, revoked_at, accepted_at, expires_at, token_hash FROM invitations ORDER BY id',
      'SELECT id, user_id, stage, revoked_at FROM sessions ORDER BY id',
      'SELECT user_id, secret_enc, confirmed_at FROM mfa_totp ORDER BY user_id',
      'SELECT id, user_id FROM mfa_passkeys ORDER BY id',
      'SELECT id, user_id, used_at FROM mfa_recovery_codes ORDER BY id',
      'SELECT id, user_id, used_at FROM password_resets ORDER BY id',
      'SELECT id, status, attempts, to_address FROM outbox ORDER BY id',
      'SELECT purpose, version, retired_at FROM practice_keys ORDER BY 1, 2',
      'SELECT name, slug, time_zone FROM practices WHERE id = app_practice_id()',
      'SELECT therapist_id, time_zone, policy, fees FROM therapist_settings ORDER BY 1',
      'SELECT id, name, address, archived_at FROM locations ORDER BY id',
      'SELECT id, status, kind, slots, ending_date, closing_summary_enc FROM episodes ORDER BY id',
      'SELECT id, rrule, ends_on, materialised_until FROM session_series ORDER BY id',
      'SELECT id, title, starts_on, ends_on FROM breaks ORDER BY id',
      'SELECT id, starts_on, ends_on FROM client_absences ORDER BY id',
      'SELECT id, starts_at, status, late, location_id, sequence FROM appointments ORDER BY id',
      'SELECT id, status FROM move_requests ORDER BY id',
      'SELECT id, kind, amount_pence FROM ledger_entries ORDER BY id',
      'SELECT id, revoked_at FROM calendar_feeds ORDER BY id',
      `SELECT id, client_id, kind, version, body_enc, excerpt_enc, details_enc, mood, recurs_ids, updated_at
         FROM journal_entries ORDER BY id`,
      'SELECT id, entry_id, kind, shared_at, bring_next, bring_marked_at, withdrawn_at FROM journal_shares ORDER BY id',
      'SELECT share_id, therapist_id, first_read_at, read_at FROM journal_reads ORDER BY 1, 2',
      'SELECT id, client_id, name_enc FROM journal_tags ORDER BY id',
      'SELECT entry_id, tag_id, client_id FROM journal_entry_tags ORDER BY 1, 2',
      'SELECT id, client_id, text_enc, updated_at FROM journal_not_ready ORDER BY id',
      'SELECT fields, late_after_hours, updated_at, updated_by FROM note_settings',
      `SELECT id, client_id, appointment_id, author_id, status, version, narrative_enc, fields_enc, material_entry_ids,
              dream_entry_ids, defences, interventions, signed_at, signed_by, signed_late, updated_at
         FROM progress_notes ORDER BY id`,
      'SELECT id, note_id, version, kind, snapshot_enc, saved_by FROM progress_note_versions ORDER BY id',
      'SELECT id, note_id, author_id, reason_enc, text_enc FROM progress_note_amendments ORDER BY id',
      'SELECT id, author_id, client_id, appointment_id, version, body_enc, updated_at FROM process_notes ORDER BY id',
      'SELECT category_set, updated_at, updated_by FROM ccrt_category_sets',
      `SELECT id, episode_id, client_id, version, content_enc, ccrt_clusters, updated_by, updated_at
         FROM formulations ORDER BY id`,
      'SELECT id, formulation_id, version, snapshot_enc, saved_by FROM formulation_versions ORDER BY id',
      'SELECT id, episode_id, author_id, reviewed_on, text_enc FROM formulation_reviews ORDER BY id',
    ]) {
      parts.push((await tx.query(sql)).rows);
    }
    return JSON.stringify(parts);
  });
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('cross-tenant matrix', () => {
  it('no role of practice B reads or changes anything of practice A through any guarded route', async () => {
    const tag = crypto.randomBytes(4).toString('hex');
    const a = await createPracticeFixture(t.ctx, `Alpha Practice ${tag}`);
    const people: Record<Role, PersonFixture> = {
      admin: await addPerson(t.ctx, a, ['admin'], {
        displayName: `Alpha Admin ${tag}`,
        email: `alpha-admin-${tag}@example.org`,
      }),
      therapist: await addPerson(t.ctx, a, ['therapist'], {
        displayName: `Alpha Therapist ${tag}`,
        email: `alpha-ther-${tag}@example.org`,
      }),
      supervisor: await addPerson(t.ctx, a, ['supervisor'], {
        displayName: `Alpha Supervisor ${tag}`,
        email: `alpha-sup-${tag}@example.org`,
      }),
      client: await addPerson(t.ctx, a, ['client'], {
        displayName: `Alpha Client ${tag}`,
        email: `alpha-client-${tag}@example.org`,
      }),
    };
    // Practice A's activity: sessions, an invitation and a message in its outbox, audit events.
    const aAdminCookie = await sessionCookie(t.ctx, people.admin);
    await sessionCookie(t.ctx, people.client);
    await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: aAdminCookie, ...CSRF },
      payload: { email: `alpha-invitee-${tag}@example.org`, displayName: `Alpha Invitee ${tag}`, role: 'client' },
    });
    await t.ctx.access.run(systemActor(a), (tx) =>
      enqueueEmail(
        tx,
        { kind: 'test', to: `alpha-mail-${tag}@example.org`, subject: `Alpha subject ${tag}`, text: 'x' },
        false,
      ),
    );
    await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: aAdminCookie } });
    // A client's journal: a shared entry (read by their therapist), a private one, a tag, a note not ready yet.
    await placeInCare(t.ctx, a, people.therapist.userId, people.client.userId);
    const client = people.client.userId;
    const sharedEntry = await seedEntry(t.ctx, a, client, { kind: 'dream', body: `Alpha dream ${tag}` });
    const share = await seedShare(t.ctx, a, client, sharedEntry, { bringNext: true });
    await seedEntry(t.ctx, a, client, { body: `Alpha private ${tag}` });
    await t.app.inject({
      method: 'GET',
      url: `/api/journal/clients/${client}/shared/${share}`,
      headers: { cookie: await sessionCookie(t.ctx, people.therapist) },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/journal/not-ready',
      headers: { cookie: await sessionCookie(t.ctx, people.client), ...CSRF },
      payload: { text: `Alpha not ready ${tag}` },
    });
    await t.ctx.access.run(systemActor(a), async (tx) => {
      const tagId = crypto.randomUUID();
      await tx.query('INSERT INTO journal_tags (id, practice_id, client_id, name_enc) VALUES ($1, $2, $3, $4)', [
        tagId,
        a,
        client,
        await tx.encrypt('clinical', `journal_tags.name_enc:${tagId}`, `Alpha tag ${tag}`),
      ]);
      await tx.query(
        'INSERT INTO journal_entry_tags (practice_id, entry_id, tag_id, client_id) VALUES ($1, $2, $3, $4)',
        [a, sharedEntry, tagId, client],
      );
    });
    // The clinical record: the note template, a signed progress note with its versions and an
    // amendment, a draft, and the therapist's process note.
    const episodeId = await careEpisode(t, a, people.therapist, people.client);
    const pair = {
      therapist: people.therapist,
      client: people.client,
      therapistCookie: '',
      clientCookie: '',
      episodeId,
    };
    const sessions = [
      await addSession(t, a, pair, new Date(Date.now() - 14 * DAY), { status: 'attended' }),
      await addSession(t, a, pair, new Date(Date.now() - 7 * DAY), { status: 'attended' }),
    ];
    await seedRecord(a, people.therapist.userId, client, sessions, tag);
    await seedFormulation(episodeId, await sessionCookie(t.ctx, people.therapist), aAdminCookie, tag);

    const ids = await t.ctx.access.run(systemActor(a), async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `SELECT id::text FROM users UNION ALL SELECT id::text FROM invitations UNION ALL SELECT id::text FROM sessions
         UNION ALL SELECT id::text FROM outbox UNION ALL SELECT id::text FROM audit_events
         UNION ALL SELECT id::text FROM journal_entries UNION ALL SELECT id::text FROM journal_shares
         UNION ALL SELECT id::text FROM journal_tags UNION ALL SELECT id::text FROM journal_not_ready
         UNION ALL SELECT id::text FROM progress_notes UNION ALL SELECT id::text FROM progress_note_versions
         UNION ALL SELECT id::text FROM progress_note_amendments UNION ALL SELECT id::text FROM process_notes
         UNION ALL SELECT id::text FROM appointments UNION ALL SELECT id::text FROM formulations
         UNION ALL SELECT id::text FROM formulation_versions UNION ALL SELECT id::text FROM formulation_reviews`,
      );
      return rows.rows.map((r) => r.id);
    });
    const markers = [a, tag, ...ids.filter((id) => id.length > 8)];
    const pathValues = [
      a,
      ...ids.filter((id) => id.length > 8),
      `${a}.${crypto.randomBytes(32).toString('base64url')}`,
    ];

    const b = await createPracticeFixture(t.ctx, 'Beta Practice');
    const bPeople = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await addPerson(t.ctx, b, [role])] as const)),
    ) as Record<Role, PersonFixture>;

    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const ops: Op[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
    const guarded: Op[] = [];
    for (const op of ops) {
      const anonymous = await t.app.inject({
        method: op.method as 'GET',
        url: op.path.replace(/\{[^}]+\}/g, a),
        headers: { ...CSRF, 'content-type': 'application/json' },
        ...(op.method === 'GET' ? {} : { payload: '{}' }),
      });
      if (anonymous.statusCode === 401) guarded.push(op);
    }
    expect(guarded.length, 'guarded routes found in the OpenAPI document').toBeGreaterThan(5);

    const before = await snapshotPractice(a);
    expect(before, 'the journal is in the snapshot').toContain(sharedEntry);
    expect(before, 'the therapist read the share').toContain(`"share_id":"${share}"`);
    expect(before, 'the record is in the snapshot').toContain('uc1.process.');
    expect(before, 'the signed note is in the snapshot').toContain('"status":"signed"');
    const bodies = [
      {},
      {
        roles: ['admin'],
        status: 'disabled',
        email: 'someone-else@example.org',
        displayName: 'Changed',
        role: 'admin',
        name: 'Changed',
        password: FIXTURE_PASSWORD,
        currentPassword: FIXTURE_PASSWORD,
        newPassword: 'an entirely new long passphrase 77',
        practiceId: a,
        userId: people.client.userId,
        id: people.client.userId,
        code: '123456',
      },
    ];
    let calls = 0;
    for (const op of guarded) {
      for (const role of ROLES) {
        const cookie = await sessionCookie(t.ctx, bPeople[role]);
        for (const value of pathValues) {
          const url = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
          for (const body of op.method === 'GET' ? [undefined] : bodies) {
            const res = await t.app.inject({
              method: op.method as 'GET',
              url,
              headers: { cookie, ...CSRF, ...(body ? { 'content-type': 'application/json' } : {}) },
              ...(body ? { payload: JSON.stringify(body) } : {}),
            });
            calls += 1;
            expect(res.statusCode, `${role} of B: ${op.method} ${url}`).toBeLessThan(500);
            const text = res.body.split(url).join('').split(encodeURIComponent(value)).join('');
            for (const marker of markers) {
              if (body && JSON.stringify(body).includes(marker)) continue;
              expect(
                text.includes(marker),
                `${role} of B: ${op.method} ${op.path} leaked ${marker}: ${res.body.slice(0, 300)}`,
              ).toBe(false);
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(await snapshotPractice(a)).toBe(before);
  }, 240_000);
});

/** Practice A's clinical record, written as the system (as the demo does), text sealed under the routes' contexts. */
async function seedRecord(practiceId: string, therapistId: string, clientId: string, sessions: string[], tag: string) {
  await t.ctx.access.run(systemActor(practiceId), async (tx) => {
    await tx.query(
      `INSERT INTO note_settings (practice_id, fields, late_after_hours)
       VALUES (app_practice_id(), $1::jsonb, 48)`,
      [JSON.stringify([{ key: 'themes', label: `Alpha themes ${tag}`, enabled: true }])],
    );
    for (const [index, appointmentId] of sessions.entries()) {
      const signed = index === 0;
      const noteId = crypto.randomUUID();
      const session = await tx.query<{ starts_at: Date; ends_at: Date }>(
        'SELECT starts_at, ends_at FROM appointments WHERE id = $1',
        [appointmentId],
      );
      const { starts_at: startsAt, ends_at: endsAt } = session.rows[0] as { starts_at: Date; ends_at: Date };
      const content = { narrative: `Alpha narrative ${index} ${tag}`, fields: { themes: `Alpha theme ${tag}` } };
      await tx.query(
        `INSERT INTO progress_notes (id, practice_id, client_id, appointment_id, author_id, status, version,
                                     narrative_enc, fields_enc, defences, interventions, session_starts_at,
                                     session_ends_at, signed_at, signed_by, signed_late)
         VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15)`,
        [
          noteId,
          clientId,
          appointmentId,
          therapistId,
          signed ? 'signed' : 'draft',
          signed ? 2 : 1,
          await tx.encrypt('clinical', `progress_notes.narrative_enc:${noteId}`, content.narrative),
          await tx.encrypt('clinical', `progress_notes.fields_enc:${noteId}`, JSON.stringify(content.fields)),
          JSON.stringify([{ defence: 'intellectualisation', level: 6 }]),
          ['clarification'],
          startsAt,
          endsAt,
          signed ? new Date(endsAt.getTime() + 3_600_000) : null,
          signed ? therapistId : null,
          signed ? false : null,
        ],
      );
      for (let version = 1; version <= (signed ? 2 : 1); version++) {
        const versionId = crypto.randomUUID();
        await tx.query(
          `INSERT INTO progress_note_versions (id, practice_id, note_id, version, kind, snapshot_enc, saved_by)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6)`,
          [
            versionId,
            noteId,
            version,
            version === 2 ? 'signed' : 'draft',
            await tx.encrypt('clinical', `progress_note_versions.snapshot_enc:${versionId}`, JSON.stringify(content)),
            therapistId,
          ],
        );
      }
      if (signed) {
        const amendmentId = crypto.randomUUID();
        await tx.query(
          `INSERT INTO progress_note_amendments (id, practice_id, note_id, author_id, reason_enc, text_enc)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5)`,
          [
            amendmentId,
            noteId,
            therapistId,
            await tx.encrypt('clinical', `progress_note_amendments.reason_enc:${amendmentId}`, `Alpha reason ${tag}`),
            await tx.encrypt('clinical', `progress_note_amendments.text_enc:${amendmentId}`, `Alpha amendment ${tag}`),
          ],
        );
      }
    }
    const processId = crypto.randomUUID();
    await tx.query(
      `INSERT INTO process_notes (id, practice_id, author_id, client_id, appointment_id, body_enc)
       VALUES ($1, app_practice_id(), $2, $3, $4, $5)`,
      [
        processId,
        therapistId,
        clientId,
        sessions[0],
        await tx.encrypt('process', `process_notes.body_enc:${processId}`, `Alpha process note ${tag}`),
      ],
    );
  });
}

/** Practice A's case formulation (two versions, a review) and its own CCRT category set, through the routes. */
async function seedFormulation(episodeId: string, therapistCookie: string, adminCookie: string, tag: string) {
  const send = (method: 'PUT' | 'POST', url: string, cookie: string, payload: object) =>
    t.app.inject({ method, url, headers: { cookie, ...CSRF }, payload });
  const { STANDARD_CCRT_CLUSTERS } = await import('@undercurrent/clinical');
  const categories = await send('PUT', '/api/record/ccrt-categories', adminCookie, {
    name: `Alpha clusters ${tag}`,
    unverified: true,
    clusters: [
      ...STANDARD_CCRT_CLUSTERS.clusters,
      { id: `w-alpha-${tag}`, component: 'W', label: `Alpha wish ${tag}` },
    ],
  });
  expect(categories.statusCode, categories.body).toBe(200);
  const url = `/api/record/episodes/${episodeId}/formulation`;
  const part = (clusterIds: string[]) => ({ clusterIds, words: `Alpha words ${tag}` });
  const content = {
    presentingDifficulties: `Alpha presenting ${tag}`,
    history: `Alpha history ${tag}`,
    attachmentDevelopment: `Alpha attachment ${tag}`,
    goals: [{ id: 'alpha-goal', text: `Alpha goal ${tag}`, status: 'open' }],
    ccrt: { W: part([`w-alpha-${tag}`]), RO: part(['ro-helpful']), RS: part(['rs-helpless']) },
  };
  for (const baseVersion of [0, 1]) {
    const saved = await send('PUT', url, therapistCookie, { baseVersion, ...content });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  const review = await send('POST', `${url}/reviews`, therapistCookie, {
    reviewedOn: '2026-01-15',
    text: `Alpha review ${tag}`,
  });
  expect(review.statusCode, review.body).toBe(200);
}
