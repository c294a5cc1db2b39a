import crypto from 'node:crypto';
import { systemActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import type { DreamDetails, EntryKind } from '../features/journal/journal-schemas.js';
import { createPracticeFixture } from './fixtures.js';
import { addPerson, carePair, sessionCookie } from './frame-fixtures.js';
import { CSRF, type TestApp } from './test-app.js';

/**
 * Test data for the therapist's side, written straight into the database as the system (as the
 * demo seeding does), so these tests do not depend on the client's routes: an entry with encrypted
 * text, and a share of it at a chosen time.
 */
export interface EntrySeed {
  kind?: EntryKind;
  body: string;
  details?: DreamDetails | null;
  dreamtOn?: string | null;
  recursIds?: string[];
  createdAt?: Date;
}

export async function seedEntry(ctx: AppContext, practiceId: string, clientId: string, seed: EntrySeed) {
  const id = crypto.randomUUID();
  await ctx.access.run(systemActor(practiceId), async (tx) => {
    const body = await tx.encrypt('clinical', `journal_entries.body_enc:${id}`, seed.body);
    const excerpt = await tx.encrypt(
      'clinical',
      `journal_entries.excerpt_enc:${id}`,
      [...seed.body].slice(0, 200).join(''),
    );
    const details = seed.details
      ? await tx.encrypt('clinical', `journal_entries.details_enc:${id}`, JSON.stringify(seed.details))
      : null;
    const at = seed.createdAt ?? new Date();
    await tx.query(
      `INSERT INTO journal_entries (id, practice_id, client_id, kind, body_enc, excerpt_enc, details_enc, word_count,
                                    dreamt_on, recurs_ids, created_at, updated_at)
       VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [
        id,
        clientId,
        seed.kind ?? 'reflection',
        body,
        excerpt,
        details,
        seed.body.split(/\s+/u).filter(Boolean).length,
        seed.dreamtOn ?? null,
        seed.recursIds ?? [],
        at,
      ],
    );
  });
  return id;
}

export interface ShareSeed {
  sharedAt?: Date;
  bringNext?: boolean;
  bringMarkedAt?: Date | null;
  withdrawnAt?: Date | null;
}

export async function seedShare(
  ctx: AppContext,
  practiceId: string,
  clientId: string,
  entryId: string,
  seed: ShareSeed = {},
): Promise<string> {
  return ctx.access.run(systemActor(practiceId), async (tx) => {
    const sharedAt = seed.sharedAt ?? new Date();
    const result = await tx.query<{ id: string }>(
      `INSERT INTO journal_shares (practice_id, client_id, entry_id, kind, shared_at, bring_next, bring_marked_at,
                                   withdrawn_at)
       SELECT app_practice_id(), client_id, id, kind, $3, $4, $5, $6 FROM journal_entries WHERE id = $1 AND client_id = $2
       RETURNING id`,
      [
        entryId,
        clientId,
        sharedAt,
        seed.bringNext ?? false,
        seed.bringNext ? (seed.bringMarkedAt ?? sharedAt) : null,
        seed.withdrawnAt ?? null,
      ],
    );
    return result.rows[0]?.id as string;
  });
}

/** Moves an entry's updated_at (the client edited it then). */
export async function touchEntry(ctx: AppContext, practiceId: string, entryId: string, at: Date): Promise<void> {
  await ctx.access.run(systemActor(practiceId), async (tx) => {
    await tx.query('UPDATE journal_entries SET updated_at = $2 WHERE id = $1', [entryId, at]);
  });
}

/**
 * The client-side journal tests' shared world and calls: a client in a therapist's care (with an
 * episode), a second client of the same practice, and requests made as either through the real routes.
 * `app` is read when a helper runs, so the test file may create its app in beforeAll.
 */
export function journalHelpers(app: () => TestApp) {
  async function journalWorld() {
    const t = app();
    const practiceId = await createPracticeFixture(t.ctx, 'Journal Practice');
    const pair = await carePair(t, practiceId);
    const other = await addPerson(t.ctx, practiceId, ['client']);
    return {
      practiceId,
      pair,
      client: pair.client,
      clientCookie: pair.clientCookie,
      therapistCookie: pair.therapistCookie,
      other,
      otherCookie: await sessionCookie(t.ctx, other),
    };
  }
  const newId = () => crypto.randomUUID();
  function call(cookie: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) {
    const headers = { cookie, ...(method === 'GET' ? {} : CSRF) };
    return app().app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  }
  function saveEntry(cookie: string, id: string, body: string, baseVersion = 0, extra: object = {}) {
    return call(cookie, 'PUT', `/api/journal/entries/${id}`, { kind: 'reflection', baseVersion, body, ...extra });
  }
  async function writeEntry(cookie: string, body: string, extra: object = {}) {
    const id = newId();
    const res = await saveEntry(cookie, id, body, 0, extra);
    if (res.statusCode !== 200) throw new Error(`saving failed: ${res.body}`);
    return id;
  }
  return { journalWorld, newId, call, saveEntry, writeEntry };
}
export type JournalWorld = Awaited<ReturnType<ReturnType<typeof journalHelpers>['journalWorld']>>;
