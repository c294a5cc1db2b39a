import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../frame/frame-types.js';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import {
  addSession,
  carePair,
  chargesWorld,
  HOUR,
  ledgerRows,
  type ChargesWorld,
} from '../../test-support/frame-fixtures.js';

/**
 * Attendance and the ledger, through the API: every way a session can end up, charged (or not) by
 * the policy; re-marking reverses what was charged before.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function mark(w: ChargesWorld, id: string, payload: Record<string, unknown>, cookie = w.pair.therapistCookie) {
  return t.app.inject({
    method: 'POST',
    url: `/api/frame/appointments/${id}/attendance`,
    headers: { cookie, ...CSRF },
    payload,
  });
}

async function pastSession(w: ChargesWorld, hoursAgo = 2): Promise<{ id: string; startsAt: Date }> {
  const startsAt = new Date(Date.now() - hoursAgo * HOUR);
  return { id: await addSession(t, w.practiceId, w.pair, startsAt), startsAt };
}

async function sequenceOf(w: ChargesWorld, id: string): Promise<number> {
  const rows = await scopedQuery<{ sequence: number }>(
    t.ctx,
    w.practiceId,
    'SELECT sequence FROM appointments WHERE id = $1',
    [id],
  );
  return rows[0]?.sequence ?? -1;
}

describe('POST /api/frame/appointments/:id/attendance', () => {
  it('charges the session fee when attended', async () => {
    const w = await chargesWorld(t);
    const { id } = await pastSession(w);
    const res = await mark(w, id, { status: 'attended' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.appointment).toMatchObject({ id, status: 'attended' });
    expect(body.ledger).toEqual([
      expect.objectContaining({ kind: 'session_fee', amountPence: 7000, currency: 'GBP', appointmentId: id }),
    ]);
    expect(body.ledger[0].description).toMatch(/^Fee — session on \w+day \d+ \w+ \d{4} at \d\d:\d\d London time$/);
    const event = (await auditEventsOf(t.ctx, w.practiceId)).find((e) => e.action === 'frame.attendance_marked');
    expect(event).toMatchObject({ subject_user_id: w.pair.client.userId, details: { status: 'attended' } });
  });

  it('does not charge a cancellation the client gave enough notice for, and marks it early', async () => {
    const w = await chargesWorld(t);
    const { id, startsAt } = await pastSession(w);
    const toldAt = new Date(startsAt.getTime() - 72 * HOUR).toISOString();
    const res = await mark(w, id, { status: 'cancelled_client', toldAt });
    expect(res.statusCode).toBe(200);
    expect(res.json().appointment).toMatchObject({
      status: 'cancelled_client',
      late: false,
      noticeMinutes: 72 * 60,
      cancelReason: 'client',
    });
    expect(res.json().ledger).toEqual([]);
    expect(await ledgerRows(t, w.practiceId, w.pair.client.userId)).toEqual([]);
    expect(await sequenceOf(w, id)).toBe(1);
  });

  it('charges a late cancellation by the policy (less than the notice window)', async () => {
    const w = await chargesWorld(t, { policy: { ...DEFAULT_POLICY, lateFeePercent: 50 } });
    const { id, startsAt } = await pastSession(w);
    const res = await mark(w, id, {
      status: 'cancelled_client',
      toldAt: new Date(startsAt.getTime() - 10 * HOUR).toISOString(),
    });
    expect(res.json().appointment).toMatchObject({ late: true, noticeMinutes: 600 });
    expect(res.json().ledger).toEqual([expect.objectContaining({ kind: 'late_cancellation', amountPence: 3500 })]);
  });

  it('a cancellation told "now" about a session that has started is late', async () => {
    const w = await chargesWorld(t);
    const { id } = await pastSession(w);
    const res = await mark(w, id, { status: 'cancelled_client' });
    expect(res.json().appointment).toMatchObject({ late: true, noticeMinutes: 0 });
    expect(res.json().ledger).toEqual([expect.objectContaining({ kind: 'late_cancellation', amountPence: 7000 })]);
  });

  it('charges did-not-attend, and never a cancellation by the therapist', async () => {
    const w = await chargesWorld(t);
    const dna = await pastSession(w, 2);
    const theirs = await pastSession(w, 5);
    expect((await mark(w, dna.id, { status: 'did_not_attend' })).json().ledger).toEqual([
      expect.objectContaining({ kind: 'did_not_attend', amountPence: 7000 }),
    ]);
    const res = await mark(w, theirs.id, { status: 'cancelled_therapist' });
    expect(res.json().appointment).toMatchObject({ status: 'cancelled_therapist', cancelReason: 'therapist' });
    expect(res.json().ledger).toEqual([]);
    expect((await ledgerRows(t, w.practiceId, w.pair.client.userId)).map((r) => r.kind)).toEqual(['did_not_attend']);
  });

  it('"the hour is yours" charges any cancellation by the client, whatever the notice', async () => {
    const w = await chargesWorld(t, { policy: { ...DEFAULT_POLICY, mode: 'hour_is_yours' } });
    const { id, startsAt } = await pastSession(w);
    const res = await mark(w, id, {
      status: 'cancelled_client',
      toldAt: new Date(startsAt.getTime() - 30 * 24 * HOUR).toISOString(),
    });
    expect(res.json().ledger).toEqual([expect.objectContaining({ kind: 'hour_is_yours', amountPence: 7000 })]);
  });

  it('uses the free allowance first (recorded at zero), then charges once it is used up', async () => {
    const w = await chargesWorld(t, { policy: { ...DEFAULT_POLICY, freeMissedPerYear: 1 } });
    const first = await pastSession(w, 2);
    const second = await pastSession(w, 4);
    expect((await mark(w, first.id, { status: 'did_not_attend' })).json().ledger).toEqual([
      expect.objectContaining({ kind: 'free_missed', amountPence: 0 }),
    ]);
    expect((await mark(w, second.id, { status: 'cancelled_client' })).json().ledger).toEqual([
      expect.objectContaining({ kind: 'late_cancellation', amountPence: 7000 }),
    ]);
    // Re-marking the free one as attended gives the allowance back; the other session keeps its charge.
    const remarked = await mark(w, first.id, { status: 'attended' });
    expect(remarked.json().ledger.map((e: { kind: string; amountPence: number }) => [e.kind, e.amountPence])).toEqual([
      ['reversal', 0],
      ['session_fee', 7000],
    ]);
  });

  it('an episode’s own policy overrides the therapist’s', async () => {
    const w = await chargesWorld(t);
    await scopedQuery(t.ctx, w.practiceId, 'UPDATE episodes SET policy = $2::jsonb WHERE id = $1', [
      w.pair.episodeId,
      JSON.stringify({ ...DEFAULT_POLICY, chargeDidNotAttend: false }),
    ]);
    const { id } = await pastSession(w);
    expect((await mark(w, id, { status: 'did_not_attend' })).json().ledger).toEqual([]);
  });

  it('re-marking reverses the earlier charges before applying the new ones', async () => {
    const w = await chargesWorld(t);
    const { id } = await pastSession(w);
    await mark(w, id, { status: 'attended' });
    const dna = await mark(w, id, { status: 'did_not_attend' });
    expect(dna.json().ledger.map((e: { kind: string; amountPence: number }) => [e.kind, e.amountPence])).toEqual([
      ['reversal', -7000],
      ['did_not_attend', 7000],
    ]);
    const cancelled = await mark(w, id, { status: 'cancelled_therapist' });
    expect(cancelled.json().ledger.map((e: { kind: string; amountPence: number }) => [e.kind, e.amountPence])).toEqual([
      ['reversal', -7000],
    ]);
    const rows = await ledgerRows(t, w.practiceId, w.pair.client.userId);
    expect(rows.map((r) => [r.kind, r.amount_pence])).toEqual([
      ['session_fee', 7000],
      ['reversal', -7000],
      ['did_not_attend', 7000],
      ['reversal', -7000],
    ]);
    expect(rows.reduce((sum, r) => sum + r.amount_pence, 0)).toBe(0);
    // Each reversal points at what it reverses.
    expect(rows[1]?.reverses_id).toBeTruthy();
    expect(rows[3]?.reverses_id).toBeTruthy();
    // attended → did not attend → cancelled: only the last change crossed into "cancelled".
    expect(await sequenceOf(w, id)).toBe(1);
    // Marking it again as it already is writes nothing.
    expect((await mark(w, id, { status: 'cancelled_therapist' })).json().ledger).toEqual([]);
    expect(await ledgerRows(t, w.practiceId, w.pair.client.userId)).toHaveLength(4);
  });

  it('only from the session’s day onwards, never a moved session, and only with sensible times', async () => {
    const w = await chargesWorld(t);
    const future = await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 3 * 24 * HOUR));
    const res = await mark(w, future, { status: 'attended' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'not_yet' });
    expect(res.json().message).toMatch(/you can mark it from that day onwards/);
    const moved = await addSession(t, w.practiceId, w.pair, new Date(Date.now() - 3 * HOUR), { status: 'moved' });
    expect((await mark(w, moved, { status: 'attended' })).json()).toMatchObject({ error: 'moved' });
    const past = await pastSession(w);
    const later = new Date(Date.now() + 2 * HOUR).toISOString();
    expect((await mark(w, past.id, { status: 'cancelled_client', toldAt: later })).statusCode).toBe(400);
    expect((await mark(w, past.id, { status: 'attended', toldAt: later })).statusCode).toBe(400);
    expect((await mark(w, past.id, { status: 'moved' })).statusCode).toBe(400);
  });

  it('a therapist cannot mark another therapist’s client’s session; a client cannot mark at all', async () => {
    const w = await chargesWorld(t);
    const other = await carePair(t, w.practiceId);
    const { id } = await pastSession(w);
    const res = await mark(w, id, { status: 'attended' }, other.therapistCookie);
    expect(res.statusCode).toBe(404);
    expect((await mark(w, id, { status: 'attended' }, w.pair.clientCookie)).statusCode).toBe(403);
    const elsewhere = await chargesWorld(t);
    expect((await mark(w, id, { status: 'attended' }, elsewhere.pair.therapistCookie)).statusCode).toBe(404);
    expect(await ledgerRows(t, w.practiceId, w.pair.client.userId)).toEqual([]);
    const refused = (await auditEventsOf(t.ctx, w.practiceId)).find(
      (e) => e.action === 'frame.attendance_marked' && e.outcome === 'failure',
    );
    expect(refused).toMatchObject({ actor_user_id: other.therapist.userId, subject_id: id });
  });
});
