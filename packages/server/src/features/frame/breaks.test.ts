import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localToUtc, todayIn, weekdayOf } from '../../frame/zoned-time.js';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import { formatLongDate } from './charges-format.js';
import {
  addSession,
  agreeSeries,
  carePair,
  chargesWorld,
  makeBrief,
  outboxMessages,
  ZONE,
  type CarePair,
  type ChargesWorld,
} from '../../test-support/frame-fixtures.js';

/**
 * Breaks cancel exactly the sessions they cover, tell each client once with the notice given, top
 * up brief episodes, and give the sessions back when called off.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const today = () => todayIn(ZONE);
const day = (n: number) => addDays(today(), n);

function addBreak(cookie: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/frame/breaks', headers: { cookie, ...CSRF }, payload });
}

function removeBreak(cookie: string, id: string) {
  return t.app.inject({ method: 'DELETE', url: `/api/frame/breaks/${id}`, headers: { cookie, ...CSRF }, payload: {} });
}

async function sessionOn(w: ChargesWorld, pair: CarePair, date: string, time = '10:00'): Promise<string> {
  return addSession(t, w.practiceId, pair, localToUtc(date, time, ZONE));
}

async function appointment(w: ChargesWorld, id: string) {
  const rows = await scopedQuery<{
    status: string;
    sequence: number;
    cancel_reason: string | null;
    break_id: string | null;
  }>(t.ctx, w.practiceId, 'SELECT status, sequence, cancel_reason, break_id FROM appointments WHERE id = $1', [id]);
  return rows[0];
}

describe('breaks', () => {
  it('a therapist’s break cancels exactly their sessions inside it and e-mails each client once with the notice', async () => {
    const w = await chargesWorld(t);
    const colleague = await carePair(t, w.practiceId);
    const before = await sessionOn(w, w.pair, day(30));
    const first = await sessionOn(w, w.pair, day(40));
    const second = await sessionOn(w, w.pair, day(43), '16:00');
    const after = await sessionOn(w, w.pair, day(50));
    const colleagues = await sessionOn(w, colleague, day(41));
    const res = await addBreak(w.pair.therapistCookie, {
      title: 'Walking in the Alps',
      startsOn: day(38),
      endsOn: day(45),
      scope: 'own',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'therapist',
      therapistId: w.pair.therapist.userId,
      title: 'Walking in the Alps',
      startsOn: day(38),
      endsOn: day(45),
      cancelledSessions: 2,
    });
    for (const id of [first, second]) {
      expect(await appointment(w, id)).toMatchObject({
        status: 'cancelled_therapist',
        cancel_reason: 'break',
        break_id: res.json().id,
        sequence: 1,
      });
    }
    for (const id of [before, after, colleagues]) {
      expect(await appointment(w, id)).toMatchObject({ status: 'scheduled', sequence: 0 });
    }
    const mail = await outboxMessages(t, w.practiceId, 'frame.break');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to).toBe(w.pair.client.email);
    const dates = `${formatLongDate(day(40), day(40).slice(0, 4) !== day(43).slice(0, 4))} and ${formatLongDate(day(43))}`;
    expect(mail[0]?.text).toContain(`Your sessions with Test therapist on ${dates} will not take place`);
    expect(mail[0]?.text).toContain('Test therapist is away (a break)');
    expect(mail[0]?.text).toContain("You have been given 40 days' notice.");
    // The therapist's own title for their break is not the client's business.
    expect(mail[0]?.text).not.toContain('Alps');
    // Nothing is charged for sessions the therapist cancels.
    const ledger = await scopedQuery(t.ctx, w.practiceId, 'SELECT 1 FROM ledger_entries');
    expect(ledger).toEqual([]);
    const cancelledEvent = (await auditEventsOf(t.ctx, w.practiceId)).find(
      (e) => e.action === 'frame.appointment_cancelled',
    );
    expect(cancelledEvent).toMatchObject({
      subject_user_id: w.pair.client.userId,
      details: { cancelled: 2, noticeDays: 40 },
    });
  });

  it('a practice closure (admin) cancels every therapist’s sessions and names itself; therapists may not add one', async () => {
    const w = await chargesWorld(t);
    const colleague = await carePair(t, w.practiceId);
    const mine = await sessionOn(w, w.pair, day(20));
    const theirs = await sessionOn(w, colleague, day(21));
    const refused = await addBreak(w.pair.therapistCookie, {
      title: 'Closure',
      startsOn: day(19),
      endsOn: day(22),
      scope: 'practice',
    });
    expect(refused.statusCode).toBe(403);
    const res = await addBreak(w.adminCookie, {
      title: 'Building works',
      startsOn: day(19),
      endsOn: day(22),
      scope: 'practice',
    });
    expect(res.json()).toMatchObject({ kind: 'practice', therapistId: null, cancelledSessions: 2 });
    expect((await appointment(w, mine))?.status).toBe('cancelled_therapist');
    expect((await appointment(w, theirs))?.status).toBe('cancelled_therapist');
    const mail = await outboxMessages(t, w.practiceId, 'frame.break');
    expect(mail.map((m) => m.to).sort()).toEqual([w.pair.client.email, colleague.client.email].sort());
    expect(mail[0]?.text).toContain('is away (Building works)');
    expect(mail[0]?.text).toContain('You have been given 2');
    // An admin without a therapist role has no "own" break to take.
    expect(
      (await addBreak(w.adminCookie, { title: 'Mine', startsOn: day(1), endsOn: day(2), scope: 'own' })).statusCode,
    ).toBe(403);
  });

  it('refuses impossible dates and breaks that are already over', async () => {
    const w = await chargesWorld(t);
    const cases = [
      { title: 'x', startsOn: '2027-02-30', endsOn: '2027-03-02', scope: 'own' },
      { title: 'x', startsOn: day(5), endsOn: day(4), scope: 'own' },
      { title: 'x', startsOn: day(-5), endsOn: day(-1), scope: 'own' },
      { title: '   ', startsOn: day(1), endsOn: day(2), scope: 'own' },
      { title: 'x', startsOn: day(1), endsOn: day(400), scope: 'own' },
    ];
    for (const payload of cases) expect((await addBreak(w.pair.therapistCookie, payload)).statusCode).toBe(400);
  });

  it('tops up a brief episode for a session lost to a break, and takes the extra one back when the break is called off', async () => {
    const w = await chargesWorld(t);
    const start = day(7);
    await makeBrief(t, w.practiceId, w.pair, { weekday: weekdayOf(start), time: '09:00' }, start, 4);
    const dates = async () =>
      (
        await scopedQuery<{ d: string; status: string }>(
          t.ctx,
          w.practiceId,
          `SELECT left(local_start, 10) AS d, status FROM appointments WHERE episode_id = $1 ORDER BY starts_at`,
          [w.pair.episodeId],
        )
      ).map((r) => `${r.d} ${r.status}`);
    expect(await dates()).toEqual([7, 14, 21, 28].map((n) => `${day(n)} scheduled`));
    const res = await addBreak(w.pair.therapistCookie, {
      title: 'Away',
      startsOn: day(14),
      endsOn: day(14),
      scope: 'own',
    });
    expect(res.json().cancelledSessions).toBe(1);
    expect(await dates()).toEqual([
      `${day(7)} scheduled`,
      `${day(14)} cancelled_therapist`,
      `${day(21)} scheduled`,
      `${day(28)} scheduled`,
      `${day(35)} scheduled`,
    ]);
    const removed = await removeBreak(w.pair.therapistCookie, res.json().id);
    expect(removed.json()).toEqual({ ok: true, restoredSessions: 1, notRestoredSessions: 0 });
    expect(await dates()).toEqual([7, 14, 21, 28].map((n) => `${day(n)} scheduled`));
  });

  it('calling a break off fills in the sessions it had kept an open-ended series from making', async () => {
    const w = await chargesWorld(t);
    const created = await addBreak(w.pair.therapistCookie, {
      title: 'Away',
      startsOn: day(14),
      endsOn: day(14),
      scope: 'own',
    });
    expect(created.json().cancelledSessions).toBe(0);
    const start = day(7);
    await agreeSeries(t, w.practiceId, w.pair, { weekday: weekdayOf(start), time: '09:00' }, start, null);
    const firstDates = async () =>
      (
        await scopedQuery<{ d: string }>(
          t.ctx,
          w.practiceId,
          `SELECT left(local_start, 10) AS d FROM appointments WHERE episode_id = $1 AND status = 'scheduled'
            ORDER BY starts_at LIMIT 3`,
          [w.pair.episodeId],
        )
      ).map((r) => r.d);
    expect(await firstDates()).toEqual([day(7), day(21), day(28)]);
    const reach = `SELECT materialised_until::text AS m FROM session_series WHERE episode_id = $1`;
    const [{ m: reachedBefore } = { m: '' }] = await scopedQuery<{ m: string }>(t.ctx, w.practiceId, reach, [
      w.pair.episodeId,
    ]);
    expect((await removeBreak(w.pair.therapistCookie, created.json().id)).json()).toMatchObject({ ok: true });
    expect(await firstDates()).toEqual([day(7), day(14), day(21)]);
    const [{ m: reachedAfter } = { m: '' }] = await scopedQuery<{ m: string }>(t.ctx, w.practiceId, reach, [
      w.pair.episodeId,
    ]);
    expect(reachedAfter).toBe(reachedBefore);
  });

  it('calling a break off restores its sessions (SEQUENCE bumped) unless their time has been taken', async () => {
    const w = await chargesWorld(t);
    const sameTherapist = await carePair(t, w.practiceId, { therapist: w.pair.therapist });
    const kept = await sessionOn(w, w.pair, day(40));
    const lost = await sessionOn(w, w.pair, day(43));
    const created = await addBreak(w.pair.therapistCookie, {
      title: 'Away',
      startsOn: day(40),
      endsOn: day(43),
      scope: 'own',
    });
    expect(created.json().cancelledSessions).toBe(2);
    await sessionOn(w, sameTherapist, day(43), '10:20');
    const other = await carePair(t, w.practiceId);
    expect((await removeBreak(other.therapistCookie, created.json().id)).statusCode).toBe(404);
    const res = await removeBreak(w.pair.therapistCookie, created.json().id);
    expect(res.json()).toEqual({ ok: true, restoredSessions: 1, notRestoredSessions: 1 });
    expect(await appointment(w, kept)).toMatchObject({
      status: 'scheduled',
      sequence: 2,
      break_id: null,
      cancel_reason: null,
    });
    expect(await appointment(w, lost)).toMatchObject({ status: 'cancelled_therapist', sequence: 1 });
    const mail = await outboxMessages(t, w.practiceId, 'frame.break');
    const restoredMail = mail.filter((m) => m.subject === 'Your sessions will take place after all');
    expect(restoredMail).toHaveLength(1);
    expect(restoredMail[0]?.text).toContain(`on ${formatLongDate(day(40))} will take place after all`);
    expect(restoredMail[0]?.text).not.toContain(formatLongDate(day(43)));
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/frame/breaks', headers: { cookie: w.pair.therapistCookie } })
      ).json(),
    ).toEqual([]);
  });

  it('lists a therapist’s own and the practice’s breaks; an admin sees all, and can call off any', async () => {
    const w = await chargesWorld(t);
    const colleague = await carePair(t, w.practiceId);
    const own = (
      await addBreak(w.pair.therapistCookie, { title: 'Mine', startsOn: day(10), endsOn: day(12), scope: 'own' })
    ).json();
    const theirs = (
      await addBreak(colleague.therapistCookie, { title: 'Theirs', startsOn: day(11), endsOn: day(13), scope: 'own' })
    ).json();
    const practice = (
      await addBreak(w.adminCookie, { title: 'Closed', startsOn: day(60), endsOn: day(61), scope: 'practice' })
    ).json();
    const list = (cookie: string, query = '') =>
      t.app.inject({ method: 'GET', url: `/api/frame/breaks${query}`, headers: { cookie } });
    expect((await list(w.pair.therapistCookie)).json().map((b: { id: string }) => b.id)).toEqual([own.id, practice.id]);
    expect((await list(w.adminCookie)).json().map((b: { id: string }) => b.id)).toEqual([
      own.id,
      theirs.id,
      practice.id,
    ]);
    expect(
      (await list(w.adminCookie, `?from=${day(20)}&to=${day(70)}`)).json().map((b: { id: string }) => b.id),
    ).toEqual([practice.id]);
    expect((await list(w.adminCookie, '?from=2027-13-01')).statusCode).toBe(400);
    expect((await list(w.pair.clientCookie)).statusCode).toBe(403);
    expect((await removeBreak(w.pair.therapistCookie, practice.id)).statusCode).toBe(404);
    expect((await removeBreak(w.adminCookie, theirs.id)).statusCode).toBe(200);
    expect((await removeBreak(w.adminCookie, practice.id)).statusCode).toBe(200);
  });
});

describe('bank holidays', () => {
  it('an admin sees those to come, imports chosen ones as practice breaks that cancel their sessions', async () => {
    const w = await chargesWorld(t);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/frame/bank-holidays',
      headers: { cookie: w.adminCookie },
    });
    expect(listed.statusCode).toBe(200);
    const { available, imported } = listed.json() as {
      available: { date: string; title: string }[];
      imported: unknown[];
    };
    expect(imported).toEqual([]);
    expect(available.length).toBeGreaterThan(0);
    expect(available.every((h) => h.date >= today())).toBe(true);
    const holiday = available[0] as { date: string; title: string };
    const session = await sessionOn(w, w.pair, holiday.date);
    const importing = (dates: string[], cookie = w.adminCookie) =>
      t.app.inject({
        method: 'POST',
        url: '/api/frame/bank-holidays/import',
        headers: { cookie, ...CSRF },
        payload: { dates },
      });
    const res = await importing([holiday.date]);
    expect(res.json()).toEqual({ added: 1, cancelledSessions: 1 });
    expect(await appointment(w, session)).toMatchObject({ status: 'cancelled_therapist', cancel_reason: 'break' });
    const mail = await outboxMessages(t, w.practiceId, 'frame.break');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain(`is away (${holiday.title})`);
    expect((await importing([holiday.date])).json()).toEqual({ added: 0, cancelledSessions: 0 });
    const after = (
      await t.app.inject({ method: 'GET', url: '/api/frame/bank-holidays', headers: { cookie: w.adminCookie } })
    ).json();
    expect(after.available.map((h: { date: string }) => h.date)).not.toContain(holiday.date);
    expect(after.imported).toEqual([
      expect.objectContaining({ kind: 'bank_holiday', startsOn: holiday.date, title: holiday.title }),
    ]);
    // Dates that are not bank holidays, or have passed, are refused; therapists cannot import.
    expect((await importing([addDays(holiday.date, 1)])).statusCode).toBe(400);
    expect((await importing(['2025-12-25'])).statusCode).toBe(400);
    expect((await importing([holiday.date], w.pair.therapistCookie)).statusCode).toBe(403);
  });
});
