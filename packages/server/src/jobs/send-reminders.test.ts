import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { DEFAULT_POLICY } from '../frame/frame-types.js';
import { outboxBodyContext } from '../mail/enqueue-email.js';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  scopedQuery,
  type PersonFixture,
} from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { zoneLabel } from '../frame/zoned-time.js';
import { queueDueReminders, reminderEmail, sendRemindersJob } from './send-reminders.js';

/** Reminders through the real outbox: what is queued, once, and what the e-mail says. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const HOUR = 3_600_000;

interface Setup {
  practiceId: string;
  therapist: PersonFixture;
  client: PersonFixture;
  episodeId: string;
  roomId: string;
}

/** leadHours 'unsaved': the therapist has never saved settings (the default lead time applies). */
async function setup(leadHours: number | null | 'unsaved'): Promise<Setup> {
  const practiceId = await createPracticeFixture(t.ctx, 'Reminder Practice');
  const therapist = await addPerson(t.ctx, practiceId, ['therapist'], { displayName: 'Dr Ada Byrne' });
  const client = await addPerson(t.ctx, practiceId, ['client'], { displayName: 'Cleo Client' });
  if (leadHours !== 'unsaved') {
    await scopedQuery(
      t.ctx,
      practiceId,
      `INSERT INTO therapist_settings (practice_id, therapist_id, policy, reminder_lead_hours) VALUES ($1, $2, $3, $4)`,
      [practiceId, therapist.userId, JSON.stringify(DEFAULT_POLICY), leadHours],
    );
  }
  const [room] = await scopedQuery<{ id: string }>(
    t.ctx,
    practiceId,
    `INSERT INTO locations (practice_id, name, kind, address) VALUES ($1, 'Room 2', 'room', '12 High Street') RETURNING id`,
    [practiceId],
  );
  const [episode] = await scopedQuery<{ id: string }>(
    t.ctx,
    practiceId,
    `INSERT INTO episodes (practice_id, therapist_id, client_id, status, kind, time_zone, closing_summary_enc)
     VALUES ($1, $2, $3, 'active', 'open', 'Europe/London', NULL) RETURNING id`,
    [practiceId, therapist.userId, client.userId],
  );
  return { practiceId, therapist, client, episodeId: episode?.id ?? '', roomId: room?.id ?? '' };
}

async function appointment(s: Setup, startsAt: Date, status = 'scheduled', kind = 'assessment'): Promise<string> {
  const [row] = await scopedQuery<{ id: string }>(
    t.ctx,
    s.practiceId,
    `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at,
                               local_start, time_zone, location_id, fee_pence, status)
     VALUES ($1, $2, $3, $4, $5, $6, $6::timestamptz + interval '50 minutes', 'x', 'Europe/London', $7, 9500, $8)
     RETURNING id`,
    [s.practiceId, s.episodeId, s.therapist.userId, s.client.userId, kind, startsAt, s.roomId, status],
  );
  return row?.id ?? '';
}

async function queue(s: Setup, now: Date): Promise<number> {
  return t.ctx.access.run(systemActor(s.practiceId), (tx) =>
    queueDueReminders(tx, { publicUrl: 'http://localhost:8080', smtpConfigured: false, now }),
  );
}

async function outbox(s: Setup) {
  return t.ctx.access.run(systemActor(s.practiceId), async (tx) => {
    const rows = await tx.query<{
      id: string;
      kind: string;
      to_address: string;
      subject: string;
      body_enc: string;
      status: string;
    }>('SELECT id, kind, to_address, subject, body_enc, status FROM outbox ORDER BY created_at');
    return Promise.all(
      rows.rows.map(async (r) => ({ ...r, text: await tx.decrypt(outboxBodyContext(r.id), r.body_enc) })),
    );
  });
}

async function sentAt(s: Setup, id: string): Promise<Date | null> {
  const [row] = await scopedQuery<{ reminder_sent_at: Date | null }>(
    t.ctx,
    s.practiceId,
    'SELECT reminder_sent_at FROM appointments WHERE id = $1',
    [id],
  );
  return row?.reminder_sent_at ?? null;
}

/** Words that would tell an onlooker something clinical about the person. */
const CLINICAL =
  /therap(y|eutic)|psych|assessment|consultation|episode|diagnos|treatment|counsel|mental|summary|£|95\.00/i;

describe('appointment reminders', () => {
  it('queues one e-mail per appointment within the lead time, once, with nothing clinical in it', async () => {
    const s = await setup(24);
    const now = new Date('2031-03-10T08:00:00Z');
    const soon = await appointment(s, new Date('2031-03-11T07:30:00Z'));
    const tooFar = await appointment(s, new Date('2031-03-11T08:30:00Z'));
    const cancelled = await appointment(s, new Date('2031-03-10T12:00:00Z'), 'cancelled_client');
    const past = await appointment(s, new Date('2031-03-10T07:00:00Z'));

    expect(await queue(s, now)).toBe(1);
    expect(await queue(s, now)).toBe(0);
    const messages = await outbox(s);
    expect(messages).toHaveLength(1);
    const [mail] = messages;
    expect(mail).toMatchObject({ kind: 'appointment_reminder', to_address: s.client.email, status: 'held' });
    expect(mail?.subject).toBe('Reminder: your appointment on Tuesday 11 March at 07:30');
    expect(mail?.text).toContain(
      'This is a reminder of your appointment with Dr Ada Byrne on Tuesday 11 March at 07:30 (London time).',
    );
    expect(mail?.text).toContain('Where: Room 2, 12 High Street');
    expect(mail?.text).toContain('http://localhost:8080/sessions');
    expect(`${mail?.subject}\n${mail?.text}`).not.toMatch(CLINICAL);

    expect(await sentAt(s, soon)).toEqual(now);
    for (const id of [tooFar, cancelled, past]) expect(await sentAt(s, id)).toBeNull();

    // An hour later the second one is inside the lead time too; the first is not sent again.
    expect(await queue(s, new Date(now.getTime() + HOUR))).toBe(1);
    expect(await sentAt(s, tooFar)).not.toBeNull();
    expect(await outbox(s)).toHaveLength(2);

    const events = await auditEventsOf(t.ctx, s.practiceId);
    expect(
      events.filter((e) => e.action === 'frame.reminder_queued').map((e) => [e.subject_id, e.subject_user_id]),
    ).toEqual([
      [soon, s.client.userId],
      [tooFar, s.client.userId],
    ]);
  });

  it('uses the default lead time (24 hours) for a therapist who has saved no settings', async () => {
    const s = await setup('unsaved');
    const now = new Date('2031-05-01T08:00:00Z');
    const within = await appointment(s, new Date('2031-05-02T07:00:00Z'));
    const beyond = await appointment(s, new Date('2031-05-02T09:00:00Z'));
    expect(await queue(s, now)).toBe(1);
    expect(await sentAt(s, within)).toEqual(now);
    expect(await sentAt(s, beyond)).toBeNull();
  });

  it('sends nothing when the therapist turned reminders off, or to a switched-off account', async () => {
    const none = await setup(null);
    const now = new Date('2031-04-01T08:00:00Z');
    await appointment(none, new Date('2031-04-01T10:00:00Z'));
    expect(await queue(none, now)).toBe(0);

    const disabled = await setup(48);
    await appointment(disabled, new Date('2031-04-01T10:00:00Z'));
    await scopedQuery(t.ctx, disabled.practiceId, `UPDATE users SET status = 'disabled' WHERE id = $1`, [
      disabled.client.userId,
    ]);
    expect(await queue(disabled, now)).toBe(0);
    expect(await outbox(disabled)).toHaveLength(0);
  });

  it('is an every-minute job, and a second node skips a practice another is working on', async () => {
    // The job itself runs queueAllReminders over every practice; here only this test's practice is
    // touched, so other test files' outboxes are left alone.
    expect(sendRemindersJob(t.ctx)).toMatchObject({ name: 'send-reminders', intervalMs: 60_000 });
    const s = await setup(2);
    const id = await appointment(s, new Date(Date.now() + HOUR));
    // While one transaction holds the practice's reminder lock, another queues nothing.
    await t.ctx.access.run(systemActor(s.practiceId), async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-reminders:${s.practiceId}`]);
      expect(await queue(s, new Date())).toBe(0);
    });
    expect(await queue(s, new Date())).toBe(1);
    expect(await sentAt(s, id)).not.toBeNull();
    expect(await outbox(s)).toHaveLength(1);
  });

  it('gives the time in the client’s own zone when they set one, with the therapist’s too', () => {
    const mail = reminderEmail({
      to: 'c@example.org',
      clientName: 'Cleo Client',
      therapistName: 'Dr Ada Byrne',
      practiceName: 'Northside',
      startsAt: new Date('2031-01-14T09:00:00Z'),
      timeZone: 'Europe/London',
      clientZone: 'America/New_York',
      place: 'Video call (online)',
      link: 'http://localhost:8080/sessions',
    });
    expect(mail.text).toContain('on Tuesday 14 January at 04:00 (New York time; 09:00 London time).');
    expect(mail.subject).toBe('Reminder: your appointment on Tuesday 14 January at 04:00');
    expect(zoneLabel('UTC')).toBe('UTC');
  });
});
