import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../frame/frame-types.js';
import { addDays, todayIn, weekdayOf } from '../../frame/zoned-time.js';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import {
  addSession,
  carePair,
  chargesWorld,
  HOUR,
  ledgerRows,
  makeBrief,
  outboxMessages,
  ZONE,
  type ChargesWorld,
} from '../../test-support/frame-fixtures.js';

/**
 * A client cancelling their own session: the charge is shown first, and confirming charges exactly
 * that — or, if it would now be different, nothing happens and the new explanation is given.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function preview(cookie: string, id: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/frame/appointments/${id}/cancel-preview`,
    headers: { cookie, ...CSRF },
    payload: {},
  });
}

function cancel(cookie: string, id: string, expectedAmountPence: number) {
  return t.app.inject({
    method: 'POST',
    url: `/api/frame/appointments/${id}/cancel`,
    headers: { cookie, ...CSRF },
    payload: { expectedAmountPence },
  });
}

async function sessionIn(w: ChargesWorld, hours: number): Promise<string> {
  return addSession(t, w.practiceId, w.pair, new Date(Date.now() + hours * HOUR));
}

describe('cancelling one’s own session', () => {
  it('with enough notice: shown as free, cancelled free, nothing in the ledger', async () => {
    const w = await chargesWorld(t);
    const id = await sessionIn(w, 72);
    const shown = await preview(w.pair.clientCookie, id);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ late: false, amountPence: 0, currency: 'GBP', usedFreeAllowance: false });
    expect(shown.json().noticeHours).toBeGreaterThan(71.9);
    expect(shown.json().explanation).toMatch(/no charge/);
    const res = await cancel(w.pair.clientCookie, id, 0);
    expect(res.statusCode).toBe(200);
    expect(res.json().appointment).toMatchObject({
      id,
      status: 'cancelled_client',
      late: false,
      cancelReason: 'client',
    });
    expect(res.json().charge).toEqual(shown.json());
    expect(await ledgerRows(t, w.practiceId, w.pair.client.userId)).toEqual([]);
    const seq = await scopedQuery<{ sequence: number }>(
      t.ctx,
      w.practiceId,
      'SELECT sequence FROM appointments WHERE id = $1',
      [id],
    );
    expect(seq[0]?.sequence).toBe(1);
  });

  it('late: the preview’s charge is exactly what confirming writes to the ledger', async () => {
    const w = await chargesWorld(t, { policy: { ...DEFAULT_POLICY, lateFeePercent: 60 } });
    const id = await sessionIn(w, 24);
    const shown = (await preview(w.pair.clientCookie, id)).json();
    expect(shown).toMatchObject({ late: true, amountPence: 4200 });
    expect(shown.explanation).toMatch(/late cancellation/);
    const res = await cancel(w.pair.clientCookie, id, shown.amountPence);
    expect(res.statusCode).toBe(200);
    expect(res.json().charge).toEqual(shown);
    expect(res.json().appointment).toMatchObject({ late: true, status: 'cancelled_client' });
    expect((await ledgerRows(t, w.practiceId, w.pair.client.userId)).map((r) => [r.kind, r.amount_pence])).toEqual([
      ['late_cancellation', 4200],
    ]);
    const actions = (await auditEventsOf(t.ctx, w.practiceId))
      .filter((e) => e.subject_user_id === w.pair.client.userId)
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['frame.cancel_previewed', 'frame.appointment_cancelled']));
  });

  it('the free allowance and "the hour is yours" are shown before confirming, and charged as shown', async () => {
    const w = await chargesWorld(t, { policy: { ...DEFAULT_POLICY, mode: 'hour_is_yours', freeMissedPerYear: 1 } });
    const first = await sessionIn(w, 24 * 9);
    const second = await sessionIn(w, 24 * 10);
    const free = (await preview(w.pair.clientCookie, first)).json();
    expect(free).toMatchObject({ amountPence: 0, usedFreeAllowance: true });
    expect((await cancel(w.pair.clientCookie, first, 0)).statusCode).toBe(200);
    const charged = (await preview(w.pair.clientCookie, second)).json();
    expect(charged).toMatchObject({ amountPence: 7000, usedFreeAllowance: false });
    expect((await cancel(w.pair.clientCookie, second, 7000)).statusCode).toBe(200);
    expect((await ledgerRows(t, w.practiceId, w.pair.client.userId)).map((r) => [r.kind, r.amount_pence])).toEqual([
      ['free_missed', 0],
      ['hour_is_yours', 7000],
    ]);
  });

  it('a stale preview is refused with the new explanation (409), and nothing changes', async () => {
    const w = await chargesWorld(t);
    const id = await sessionIn(w, 49);
    const shown = (await preview(w.pair.clientCookie, id)).json();
    expect(shown.amountPence).toBe(0);
    // Time passes: the session is now 47 hours away, inside the 48-hour window.
    await scopedQuery(
      t.ctx,
      w.practiceId,
      `UPDATE appointments SET starts_at = starts_at - interval '2 hours', ends_at = ends_at - interval '2 hours'
        WHERE id = $1`,
      [id],
    );
    const res = await cancel(w.pair.clientCookie, id, shown.amountPence);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('charge_changed');
    expect(res.json().message).toMatch(/The charge has changed since you looked\. .*late cancellation.*£70\.00/);
    const rows = await scopedQuery<{ status: string }>(
      t.ctx,
      w.practiceId,
      'SELECT status FROM appointments WHERE id = $1',
      [id],
    );
    expect(rows[0]?.status).toBe('scheduled');
    expect(await ledgerRows(t, w.practiceId, w.pair.client.userId)).toEqual([]);
    // Confirming the new amount works.
    expect((await cancel(w.pair.clientCookie, id, 7000)).statusCode).toBe(200);
  });

  it('only one’s own future scheduled sessions: another client’s is not found, a started one is refused', async () => {
    const w = await chargesWorld(t);
    const other = await carePair(t, w.practiceId);
    const id = await sessionIn(w, 72);
    for (const res of [await preview(other.clientCookie, id), await cancel(other.clientCookie, id, 0)]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('There is no such session among your sessions.');
    }
    const started = await addSession(t, w.practiceId, w.pair, new Date(Date.now() - 10 * 60_000));
    const refused = await cancel(w.pair.clientCookie, started, 7000);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'already_started' });
    expect(refused.json().message).toMatch(/already started.*talk with your therapist/);
    expect((await cancel(w.pair.clientCookie, id, 0)).statusCode).toBe(200);
    expect((await cancel(w.pair.clientCookie, id, 0)).json()).toMatchObject({ error: 'not_scheduled' });
    // Staff cannot use the client's route.
    expect((await preview(w.pair.therapistCookie, id)).statusCode).toBe(403);
  });

  it('a brief episode gets no extra session for a client’s cancellation (it counts as offered)', async () => {
    const w = await chargesWorld(t);
    const start = addDays(todayIn(ZONE), 7);
    await makeBrief(t, w.practiceId, w.pair, { weekday: weekdayOf(start), time: '10:00' }, start, 3);
    const sessions = await scopedQuery<{ id: string }>(
      t.ctx,
      w.practiceId,
      'SELECT id FROM appointments WHERE episode_id = $1 ORDER BY starts_at',
      [w.pair.episodeId],
    );
    expect(sessions).toHaveLength(3);
    expect((await cancel(w.pair.clientCookie, sessions[0]?.id ?? '', 0)).statusCode).toBe(200);
    const after = await scopedQuery<{ status: string }>(
      t.ctx,
      w.practiceId,
      'SELECT status FROM appointments WHERE episode_id = $1 ORDER BY starts_at',
      [w.pair.episodeId],
    );
    expect(after.map((a) => a.status)).toEqual(['cancelled_client', 'scheduled', 'scheduled']);
  });

  it('tells the therapist by e-mail, with the time and no name, charge or reason', async () => {
    const w = await chargesWorld(t);
    const id = await sessionIn(w, 30);
    const quoted = (await preview(w.pair.clientCookie, id)).json().amountPence as number;
    expect((await cancel(w.pair.clientCookie, id, quoted)).statusCode).toBe(200);
    const mail = await outboxMessages(t, w.practiceId, 'frame.client_cancelled');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to).toBe(w.pair.therapist.email);
    expect(mail[0]?.text).toMatch(
      /A client has cancelled their session on \w+day \d+ \w+ \d{4} at \d\d:\d\d London time\./,
    );
    const names = await scopedQuery<{ display_name: string }>(
      t.ctx,
      w.practiceId,
      'SELECT display_name FROM users WHERE id = $1',
      [w.pair.client.userId],
    );
    expect(mail[0]?.text).not.toContain(names[0]?.display_name ?? '(none)');
    expect(mail[0]?.text).not.toMatch(/£|late|charge/i);
  });
});
