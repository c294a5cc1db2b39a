import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import { addSession, carePair, chargesWorld, HOUR, outboxMessages } from '../../test-support/frame-fixtures.js';

/**
 * A client asks to move a session; the therapist sees the message and declines (or moves it). The
 * message and the reply are encrypted at rest and never e-mailed.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function ask(cookie: string, id: string, message: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/frame/appointments/${id}/move-request`,
    headers: { cookie, ...CSRF },
    payload: { message },
  });
}

const MESSAGE = 'My father’s operation is that morning; could we meet on Friday instead?';
const REPLY = 'I have no other time that week; let us talk on Tuesday.';

describe('requests to move a session', () => {
  it('the client asks, the therapist reads it and declines; the client reads the reply in their frame', async () => {
    const w = await chargesWorld(t);
    const id = await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 5 * 24 * HOUR));
    const res = await ask(w.pair.clientCookie, id, MESSAGE);
    expect(res.statusCode).toBe(200);
    expect((await ask(w.pair.clientCookie, id, 'Again')).json().error).toBe('already_requested');
    const stored = await scopedQuery<{ message_enc: string }>(
      t.ctx,
      w.practiceId,
      'SELECT message_enc FROM move_requests',
    );
    expect(stored[0]?.message_enc).not.toContain('operation');

    const toTherapist = await outboxMessages(t, w.practiceId, 'frame.move_request');
    expect(toTherapist.map((m) => m.to)).toEqual([w.pair.therapist.email]);
    expect(toTherapist[0]?.text).not.toContain('operation');
    expect(toTherapist[0]?.text).not.toContain('Sam Client');

    const pending = await t.app.inject({
      method: 'GET',
      url: '/api/frame/move-requests',
      headers: { cookie: w.pair.therapistCookie },
    });
    expect(pending.statusCode).toBe(200);
    expect(pending.json()).toEqual([
      expect.objectContaining({ message: MESSAGE, appointment: expect.objectContaining({ id, moveRequested: true }) }),
    ]);
    const other = await carePair(t, w.practiceId);
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/frame/move-requests',
      headers: { cookie: other.therapistCookie },
    });
    expect(theirs.json()).toEqual([]);
    const requestId = pending.json()[0].id as string;
    const decline = (cookie: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/frame/move-requests/${requestId}/decline`,
        headers: { cookie, ...CSRF },
        payload,
      });
    expect((await decline(other.therapistCookie, {})).statusCode).toBe(404);
    expect((await decline(w.pair.therapistCookie, { message: REPLY })).statusCode).toBe(200);
    expect((await decline(w.pair.therapistCookie, {})).json().error).toBe('not_pending');

    const toClient = (await outboxMessages(t, w.practiceId, 'frame.move_request')).filter(
      (m) => m.to === w.pair.client.email,
    );
    expect(toClient).toHaveLength(1);
    expect(toClient[0]?.text).toMatch(
      /Your request to move your session on .* was not possible; please talk with Test therapist\./,
    );
    expect(toClient[0]?.text).not.toContain('let us talk');

    const me = (
      await t.app.inject({ method: 'GET', url: '/api/frame/me', headers: { cookie: w.pair.clientCookie } })
    ).json();
    expect(me.moveRequests).toEqual([
      expect.objectContaining({ appointmentId: id, status: 'declined', message: MESSAGE, response: REPLY }),
    ]);
    expect(me.upcoming.find((a: { id: string }) => a.id === id)).toMatchObject({ moveRequested: false });
    const actions = (await auditEventsOf(t.ctx, w.practiceId))
      .filter((e) => e.subject_user_id === w.pair.client.userId)
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['frame.move_requested', 'frame.move_request_resolved']));
    // Asking again after a decline is allowed.
    expect((await ask(w.pair.clientCookie, id, 'What about Thursday?')).statusCode).toBe(200);
  });

  it('only for one’s own future scheduled sessions', async () => {
    const w = await chargesWorld(t);
    const other = await carePair(t, w.practiceId);
    const id = await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 5 * 24 * HOUR));
    expect((await ask(other.clientCookie, id, MESSAGE)).statusCode).toBe(404);
    const past = await addSession(t, w.practiceId, w.pair, new Date(Date.now() - 5 * HOUR));
    expect((await ask(w.pair.clientCookie, past, MESSAGE)).json().error).toBe('already_started');
    expect((await ask(w.pair.clientCookie, id, '   ')).statusCode).toBe(400);
    expect((await ask(w.pair.therapistCookie, id, MESSAGE)).statusCode).toBe(403);
  });

  it('a cancellation withdraws a pending request', async () => {
    const w = await chargesWorld(t);
    const id = await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 5 * 24 * HOUR));
    await ask(w.pair.clientCookie, id, MESSAGE);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/frame/appointments/${id}/cancel`,
      headers: { cookie: w.pair.clientCookie, ...CSRF },
      payload: { expectedAmountPence: 0 },
    });
    expect(res.json().appointment).toMatchObject({ status: 'cancelled_client', moveRequested: false });
    const rows = await scopedQuery<{ status: string }>(t.ctx, w.practiceId, 'SELECT status FROM move_requests');
    expect(rows.map((r) => r.status)).toEqual(['withdrawn']);
  });
});
