import crypto from 'node:crypto';
import type { Scoped } from '../access/access-layer.js';
import { storeCorrections } from '../features/patterns/dream-corrections-record.js';
import { addDays, localToUtc, todayIn } from '../frame/zoned-time.js';
import { DEMO_JOURNALS, type DemoEntry } from './demo-journal-entries.js';

/**
 * The clients' private journals in the demo practice, relative to the day it is seeded: Priya (Dr
 * Ruth Mensah) has a few months of every kind of entry — a recurring dream of a house by the sea,
 * free association with the time spent, reflections on sessions, check-ins — some shared and read,
 * one shared and withdrawn, one dream marked to bring to her next session, two tags and one note on
 * her "not ready yet" list; Sophie (Tom Adeyemi) writes towards her ending; Daniel keeps check-ins.
 *
 * Written as the system, text encrypted under the same contexts the routes use. Runs after the
 * frame (reflections link to sessions). Idempotent: a practice that already has entries is left alone.
 */
const ZONE = 'Europe/London';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoJournalSummary {
  entries: number;
  shares: number;
  notReady: number;
}

function id(userIds: Record<string, string>, key: string): string {
  const found = userIds[key];
  if (!found) throw new Error(`the demo has no person "${key}"`);
  return found;
}

const wordCount = (text: string) => text.split(/\s+/u).filter(Boolean).length;
const excerptOf = (text: string) => [...text.replace(/\s+/gu, ' ').trim()].slice(0, 200).join('');

interface Session {
  id: string;
  therapistId: string;
  startsAt: Date;
  endsAt: Date;
}

/** The client's sessions that took place, oldest first. */
async function heldSessions(tx: Scoped, clientId: string): Promise<Session[]> {
  const result = await tx.query<{ id: string; therapist_id: string; starts_at: Date; ends_at: Date }>(
    `SELECT id, therapist_id, starts_at, ends_at FROM appointments WHERE client_id = $1 AND status = 'attended'
      ORDER BY starts_at, id`,
    [clientId],
  );
  return result.rows.map((r) => ({ id: r.id, therapistId: r.therapist_id, startsAt: r.starts_at, endsAt: r.ends_at }));
}

/** The start of the client's last session by `now` (held, or due and not cancelled), as the therapist's list counts it. */
async function lastSessionStart(
  tx: Scoped,
  clientId: string,
  therapistId: string | null,
  now: Date,
): Promise<Date | null> {
  const result = await tx.query<{ starts_at: Date }>(
    `SELECT starts_at FROM appointments
      WHERE client_id = $1 AND therapist_id = $2 AND starts_at <= $3
        AND status NOT IN ('cancelled_client', 'cancelled_therapist', 'moved')
      ORDER BY starts_at DESC LIMIT 1`,
    [clientId, therapistId, now],
  );
  return result.rows[0]?.starts_at ?? null;
}

async function therapistOf(tx: Scoped, clientId: string): Promise<string | null> {
  const result = await tx.query<{ therapist_id: string }>(
    'SELECT therapist_id FROM care_assignments WHERE client_id = $1 AND ended_at IS NULL ORDER BY created_at LIMIT 1',
    [clientId],
  );
  return result.rows[0]?.therapist_id ?? null;
}

interface Placed {
  writtenAt: Date;
  sharedAt: Date | null;
}

/** When an entry was written and shared: its day and time, never later than a moment ago. */
function place(entry: DemoEntry, today: string, now: Date, last: Date | null): Placed {
  if (entry.toBringNow) {
    // Between the last session and now, so it is on the list for the next one.
    const from = last ?? new Date(now.getTime() - DAY);
    const span = now.getTime() - from.getTime();
    return { writtenAt: new Date(from.getTime() + span / 2), sharedAt: new Date(from.getTime() + (span * 3) / 4) };
  }
  const latest = now.getTime() - 30 * 60_000;
  const writtenAt = new Date(Math.min(localToUtc(addDays(today, -entry.daysAgo), entry.at, ZONE).getTime(), latest));
  const sharedAt = entry.share ? new Date(Math.min(writtenAt.getTime() + entry.share.afterHours * HOUR, latest)) : null;
  return { writtenAt, sharedAt };
}

async function insertEntry(
  tx: Scoped,
  clientId: string,
  entry: DemoEntry,
  writtenAt: Date,
  links: { recursIds: string[]; appointmentId: string | null },
): Promise<string> {
  const entryId = crypto.randomUUID();
  const encrypt = (column: string, text: string) =>
    tx.encrypt('clinical', `journal_entries.${column}:${entryId}`, text);
  await tx.query(
    `INSERT INTO journal_entries (id, practice_id, client_id, kind, body_enc, excerpt_enc, details_enc, word_count, mood,
                                  dreamt_on, dream_period, nightmare, recurs_ids, appointment_id, timer_minutes,
                                  seconds_spent, created_at, updated_at)
     VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
    [
      entryId,
      clientId,
      entry.kind,
      await encrypt('body_enc', entry.body),
      await encrypt('excerpt_enc', excerptOf(entry.body)),
      entry.details ? await encrypt('details_enc', JSON.stringify(entry.details)) : null,
      wordCount(entry.body),
      entry.mood ?? null,
      entry.kind === 'dream' ? todayIn(ZONE, writtenAt) : null,
      entry.dreamPeriod ?? null,
      entry.nightmare ?? false,
      links.recursIds,
      links.appointmentId,
      entry.timerMinutes ?? null,
      entry.secondsSpent ?? 0,
      writtenAt,
    ],
  );
  return entryId;
}

async function insertShare(
  tx: Scoped,
  clientId: string,
  therapistId: string | null,
  entryId: string,
  entry: DemoEntry,
  sharedAt: Date,
  now: Date,
): Promise<void> {
  const bring = entry.toBringNow === true || entry.share?.bringNext === true;
  const withdrawnAfter = entry.share?.withdrawnAfterDays;
  const withdrawnAt =
    withdrawnAfter === undefined ? null : new Date(Math.min(sharedAt.getTime() + withdrawnAfter * DAY, now.getTime()));
  const result = await tx.query<{ id: string }>(
    `INSERT INTO journal_shares (practice_id, client_id, entry_id, kind, shared_at, bring_next, bring_marked_at, withdrawn_at)
     VALUES (app_practice_id(), $1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [clientId, entryId, entry.kind, sharedAt, bring, bring ? sharedAt : null, withdrawnAt],
  );
  const shareId = result.rows[0]?.id as string;
  if (entry.share?.read && therapistId) {
    const readAt = new Date(Math.min(sharedAt.getTime() + 10 * HOUR, now.getTime()));
    await tx.query(
      `INSERT INTO journal_reads (practice_id, share_id, therapist_id, first_read_at, read_at)
       VALUES (app_practice_id(), $1, $2, $3, $3)`,
      [shareId, therapistId, readAt],
    );
  }
}

/** The client's tags by name, made on first use. */
async function tagIds(tx: Scoped, clientId: string, names: string[], made: Map<string, string>, at: Date) {
  const ids: string[] = [];
  for (const name of names) {
    let tagId = made.get(name);
    if (!tagId) {
      tagId = crypto.randomUUID();
      await tx.query(
        `INSERT INTO journal_tags (id, practice_id, client_id, name_enc, created_at) VALUES ($1, app_practice_id(), $2, $3, $4)`,
        [tagId, clientId, await tx.encrypt('clinical', `journal_tags.name_enc:${tagId}`, name), at],
      );
      made.set(name, tagId);
    }
    ids.push(tagId);
  }
  return ids;
}

export async function seedDemoJournal(
  tx: Scoped,
  userIds: Record<string, string>,
  now: Date = new Date(),
): Promise<DemoJournalSummary> {
  const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_entries');
  if ((existing.rows[0]?.n ?? 0) > 0) return counts(tx);
  const today = todayIn(ZONE, now);

  for (const journal of DEMO_JOURNALS) {
    const clientId = id(userIds, journal.client);
    const therapistId = await therapistOf(tx, clientId);
    const sessions = await heldSessions(tx, clientId);
    const last = await lastSessionStart(tx, clientId, therapistId, now);
    const entryIds = new Map<string, string>();
    const tags = new Map<string, string>();
    for (const entry of journal.entries) {
      const { writtenAt, sharedAt } = place(entry, today, now, last);
      const before = sessions.filter((s) => s.endsAt <= writtenAt).at(-1);
      const entryId = await insertEntry(tx, clientId, entry, writtenAt, {
        recursIds: (entry.recurs ?? []).map((key) => entryIds.get(key) as string).filter(Boolean),
        appointmentId: entry.aboutSession && before ? before.id : null,
      });
      entryIds.set(entry.key, entryId);
      if (sharedAt) await insertShare(tx, clientId, therapistId, entryId, entry, sharedAt, now);
      if (sharedAt && therapistId && entry.codeCorrections) {
        await storeCorrections(tx, {
          clientId,
          entryId,
          entryVersion: 1,
          corrections: entry.codeCorrections,
          baseVersion: 0,
          by: therapistId,
        });
      }
      for (const tagId of await tagIds(tx, clientId, entry.tags ?? [], tags, writtenAt)) {
        await tx.query(
          `INSERT INTO journal_entry_tags (practice_id, entry_id, tag_id, client_id) VALUES (app_practice_id(), $1, $2, $3)`,
          [entryId, tagId, clientId],
        );
      }
    }
    for (const [index, text] of (journal.notReady ?? []).entries()) {
      const noteId = crypto.randomUUID();
      const at = new Date(now.getTime() - (40 - index) * DAY);
      await tx.query(
        `INSERT INTO journal_not_ready (id, practice_id, client_id, text_enc, created_at, updated_at)
         VALUES ($1, app_practice_id(), $2, $3, $4, $4)`,
        [noteId, clientId, await tx.encrypt('clinical', `journal_not_ready.text_enc:${noteId}`, text), at],
      );
    }
  }
  return counts(tx);
}

async function counts(tx: Scoped): Promise<DemoJournalSummary> {
  const result = await tx.query<DemoJournalSummary>(
    `SELECT (SELECT count(*) FROM journal_entries)::int AS entries, (SELECT count(*) FROM journal_shares)::int AS shares,
            (SELECT count(*) FROM journal_not_ready)::int AS "notReady"`,
  );
  return result.rows[0] as DemoJournalSummary;
}
