import net from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { auditEventsOf, practiceWithEveryRole, scopedQuery } from '../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../test-support/test-app.js';
import { enqueueEmail } from './enqueue-email.js';
import { deliverPractice, MAX_ATTEMPTS, RETRY_DELAYS_MINUTES } from './outbox-delivery.js';
import { smtpSender, type MailSender } from './smtp-sender.js';

/**
 * Delivery to a real SMTP server started in this process (smtp-server), over a real TCP connection,
 * with nodemailer doing the sending — no mocks. The server can be told to refuse for now (451) or for
 * good (550) to exercise the retry schedule.
 */
interface Received {
  from: string;
  to: string[];
  raw: string;
}

let received: Received[] = [];
let mode: 'accept' | 'temporary' | 'permanent' = 'accept';
let server: SMTPServer;
let port: number;
let t: TestApp;
let sender: MailSender;

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(_address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (mode === 'temporary') return callback(smtpError('Mailbox busy, try again later', 451));
      if (mode === 'permanent') return callback(smtpError('No such mailbox here', 550));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as net.AddressInfo).port;
  t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Undercurrent <no-reply@example.org>' });
  sender = smtpSender(t.ctx.config.smtpUrl as string, t.ctx.config.mailFrom);
});

afterAll(async () => {
  sender.close();
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  mode = 'accept';
});

/** Quoted-printable body → text (nodemailer encodes lines with ’ and long lines this way). */
function decodeBody(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i += 1) {
    const hex = body[i] === '=' ? /^[0-9A-F]{2}/.exec(body.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(body[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

async function outboxRow(practiceId: string, id: string) {
  const rows = await scopedQuery<{
    status: string;
    attempts: number;
    last_error: string | null;
    sent_at: Date | null;
    wait_seconds: number;
  }>(
    t.ctx,
    practiceId,
    `SELECT status, attempts, last_error, sent_at,
            extract(epoch FROM next_attempt_at - now())::float AS wait_seconds
       FROM outbox WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new Error('no such outbox row');
  return row;
}

async function enqueue(practiceId: string, to: string, text = 'Hello from the test.'): Promise<string> {
  return t.ctx.access.run(systemActor(practiceId), (tx) =>
    enqueueEmail(tx, { kind: 'test', to, subject: 'A test message', text }, true),
  );
}

async function makeDue(practiceId: string, id: string): Promise<void> {
  await scopedQuery(
    t.ctx,
    practiceId,
    `UPDATE outbox SET next_attempt_at = now() - interval '1 second' WHERE id = $1`,
    [id],
  );
}

describe('delivering the outbox over SMTP', () => {
  it('delivers an invitation e-mail to a real SMTP server and marks it sent', async () => {
    const p = await practiceWithEveryRole(t.ctx, 'Harbour Counselling');
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: p.cookies.admin, ...CSRF },
      payload: { email: 'noor@example.org', displayName: 'Noor Haddad', role: 'client' },
    });
    expect(invited.statusCode).toBe(201);
    const [queued] = (
      await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: p.cookies.admin } })
    ).json() as { id: string; status: string }[];
    expect(queued?.status).toBe('pending');

    const tally = await deliverPractice(t.ctx.access, p.practiceId, sender);
    expect(tally).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail?.from).toBe('no-reply@example.org');
    expect(mail?.to).toEqual(['noor@example.org']);
    expect(mail?.raw).toMatch(/^Subject: Your invitation from Harbour Counselling\r?$/m);
    expect(mail?.raw).toMatch(/^From: Undercurrent <no-reply@example\.org>\r?$/m);
    expect(mail?.raw).toContain(`Message-ID: <${queued?.id}@undercurrent>`);
    const text = decodeBody(mail?.raw ?? '');
    expect(text).toContain('Dear Noor Haddad,');
    expect(text).toMatch(/http:\/\/localhost:8080\/invite\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}/);

    const row = await outboxRow(p.practiceId, queued?.id ?? '');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row.sent_at).toBeInstanceOf(Date);
    const events = await auditEventsOf(t.ctx, p.practiceId);
    expect(events.find((e) => e.action === 'outbox.delivered')).toMatchObject({
      subject_id: queued?.id,
      actor_role: 'system',
    });

    // Nothing left to send.
    expect(await deliverPractice(t.ctx.access, p.practiceId, sender)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it('backs off 1 min, 5 min, 30 min, 2 h, 12 h on temporary failures, then marks the message failed', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const id = await enqueue(p.practiceId, 'busy@example.org');
    mode = 'temporary';
    for (const [i, minutes] of RETRY_DELAYS_MINUTES.entries()) {
      const tally = await deliverPractice(t.ctx.access, p.practiceId, sender);
      expect(tally).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const row = await outboxRow(p.practiceId, id);
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(i + 1);
      expect(row.last_error).toMatch(/451.*Mailbox busy.*tried again/);
      expect(row.wait_seconds).toBeGreaterThan(minutes * 60 - 10);
      expect(row.wait_seconds).toBeLessThanOrEqual(minutes * 60);
      // Not due yet: a second pass sends nothing.
      expect(await deliverPractice(t.ctx.access, p.practiceId, sender)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      await makeDue(p.practiceId, id);
    }
    expect(await deliverPractice(t.ctx.access, p.practiceId, sender)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await outboxRow(p.practiceId, id);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(received).toHaveLength(0);
    const failures = (await auditEventsOf(t.ctx, p.practiceId)).filter((e) => e.action === 'outbox.delivery_failed');
    expect(failures.map((e) => e.details.final)).toEqual([false, false, false, false, false, true]);

    // The admin retries once the mail server is well again: a fresh series of attempts, then delivered.
    mode = 'accept';
    const retried = await t.app.inject({
      method: 'POST',
      url: `/api/outbox/${id}/retry`,
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await deliverPractice(t.ctx.access, p.practiceId, sender)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received.map((r) => r.to)).toEqual([['busy@example.org']]);
  });

  it('gives up at once on a permanent refusal (550)', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const id = await enqueue(p.practiceId, 'nobody@example.org');
    mode = 'permanent';
    expect(await deliverPractice(t.ctx.access, p.practiceId, sender)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const row = await outboxRow(p.practiceId, id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/refused this message.*550.*No such mailbox/);
  });

  it('retries when the mail server cannot be reached', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const id = await enqueue(p.practiceId, 'later@example.org');
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const free = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(free));
      });
    });
    const unreachable = smtpSender(`smtp://127.0.0.1:${closed}`, t.ctx.config.mailFrom);
    expect(await deliverPractice(t.ctx.access, p.practiceId, unreachable)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const row = await outboxRow(p.practiceId, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/Could not reach the mail server \((ECONNECTION|ESOCKET).*ECONNREFUSED/);
  });

  it('several nodes delivering at once send each message exactly once (FOR UPDATE SKIP LOCKED)', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) ids.push(await enqueue(p.practiceId, `person${i}@example.org`));
    const nodes = [1, 2, 3].map(() => smtpSender(t.ctx.config.smtpUrl as string, t.ctx.config.mailFrom));
    const tallies = await Promise.all(nodes.map((node) => deliverPractice(t.ctx.access, p.practiceId, node)));
    expect(tallies.reduce((n, tally) => n + tally.sent, 0)).toBe(8);
    expect(received).toHaveLength(8);
    expect(new Set(received.map((r) => r.to[0])).size).toBe(8);
    for (const id of ids) expect((await outboxRow(p.practiceId, id)).status).toBe('sent');
  });

  it('does not touch another practice’s messages', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const q = await practiceWithEveryRole(t.ctx);
    const theirs = await enqueue(q.practiceId, 'theirs@example.org');
    expect(await deliverPractice(t.ctx.access, p.practiceId, sender)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await outboxRow(q.practiceId, theirs)).status).toBe('pending');
  });
});
