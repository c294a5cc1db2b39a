import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../frame/frame-types.js';
import { addDays, localToUtc, todayIn } from '../../frame/zoned-time.js';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import {
  addSession,
  carePair,
  chargesWorld,
  HOUR,
  ledgerRows,
  ZONE,
  type ChargesWorld,
} from '../../test-support/frame-fixtures.js';

/**
 * A client's planned absences: preview every charge, record it (each session cancelled as the
 * client's, charged as previewed), and remove it before it begins (sessions back, charges reversed).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const day = (n: number) => addDays(todayIn(ZONE), n);

function post(cookie: string, url: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie, ...CSRF }, payload });
}

async function statusOf(w: ChargesWorld, id: string) {
  const rows = await scopedQuery<{
    status: string;
    cancel_reason: string | null;
    absence_id: string | null;
    sequence: number;
  }>(t.ctx, w.practiceId, 'SELECT status, cancel_reason, absence_id, sequence FROM appointments WHERE id = $1', [id]);
  return rows[0];
}

/** Sessions 30 hours away (late), 5 days away (early) and 20 days away (outside the absence). */
async function threeSessions(w: ChargesWorld) {
  const soon = new Date(Date.now() + 30 * HOUR);
  const late = await addSession(t, w.practiceId, w.pair, soon);
  const early = await addSession(t, w.practiceId, w.pair, localToUtc(day(5), '10:00', ZONE));
  const outside = await addSession(t, w.practiceId, w.pair, localToUtc(day(20), '10:00', ZONE));
  return { late, early, outside, period: { startsOn: day(0), endsOn: day(6) } };
}

describe('planned absences', () => {
  it('previews each session with its charge, and recording it charges exactly that', async () => {
    const w = await chargesWorld(t);
    const { late, early, outside, period } = await threeSessions(w);
    const preview = await post(w.pair.clientCookie, '/api/frame/me/absences/preview', period);
    expect(preview.statusCode).toBe(200);
    const affected = preview.json().affected as {
      appointment: { id: string };
      charge: { amountPence: number; late: boolean };
    }[];
    expect(affected.map((a) => [a.appointment.id, a.charge.late, a.charge.amountPence])).toEqual([
      [late, true, 7000],
      [early, false, 0],
    ]);
    const res = await post(w.pair.clientCookie, '/api/frame/me/absences', {
      ...period,
      note: 'Visiting my mother in hospital',
      expectedTotalPence: 7000,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().absence).toMatchObject({
      ...period,
      clientId: w.pair.client.userId,
      note: 'Visiting my mother in hospital',
    });
    expect(res.json().affected.map((a: { charge: unknown }) => a.charge)).toEqual(affected.map((a) => a.charge));
    expect(res.json().affected.map((a: { appointment: { status: string } }) => a.appointment.status)).toEqual([
      'cancelled_client',
      'cancelled_client',
    ]);
    for (const id of [late, early]) {
      expect(await statusOf(w, id)).toMatchObject({
        status: 'cancelled_client',
        cancel_reason: 'client_absence',
        absence_id: res.json().absence.id,
        sequence: 1,
      });
    }
    expect((await statusOf(w, outside))?.status).toBe('scheduled');
    expect((await ledgerRows(t, w.practiceId, w.pair.client.userId)).map((r) => [r.kind, r.amount_pence])).toEqual([
      ['late_cancellation', 7000],
    ]);
    // The note is clinical free text: encrypted at rest.
    const stored = await scopedQuery<{ note_enc: string }>(t.ctx, w.practiceId, 'SELECT note_enc FROM client_absences');
    expect(stored[0]?.note_enc).not.toContain('hospital');
    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.subject_user_id === w.pair.client.userId);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['frame.cancel_previewed', 'frame.absence_added']),
    );
  });

  it('the free allowance is counted across the absence’s sessions in order, in the preview as when recorded', async () => {
    const w = await chargesWorld(t, { policy: { ...DEFAULT_POLICY, freeMissedPerYear: 1 } });
    const first = new Date(Date.now() + 20 * HOUR);
    await addSession(t, w.practiceId, w.pair, first);
    await addSession(t, w.practiceId, w.pair, new Date(first.getTime() + 2 * HOUR));
    const period = { startsOn: day(0), endsOn: day(3) };
    const preview = (await post(w.pair.clientCookie, '/api/frame/me/absences/preview', period)).json();
    expect(
      preview.affected.map((a: { charge: { amountPence: number; usedFreeAllowance: boolean } }) => [
        a.charge.usedFreeAllowance,
        a.charge.amountPence,
      ]),
    ).toEqual([
      [true, 0],
      [false, 7000],
    ]);
    const res = await post(w.pair.clientCookie, '/api/frame/me/absences', { ...period, expectedTotalPence: 7000 });
    expect(res.json().affected.map((a: { charge: unknown }) => a.charge)).toEqual(
      preview.affected.map((a: { charge: unknown }) => a.charge),
    );
    expect((await ledgerRows(t, w.practiceId, w.pair.client.userId)).map((r) => [r.kind, r.amount_pence])).toEqual([
      ['free_missed', 0],
      ['late_cancellation', 7000],
    ]);
  });

  it('refuses a total that has changed, overlapping absences and past or impossible dates', async () => {
    const w = await chargesWorld(t);
    const { period } = await threeSessions(w);
    const stale = await post(w.pair.clientCookie, '/api/frame/me/absences', { ...period, expectedTotalPence: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('charge_changed');
    expect(stale.json().message).toMatch(/late cancellation/);
    expect(await scopedQuery(t.ctx, w.practiceId, 'SELECT 1 FROM client_absences')).toEqual([]);
    expect((await post(w.pair.clientCookie, '/api/frame/me/absences', period)).statusCode).toBe(200);
    const overlap = await post(w.pair.clientCookie, '/api/frame/me/absences', { startsOn: day(6), endsOn: day(8) });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toBe('overlap');
    for (const bad of [
      { startsOn: day(-2), endsOn: day(1) },
      { startsOn: '2027-02-29', endsOn: '2027-03-01' },
      { startsOn: day(9), endsOn: day(8) },
    ]) {
      expect((await post(w.pair.clientCookie, '/api/frame/me/absences/preview', bad)).statusCode).toBe(400);
    }
    expect((await post(w.pair.therapistCookie, '/api/frame/me/absences/preview', period)).statusCode).toBe(403);
  });

  it('removing an absence before it begins brings its sessions back and reverses their charges', async () => {
    const w = await chargesWorld(t);
    const early = await addSession(t, w.practiceId, w.pair, localToUtc(day(10), '10:00', ZONE));
    const late = await addSession(t, w.practiceId, w.pair, localToUtc(day(11), '10:00', ZONE));
    // A policy with a long notice window makes both late.
    await scopedQuery(t.ctx, w.practiceId, 'UPDATE therapist_settings SET policy = $2::jsonb WHERE therapist_id = $1', [
      w.pair.therapist.userId,
      JSON.stringify({ ...DEFAULT_POLICY, noticeHours: 336 }),
    ]);
    const created = await post(w.pair.clientCookie, '/api/frame/me/absences', { startsOn: day(9), endsOn: day(12) });
    expect(created.json().affected).toHaveLength(2);
    const other = await carePair(t, w.practiceId);
    const remove = (cookie: string) =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/frame/me/absences/${created.json().absence.id}`,
        headers: { cookie, ...CSRF },
        payload: {},
      });
    expect((await remove(other.clientCookie)).statusCode).toBe(404);
    const res = await remove(w.pair.clientCookie);
    expect(res.json()).toEqual({ ok: true, restoredSessions: 2 });
    for (const id of [early, late]) {
      expect(await statusOf(w, id)).toMatchObject({
        status: 'scheduled',
        cancel_reason: null,
        absence_id: null,
        sequence: 2,
      });
    }
    const rows = await ledgerRows(t, w.practiceId, w.pair.client.userId);
    expect(rows.map((r) => [r.kind, r.amount_pence])).toEqual([
      ['late_cancellation', 7000],
      ['late_cancellation', 7000],
      ['reversal', -7000],
      ['reversal', -7000],
    ]);
    expect(await scopedQuery(t.ctx, w.practiceId, 'SELECT 1 FROM client_absences')).toEqual([]);
  });

  it('an absence that has begun cannot be removed; a session given away meanwhile refuses the removal', async () => {
    const w = await chargesWorld(t);
    const started = await post(w.pair.clientCookie, '/api/frame/me/absences', { startsOn: day(0), endsOn: day(1) });
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/frame/me/absences/${started.json().absence.id}`,
      headers: { cookie: w.pair.clientCookie, ...CSRF },
      payload: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('absence_started');

    const session = await addSession(t, w.practiceId, w.pair, localToUtc(day(10), '10:00', ZONE));
    const created = await post(w.pair.clientCookie, '/api/frame/me/absences', { startsOn: day(10), endsOn: day(10) });
    expect(created.json().affected).toHaveLength(1);
    const colleague = await carePair(t, w.practiceId, { therapist: w.pair.therapist });
    await addSession(t, w.practiceId, colleague, localToUtc(day(10), '10:00', ZONE));
    const clash = await t.app.inject({
      method: 'DELETE',
      url: `/api/frame/me/absences/${created.json().absence.id}`,
      headers: { cookie: w.pair.clientCookie, ...CSRF },
      payload: {},
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toBe('clash');
    expect((await statusOf(w, session))?.status).toBe('cancelled_client');
  });
});
