import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  ownerQuery,
  sessionCookie,
} from '../../test-support/fixtures.js';
import { carePair, outboxMessages, type CarePair } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { processSafeguardingAlerts } from '../../jobs/safeguarding-alerts.js';
import { systemActor } from '../../access/actor.js';

/**
 * Safeguarding end to end on the server: a trigger (PHQ-9 item 9 from paper; risk language in a
 * journal entry) → an alert → a content-free e-mail → escalation to the clinical lead after the
 * practice's time, with an explicit clock → acknowledgement → a decision in the risk record.
 */
let t: TestApp;
let practiceId: string;
let pair: CarePair;
let adminCookie: string;
let lead: { userId: string; cookie: string; email: string };
let otherTherapistCookie: string;
let otherClientCookie: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  practiceId = await createPracticeFixture(t.ctx, 'Safeguarding Practice');
  pair = await carePair(t, practiceId);
  const admin = await addPerson(t.ctx, practiceId, ['admin']);
  adminCookie = await sessionCookie(t.ctx, admin);
  const leadPerson = await addPerson(t.ctx, practiceId, ['therapist'], { displayName: 'Dr Lead' });
  lead = { userId: leadPerson.userId, cookie: await sessionCookie(t.ctx, leadPerson), email: leadPerson.email };
  otherTherapistCookie = await sessionCookie(t.ctx, await addPerson(t.ctx, practiceId, ['therapist']));
  otherClientCookie = await sessionCookie(t.ctx, await addPerson(t.ctx, practiceId, ['client']));
}, 120_000);
afterAll(async () => t.close());

const call = (cookie: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { cookie, ...(method === 'GET' ? {} : CSRF) },
    ...(payload ? { payload } : {}),
  });
const alertsOf = async (cookie: string) => (await call(cookie, 'GET', '/api/safeguarding/alerts')).json();
const today = () => new Date().toISOString().slice(0, 10);
const PHQ9 = { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 0, 9: 1, difficulty: 1 };
const settings = (over: object = {}) => ({
  policyText: 'Our policy in plain words.',
  privateEntryAlerts: 'never',
  escalateAfterMinutes: 240,
  clinicalLeadId: lead.userId,
  region: 'GB',
  addedPhrases: [],
  removedPhrases: [],
  ...over,
});
async function alertRows() {
  return ownerQuery<{
    id: string;
    reason: string;
    trigger: string;
    escalated_to: string | null;
    acknowledged_by: string | null;
  }>(
    t.ctx,
    practiceId,
    'SELECT id, reason, trigger, escalated_to, acknowledged_by FROM safeguarding_alerts WHERE practice_id = $1 ORDER BY raised_at',
    [practiceId],
  );
}

/**
 * The alerts job's pass over this file's practice alone, at a given time: the test database is shared
 * with other test files, whose practices' alerts must be neither counted nor escalated here.
 */
function runAlertsJob(now: Date) {
  return t.ctx.access.run(systemActor(practiceId), (tx) =>
    processSafeguardingAlerts(tx, {
      publicUrl: t.ctx.config.publicUrl,
      smtpConfigured: t.ctx.config.smtpUrl !== undefined,
      now,
    }),
  );
}

describe('safeguarding settings (admin)', () => {
  it('gives defaults, saves, counts the policy version up when its words change, and refuses unsafe phrases', async () => {
    const first = await call(adminCookie, 'GET', '/api/safeguarding/settings');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      policyVersion: 1,
      privateEntryAlerts: 'never',
      escalateAfterMinutes: 240,
      region: 'GB',
    });
    expect(first.json().policyText).toContain('What you write in your journal is yours');
    const saved = await call(adminCookie, 'PUT', '/api/safeguarding/settings', settings());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ policyVersion: 2, clinicalLeadId: lead.userId });
    const again = await call(adminCookie, 'PUT', '/api/safeguarding/settings', settings());
    expect(again.json().policyVersion).toBe(2);
    const bad = await call(
      adminCookie,
      'PUT',
      '/api/safeguarding/settings',
      settings({ addedPhrases: ['ab'], removedPhrases: ['hello world'] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('at least three letters');
    expect(bad.body).toContain('not on our list');
    const badLead = await call(
      adminCookie,
      'PUT',
      '/api/safeguarding/settings',
      settings({ clinicalLeadId: pair.client.userId }),
    );
    expect(badLead.statusCode).toBe(400);
    expect(badLead.body).toContain('active member of staff');
    const asTherapist = await call(pair.therapistCookie, 'PUT', '/api/safeguarding/settings', settings());
    expect(asTherapist.statusCode).toBe(403);
  });
});

describe('the demo clock', () => {
  it('does not exist unless the server runs in demo mode', async () => {
    const res = await call(adminCookie, 'POST', '/api/safeguarding/demo/run-alerts', { minutesAhead: 300 });
    expect(res.statusCode).toBe(404);
  });
});

describe('the PHQ-9 item 9 trigger', () => {
  it('alerts the caring therapist, e-mails them without content, escalates after the set time, and is acknowledged', async () => {
    const entered = await call(pair.therapistCookie, 'POST', `/api/measures/clients/${pair.client.userId}/responses`, {
      instrumentId: 'phq-9',
      completedOn: today(),
      answers: PHQ9,
    });
    expect(entered.statusCode, entered.body).toBe(200);
    const mine = await alertsOf(pair.therapistCookie);
    expect(mine.open).toBe(1);
    expect(mine.alerts[0]).toMatchObject({
      trigger: 'questionnaire_item',
      reason: 'answer-at-or-above-threshold',
      acknowledgedAt: null,
      escalatedAt: null,
    });
    expect((await call(pair.therapistCookie, 'GET', '/api/safeguarding/alerts/open-count')).json()).toEqual({
      open: 1,
    });
    expect((await call(otherTherapistCookie, 'GET', '/api/safeguarding/alerts/open-count')).json()).toEqual({
      open: 0,
    });
    expect((await call(pair.clientCookie, 'GET', '/api/safeguarding/alerts/open-count')).statusCode).toBe(403);
    expect((await alertsOf(otherTherapistCookie)).alerts).toEqual([]);
    expect((await alertsOf(lead.cookie)).alerts).toEqual([]);

    // The job's first pass queues the e-mail, without content; nothing is due for escalation yet.
    expect(await runAlertsJob(new Date())).toEqual({ emailed: 1, escalated: 0 });
    const mails = await outboxMessages(t, practiceId, 'safeguarding.alert');
    expect(mails).toEqual([
      {
        to: pair.therapist.email,
        subject: 'You have a new alert in Undercurrent',
        text: expect.stringContaining('Sign in to see it.'),
      },
    ]);
    expect(mails[0]?.text).not.toMatch(/PHQ|item|Test client|answer/i);
    expect(await runAlertsJob(new Date(Date.now() + 3 * HOUR))).toEqual({
      emailed: 0,
      escalated: 0,
    });

    // Four hours on, unacknowledged: escalated to the clinical lead, who sees it and is e-mailed.
    expect(await runAlertsJob(new Date(Date.now() + 4 * HOUR + 60_000))).toEqual({
      emailed: 1,
      escalated: 1,
    });
    const leads = await alertsOf(lead.cookie);
    expect(leads.alerts).toHaveLength(1);
    expect(leads.alerts[0]).toMatchObject({ asClinicalLead: true, escalatedTo: 'Dr Lead' });
    expect(await outboxMessages(t, practiceId, 'safeguarding.alert_escalated')).toEqual([
      {
        to: lead.email,
        subject: 'You have a new alert in Undercurrent',
        text: expect.stringContaining('Sign in to see it.'),
      },
    ]);

    const id = mine.alerts[0].id;
    expect((await call(otherTherapistCookie, 'POST', `/api/safeguarding/alerts/${id}/acknowledge`)).statusCode).toBe(
      404,
    );
    const ack = await call(pair.therapistCookie, 'POST', `/api/safeguarding/alerts/${id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().alert.acknowledgedAt).not.toBeNull();
    const twice = await call(lead.cookie, 'POST', `/api/safeguarding/alerts/${id}/acknowledge`);
    expect(twice.json().alert.acknowledgedAt).toBe(ack.json().alert.acknowledgedAt);
    expect((await alertsOf(pair.therapistCookie)).open).toBe(0);
    const actions = (await auditEventsOf(t.ctx, practiceId)).map((e) => e.action);
    for (const action of [
      'safeguarding.alert_raised',
      'safeguarding.alert_emailed',
      'safeguarding.alert_escalated',
      'safeguarding.alert_acknowledged',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('raises nothing for a zero, and an alert for a declined item 9', async () => {
    const before = (await alertRows()).length;
    const zero = await call(pair.therapistCookie, 'POST', `/api/measures/clients/${pair.client.userId}/responses`, {
      instrumentId: 'phq-9',
      completedOn: today(),
      answers: { ...PHQ9, 9: 0 },
    });
    expect(zero.statusCode).toBe(200);
    expect((await alertRows()).length).toBe(before);
    await call(pair.therapistCookie, 'POST', `/api/measures/clients/${pair.client.userId}/responses`, {
      instrumentId: 'phq-9',
      completedOn: today(),
      answers: { ...PHQ9, 9: 'declined' },
    });
    expect((await alertRows()).at(-1)).toMatchObject({ reason: 'declined' });
  });
});

describe('the risk-language trigger on a journal save', () => {
  const save = (id: string, body: string, version = 0) =>
    call(pair.clientCookie, 'PUT', `/api/journal/entries/${id}`, { kind: 'reflection', baseVersion: version, body });

  it('shows the client help at once for a private entry and invites them to tell, without telling the therapist (policy "never")', async () => {
    const before = (await alertRows()).length;
    const id = crypto.randomUUID();
    const res = await save(id, 'Some nights I think they would be better off without me.');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().safeguarding).toEqual({ showHelp: true, therapistAlerted: false, inviteToTell: true });
    expect((await alertRows()).length).toBe(before);
    // Sharing it afterwards tells the therapist, as a shared entry's words do.
    expect(
      (await call(pair.clientCookie, 'POST', `/api/journal/entries/${id}/share`, { bringNext: false })).statusCode,
    ).toBe(200);
    expect((await alertRows()).length).toBe(before + 1);
    expect((await alertRows()).at(-1)).toMatchObject({ reason: 'shared_entry', trigger: 'risk_language' });
    const ordinary = await save(crypto.randomUUID(), 'I dreamt of the sea.');
    expect(ordinary.json().safeguarding).toEqual({ showHelp: false, therapistAlerted: false, inviteToTell: false });
  });

  it('alerts the therapist for a shared entry once per set of words, and the alert never carries the words', async () => {
    const id = crypto.randomUUID();
    expect((await save(id, 'A quiet day.')).statusCode).toBe(200);
    expect(
      (await call(pair.clientCookie, 'POST', `/api/journal/entries/${id}/share`, { bringNext: false })).statusCode,
    ).toBe(200);
    const before = (await alertRows()).length;
    const words = 'I keep thinking I want to end it all.';
    const first = await save(id, words, 1);
    expect(first.json().safeguarding).toEqual({ showHelp: true, therapistAlerted: true, inviteToTell: false });
    await save(id, words, 2);
    expect((await alertRows()).length).toBe(before + 1);
    await save(id, `${words} I could take an overdose.`, 3);
    expect((await alertRows()).length).toBe(before + 2);
    const list = await call(pair.therapistCookie, 'GET', '/api/safeguarding/alerts');
    expect(list.body).not.toContain('end it all');
    expect(list.body).not.toContain('overdose');
    const stored = await ownerQuery(t.ctx, practiceId, 'SELECT * FROM safeguarding_alerts WHERE source_id = $1', [id]);
    expect(JSON.stringify(stored)).not.toMatch(/end it all|overdose/);
  });

  it('alerts for a private entry, without its words, when the practice policy says "always"', async () => {
    await call(
      adminCookie,
      'PUT',
      '/api/safeguarding/settings',
      settings({ privateEntryAlerts: 'always', addedPhrases: ['give up on everything'] }),
    );
    const id = crypto.randomUUID();
    const res = await save(id, 'I want to give up on everything.');
    expect(res.json().safeguarding).toEqual({ showHelp: true, therapistAlerted: true, inviteToTell: true });
    expect((await alertRows()).at(-1)).toMatchObject({ reason: 'private_entry', trigger: 'risk_language' });
    // The therapist still cannot read the private entry.
    expect((await call(pair.therapistCookie, 'GET', `/api/journal/shared/${id}`)).statusCode).not.toBe(200);
    expect((await call(pair.therapistCookie, 'GET', '/api/safeguarding/alerts')).body).not.toContain('give up');
    await call(adminCookie, 'PUT', '/api/safeguarding/settings', settings());
  });
});

describe('the risk record', () => {
  it('records a decision, encrypted, that the carer and the escalated lead can read and nobody else', async () => {
    const url = `/api/safeguarding/clients/${pair.client.userId}/decisions`;
    const [alert] = await alertRows();
    const body = {
      alertId: alert?.id,
      decision: 'Safety plan to be reviewed at the next session.',
      reasons: 'Passive thoughts, no plan or intent.',
      whoWasTold: 'No one outside the practice.',
      clientInformed: 'yes',
      clientInformedHow: 'Talked it through by phone.',
    };
    const missing = await call(pair.therapistCookie, 'POST', url, { ...body, reasons: ' ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Say why');
    expect((await call(otherTherapistCookie, 'POST', url, body)).statusCode).toBe(404);
    expect((await call(otherClientCookie, 'POST', url, body)).statusCode).toBe(403);
    const made = await call(pair.therapistCookie, 'POST', url, body);
    expect(made.statusCode, made.body).toBe(200);
    const stored = await ownerQuery<{ record_enc: string }>(
      t.ctx,
      practiceId,
      'SELECT record_enc FROM safeguarding_decisions WHERE practice_id = $1',
      [practiceId],
    );
    expect(stored[0]?.record_enc).toMatch(/^uc1\.clinical\./);
    const recordUrl = `/api/safeguarding/clients/${pair.client.userId}/risk-record`;
    const record = await call(pair.therapistCookie, 'GET', recordUrl);
    expect(record.statusCode).toBe(200);
    expect(record.json().decisions[0]).toMatchObject({ ...body, decidedBy: expect.any(String) });
    expect((await call(lead.cookie, 'GET', recordUrl)).statusCode).toBe(200);
    expect((await call(otherTherapistCookie, 'GET', recordUrl)).statusCode).toBe(404);
    expect((await call(pair.clientCookie, 'GET', recordUrl)).statusCode).toBe(403);
    expect((await call(pair.clientCookie, 'GET', '/api/safeguarding/alerts')).statusCode).toBe(403);
  });

  it('keeps a decision as written', async () => {
    await expect(
      ownerQuery(t.ctx, practiceId, "UPDATE safeguarding_decisions SET client_informed = 'no'"),
    ).rejects.toThrow(/kept as written/);
  });
});

describe('the safety plan', () => {
  const url = () => `/api/safeguarding/clients/${pair.client.userId}/safety-plan`;
  const plan = {
    warningSigns: 'Not sleeping; staying in.',
    copingStrategies: 'A walk by the canal.',
    distractions: 'The café on Mill Road.',
    peopleToAsk: 'My sister, 07700 900123.',
    professionals: 'My therapist; Samaritans 116 123.',
    safeEnvironment: 'Tablets kept at my sister’s.',
    reasonsForLiving: 'My dog.',
  };

  it('is written by the caring therapist in versions, encrypted, and read by the client', async () => {
    expect((await call(pair.clientCookie, 'GET', '/api/safeguarding/my/safety-plan')).json()).toMatchObject({
      plan: null,
      version: 0,
    });
    const first = await call(pair.therapistCookie, 'PUT', url(), { baseVersion: 0, plan });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ plan, version: 1 });
    const second = await call(pair.therapistCookie, 'PUT', url(), {
      baseVersion: 1,
      plan: { ...plan, reasonsForLiving: 'My dog; the sea.' },
    });
    expect(second.json().version).toBe(2);
    const stale = await call(pair.therapistCookie, 'PUT', url(), { baseVersion: 1, plan });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('saved from elsewhere');
    const empty = await call(pair.therapistCookie, 'PUT', url(), {
      baseVersion: 2,
      plan: { ...plan, ...Object.fromEntries(Object.keys(plan).map((k) => [k, ' '])) },
    });
    expect(empty.statusCode).toBe(400);
    const mine = await call(pair.clientCookie, 'GET', '/api/safeguarding/my/safety-plan');
    expect(mine.json()).toMatchObject({ version: 2, plan: { reasonsForLiving: 'My dog; the sea.' } });
    const stored = await ownerQuery<{ plan_enc: string }>(
      t.ctx,
      practiceId,
      'SELECT plan_enc FROM safety_plan_versions WHERE practice_id = $1',
      [practiceId],
    );
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(row.plan_enc).toMatch(/^uc1\.clinical\./);
  });

  it('is refused to anyone else', async () => {
    expect((await call(otherTherapistCookie, 'GET', url())).statusCode).toBe(404);
    expect((await call(otherTherapistCookie, 'PUT', url(), { baseVersion: 2, plan })).statusCode).toBe(404);
    expect((await call(pair.clientCookie, 'PUT', url(), { baseVersion: 2, plan })).statusCode).toBe(403);
    expect((await call(adminCookie, 'GET', url())).statusCode).toBe(403);
    expect((await call(otherClientCookie, 'GET', '/api/safeguarding/my/safety-plan')).json()).toMatchObject({
      plan: null,
    });
    expect((await call(pair.therapistCookie, 'GET', '/api/safeguarding/my/safety-plan')).statusCode).toBe(403);
  });
});
