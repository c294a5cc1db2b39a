import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { auditEventsOf } from '../../test-support/fixtures.js';
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
 * The ledger as a therapist keeps it: reading it, adjustments, waiving a charge (a reversal, once);
 * append-only underneath, and only for one's own clients.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function getLedger(cookie: string, clientId: string) {
  return t.app.inject({ method: 'GET', url: `/api/frame/clients/${clientId}/ledger`, headers: { cookie } });
}

function adjust(cookie: string, clientId: string, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/frame/clients/${clientId}/ledger`,
    headers: { cookie, ...CSRF },
    payload,
  });
}

function waive(cookie: string, entryId: string, reason: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/frame/ledger/${entryId}/waive`,
    headers: { cookie, ...CSRF },
    payload: { reason },
  });
}

async function attendedSession(w: ChargesWorld): Promise<string> {
  const id = await addSession(t, w.practiceId, w.pair, new Date(Date.now() - 2 * HOUR));
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/frame/appointments/${id}/attendance`,
    headers: { cookie: w.pair.therapistCookie, ...CSRF },
    payload: { status: 'attended' },
  });
  return res.json().ledger[0].id as string;
}

describe('the ledger', () => {
  it('shows a therapist their charges to their client with the balance; adjustments both ways', async () => {
    const w = await chargesWorld(t);
    await attendedSession(w);
    const credit = await adjust(w.pair.therapistCookie, w.pair.client.userId, {
      amountPence: -1500,
      description: 'Credit for the shortened session',
    });
    expect(credit.statusCode).toBe(200);
    expect(credit.json()).toMatchObject({ kind: 'adjustment', amountPence: -1500, appointmentId: null });
    expect(
      (await adjust(w.pair.therapistCookie, w.pair.client.userId, { amountPence: 250, description: 'Printed letter' }))
        .statusCode,
    ).toBe(200);
    const res = await getLedger(w.pair.therapistCookie, w.pair.client.userId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ balancePence: 5750, currency: 'GBP' });
    expect(res.json().entries.map((e: { kind: string; amountPence: number }) => [e.kind, e.amountPence])).toEqual([
      ['session_fee', 7000],
      ['adjustment', -1500],
      ['adjustment', 250],
    ]);
    expect(res.json().entries[0].appointmentStartsAt).toBeTruthy();
    const actions = (await auditEventsOf(t.ctx, w.practiceId))
      .filter((e) => e.subject_user_id === w.pair.client.userId)
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['frame.ledger_adjusted', 'frame.ledger_viewed']));
  });

  it('refuses an adjustment of nothing or without a description', async () => {
    const w = await chargesWorld(t);
    for (const payload of [
      { amountPence: 0, description: 'Nothing' },
      { amountPence: 100, description: '   ' },
      { amountPence: 1.5, description: 'Half a penny' },
      { amountPence: 100 },
    ]) {
      expect((await adjust(w.pair.therapistCookie, w.pair.client.userId, payload)).statusCode).toBe(400);
    }
    expect(await ledgerRows(t, w.practiceId, w.pair.client.userId)).toEqual([]);
  });

  it('waiving a charge appends a reversal with the reason, once; a reversal itself cannot be waived', async () => {
    const w = await chargesWorld(t);
    const fee = await attendedSession(w);
    const res = await waive(w.pair.therapistCookie, fee, 'First session after the bereavement');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'reversal', amountPence: -7000 });
    expect(res.json().description).toMatch(/^Waived: Fee — session on .* \(First session after the bereavement\)$/);
    const again = await waive(w.pair.therapistCookie, fee, 'Twice');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('already_reversed');
    expect((await waive(w.pair.therapistCookie, res.json().id, 'Undo')).json().error).toBe('is_reversal');
    expect((await getLedger(w.pair.therapistCookie, w.pair.client.userId)).json().balancePence).toBe(0);
  });

  it('only for one’s own clients (404), never for clients themselves (403)', async () => {
    const w = await chargesWorld(t);
    const fee = await attendedSession(w);
    const other = await carePair(t, w.practiceId);
    expect((await getLedger(other.therapistCookie, w.pair.client.userId)).statusCode).toBe(404);
    expect(
      (await adjust(other.therapistCookie, w.pair.client.userId, { amountPence: 100, description: 'x' })).statusCode,
    ).toBe(404);
    expect((await waive(other.therapistCookie, fee, 'x')).statusCode).toBe(404);
    expect((await getLedger(w.pair.clientCookie, w.pair.client.userId)).statusCode).toBe(403);
    expect((await ledgerRows(t, w.practiceId, w.pair.client.userId)).map((r) => r.kind)).toEqual(['session_fee']);
  });

  it('is append-only: the database refuses to change or remove an entry', async () => {
    const w = await chargesWorld(t);
    const fee = await attendedSession(w);
    const attempt = (sql: string) => t.ctx.access.run(systemActor(w.practiceId), (tx) => tx.query(sql, [fee]));
    await expect(attempt('UPDATE ledger_entries SET amount_pence = 1 WHERE id = $1')).rejects.toThrow();
    await expect(attempt('DELETE FROM ledger_entries WHERE id = $1')).rejects.toThrow();
    expect((await ledgerRows(t, w.practiceId, w.pair.client.userId)).map((r) => r.amount_pence)).toEqual([7000]);
  });
});
