import { detectRiskLanguage, practiceRiskPhrases, type InstrumentScore } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import { clinicalLeadOf, loadSafeguardingSettings } from './settings-record.js';

export type AlertReason = 'answer-at-or-above-threshold' | 'declined' | 'unanswered' | 'shared_entry' | 'private_entry';

/** What the client's own page should do after a save: show help at once, and perhaps invite them to tell. */
export interface SafeguardingAnswer {
  showHelp: boolean;
  therapistAlerted: boolean;
  inviteToTell: boolean;
}

export const NO_TRIGGER: SafeguardingAnswer = { showHelp: false, therapistAlerted: false, inviteToTell: false };

/**
 * Raises an alert about a client to each therapist caring for them — or, when none does, straight
 * to the clinical lead. Holds identifiers only. The client's own transaction may run this: it cannot
 * read alerts, so a repeat (same source, same number of matches) is skipped by the unique index.
 * Returns how many alerts were new.
 */
async function raiseAlert(
  tx: Scoped,
  alert: {
    clientId: string;
    trigger: 'questionnaire_item' | 'risk_language';
    sourceId: string;
    reason: AlertReason;
    matches: number;
  },
): Promise<number> {
  const carers = await tx.query<{ therapist_id: string }>(
    'SELECT therapist_id FROM care_assignments WHERE client_id = $1 AND ended_at IS NULL ORDER BY created_at',
    [alert.clientId],
  );
  const targets: { therapistId: string | null; lead: string | null }[] = carers.rows.map((r) => ({
    therapistId: r.therapist_id,
    lead: null,
  }));
  if (targets.length === 0) {
    targets.push({ therapistId: null, lead: await clinicalLeadOf(tx, await loadSafeguardingSettings(tx)) });
  }
  let raised = 0;
  for (const target of targets) {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO safeguarding_alerts (id, practice_id, client_id, therapist_id, trigger, source_id, reason, matches,
                                        escalated_at, escalated_to)
       VALUES (gen_random_uuid(), app_practice_id(), $1, $2, $3, $4, $5, $6, CASE WHEN $7::uuid IS NULL THEN NULL ELSE now() END, $7)
       ON CONFLICT DO NOTHING`,
      [alert.clientId, target.therapistId, alert.trigger, alert.sourceId, alert.reason, alert.matches, target.lead],
    );
    if (inserted.rowCount === 1) {
      raised++;
      tx.audit({
        action: 'safeguarding.alert_raised',
        subjectType: alert.trigger === 'questionnaire_item' ? 'measure_response' : 'journal_entry',
        subjectId: alert.sourceId,
        subjectUserId: alert.clientId,
        details: {
          reason: alert.reason,
          matches: alert.matches,
          toTherapist: target.therapistId,
          escalatedTo: target.lead,
        },
      });
    }
  }
  return raised;
}

/**
 * The questionnaire trigger (CLINICAL-REFERENCE.md §4): any safeguarding flag the score raised —
 * PHQ-9 item 9 above 0, declined or left blank — alerts the client's therapist. A zero raises
 * nothing and clears nothing.
 */
export async function alertOnQuestionnaire(
  tx: Scoped,
  response: { id: string; clientId: string; score: InstrumentScore },
): Promise<SafeguardingAnswer> {
  const flags = response.score.ok ? response.score.flags : [];
  const [flag] = flags;
  if (!flag) return NO_TRIGGER;
  await raiseAlert(tx, {
    clientId: response.clientId,
    trigger: 'questionnaire_item',
    sourceId: response.id,
    reason: flag.reason,
    matches: 0,
  });
  return { showHelp: true, therapistAlerted: true, inviteToTell: false };
}

/**
 * The risk-language trigger on a journal save: the practice's phrase list over the entry's text. A
 * shared entry alerts the caring therapist; a private one does so only when the practice's policy
 * says "always" — otherwise the client is invited to tell their therapist, and nothing is recorded
 * about it. Either way the client's page shows help at once. The alert never holds the words.
 */
export async function alertOnEntry(
  tx: Scoped,
  entry: { id: string; clientId: string; text: string; shared: boolean },
): Promise<SafeguardingAnswer> {
  const settings = await loadSafeguardingSettings(tx);
  const phrases = practiceRiskPhrases(settings.addedPhrases, settings.removedPhrases);
  const matches = detectRiskLanguage(entry.text, phrases);
  if (matches.length === 0) return NO_TRIGGER;
  const alertTherapist = entry.shared || settings.privateEntryAlerts === 'always';
  if (alertTherapist) {
    await raiseAlert(tx, {
      clientId: entry.clientId,
      trigger: 'risk_language',
      sourceId: entry.id,
      reason: entry.shared ? 'shared_entry' : 'private_entry',
      matches: matches.length,
    });
  }
  return { showHelp: true, therapistAlerted: alertTherapist, inviteToTell: !entry.shared };
}
