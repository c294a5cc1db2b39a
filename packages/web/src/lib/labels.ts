import type { BadgeTone } from '../components/Badge';
import { strings } from '../strings';
import { auditStrings } from './audit-strings';

/** Plain-words labels for values the API sends as codes; an unknown code is shown as it is. */
export function actionLabel(action: string): string {
  return auditStrings.actions[action] ?? action;
}

export function subjectLabel(subjectType: string): string {
  return auditStrings.subjects[subjectType] ?? subjectType;
}

export function outcomeLabel(outcome: string): string {
  return strings.outcomes[outcome] ?? outcome;
}

export function outcomeTone(outcome: string): BadgeTone {
  return outcome === 'success' ? 'good' : outcome === 'denied' ? 'waiting' : outcome === 'failure' ? 'bad' : 'neutral';
}

export function roleLabel(role: string): string {
  return (strings.roles as Record<string, string>)[role] ?? role;
}

export function outboxTone(status: string): BadgeTone {
  return status === 'sent' ? 'good' : status === 'failed' ? 'bad' : status === 'held' ? 'info' : 'waiting';
}
