import crypto from 'node:crypto';
import { builtinInstrument, score } from '@undercurrent/clinical';
import type { Scoped } from '../access/access-layer.js';
import { decisionContext } from '../features/safeguarding/alert-record.js';
import { planContext } from '../features/safeguarding/safety-plan-record.js';
import { DEFAULT_POLICY_TEXT } from '../features/safeguarding/settings-record.js';
import { insertResponse } from '../features/measures/response-insert.js';

/**
 * The demo's risk episode: Jamie Walsh answered PHQ-9 item 9 "several days" on paper nine days ago;
 * Dr Ruth Mensah acknowledged the alert within the hour, recorded her decision (with the reasons,
 * who was told, and how Jamie was informed), and they wrote a safety plan together. Dr Helen Marsh
 * is the practice's clinical lead. Every demo client agreed to the practice's written policy when
 * they joined, except Hannah Kowalski (so the demo shows the policy step); the practice lists one
 * local crisis resource of its own, marked as fictional. Written as the system; idempotent (a
 * practice with any alert is left alone).
 */

/** The demo client who has not yet agreed to the policy: signing in as her shows the step. */
export const DEMO_CLIENT_NOT_AGREED = 'hannah.kowalski';
const DEMO_CLIENTS = ['priya.nair', 'jamie.walsh', 'daniel.okoro', 'sophie.turner', 'aled.morgan'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedDemoSafeguarding(tx: Scoped, userIds: Record<string, string>): Promise<{ alerts: number }> {
  const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM safeguarding_alerts');
  if ((existing.rows[0]?.n ?? 0) > 0) return { alerts: existing.rows[0]?.n ?? 0 };
  const ruth = userIds['ruth.mensah'];
  const jamie = userIds['jamie.walsh'];
  const helen = userIds['helen.marsh'];
  const phq9 = builtinInstrument('phq-9');
  if (!ruth || !jamie || !helen || !phq9)
    throw new Error('the demo has no Ruth Mensah, Jamie Walsh, Helen Marsh or PHQ-9');
  await tx.query(
    `INSERT INTO safeguarding_settings (practice_id, policy_text, clinical_lead_id, updated_by)
     VALUES (app_practice_id(), $1, $2, $2) ON CONFLICT (practice_id) DO NOTHING`,
    [DEFAULT_POLICY_TEXT, helen],
  );
  for (const [index, key] of DEMO_CLIENTS.entries()) {
    const client = userIds[key];
    if (!client) throw new Error(`the demo has no ${key}`);
    await tx.query(
      `INSERT INTO policy_agreements (practice_id, client_id, policy_version, agreed_at)
       VALUES (app_practice_id(), $1, 1, $2) ON CONFLICT DO NOTHING`,
      [client, new Date(Date.now() - (120 - index * 10) * DAY)],
    );
  }
  // A fictional local resource (Ofcom's drama number range, example.org): the demo shows the feature
  // without sending anyone in real need to a number that does not exist — its name says so.
  await tx.query(
    `INSERT INTO practice_crisis_resources (practice_id, position, name, phone, url, hours, description)
     VALUES (app_practice_id(), 0, 'Northside Crisis Café (demo, fictional)', '01632 960 123',
             'https://crisis-cafe.example.org/', 'Every evening, 6pm to midnight',
             'A calm place to talk, with no appointment. In this demo it is made up: use the lines above.')
     ON CONFLICT DO NOTHING`,
  );
  const raisedAt = new Date(Date.now() - 9 * DAY);
  const responseId = crypto.randomUUID();
  const alertId = crypto.randomUUID();
  // The alert as it was raised nine days ago; storing the response below finds it already there.
  await tx.query(
    `INSERT INTO safeguarding_alerts (id, practice_id, client_id, therapist_id, trigger, source_id, reason, matches,
                                      raised_at, notified_at, acknowledged_at, acknowledged_by)
     VALUES ($1, app_practice_id(), $2, $3, 'questionnaire_item', $4, 'answer-at-or-above-threshold', 0, $5, $5, $6, $3)`,
    [alertId, jamie, ruth, responseId, raisedAt, new Date(raisedAt.getTime() + 0.75 * HOUR)],
  );
  const answers = { 1: 2, 2: 2, 3: 1, 4: 2, 5: 1, 6: 1, 7: 1, 8: 0, 9: 1, difficulty: 1 };
  const result = score(phq9, answers);
  if (!result.ok) throw new Error('the demo PHQ-9 answers do not score');
  await insertResponse(tx, {
    id: responseId,
    clientId: jamie,
    instrument: { definition: phq9, row: null },
    completedOn: raisedAt.toISOString().slice(0, 10),
    appointmentId: null,
    enteredBy: ruth,
    source: 'paper',
    answers,
    score: result,
  });
  const decisionId = crypto.randomUUID();
  const record = {
    decision: 'Call Jamie today; review the safety plan together at Thursday’s session; no referral for now.',
    reasons:
      'Passive thoughts of being better off dead on several days, no plan or intent, protective factors strong (his sister, his work).',
    whoWasTold: 'Dr Helen Marsh (clinical lead), for consultation. No one outside the practice.',
    clientInformedHow: 'By phone the same afternoon; Jamie agreed to the plan.',
  };
  await tx.query(
    `INSERT INTO safeguarding_decisions (id, practice_id, client_id, alert_id, decided_by, decided_at, client_informed, record_enc)
     VALUES ($1, app_practice_id(), $2, $3, $4, $5, 'yes', $6)`,
    [
      decisionId,
      jamie,
      alertId,
      ruth,
      new Date(raisedAt.getTime() + 3 * HOUR),
      await tx.encrypt('clinical', decisionContext(decisionId), JSON.stringify(record)),
    ],
  );
  const planId = crypto.randomUUID();
  const plan = {
    warningSigns: 'Not answering messages; lying awake going over work; thinking “what’s the point”.',
    copingStrategies: 'A run along the river; the breathing exercise; a hot shower.',
    distractions: 'The climbing wall on Tuesdays; the café on Mill Road.',
    peopleToAsk: 'My sister Ciara; my friend Sam.',
    professionals: 'Dr Ruth Mensah (the practice); my GP; Samaritans 116 123; NHS 111, mental health option.',
    safeEnvironment: 'Ciara keeps the spare medication; I don’t drink when I feel like this.',
    reasonsForLiving: 'Ciara and her children; the trip to Donegal next summer.',
  };
  await tx.query(
    `INSERT INTO safety_plan_versions (id, practice_id, client_id, version, written_by, written_at, plan_enc)
     VALUES ($1, app_practice_id(), $2, 1, $3, $4, $5)`,
    [
      planId,
      jamie,
      ruth,
      new Date(raisedAt.getTime() + 2 * DAY),
      await tx.encrypt('clinical', planContext(planId), JSON.stringify(plan)),
    ],
  );
  return { alerts: 1 };
}
