import type { DiagnosticPattern, FlagRule, Subscale } from './definition-types.js';
import type { ItemState } from './read-answers.js';
import type { ClusterResult, PatternResult, RaisedFlag, SubscaleScore } from './score-types.js';

type States = ReadonlyMap<string, ItemState>;

/** The scored value of an answered question, or undefined for any other state. */
function valueOf(states: States, linkId: string): number | undefined {
  const state = states.get(linkId);
  return state?.kind === 'answered' ? state.scored : undefined;
}

/** A subscale total: null when any question in it that applies is missing. */
export function scoreSubscale(states: States, subscale: Subscale): SubscaleScore {
  let total = 0;
  const missing: string[] = [];
  for (const linkId of subscale.linkIds) {
    if (states.get(linkId)?.kind === 'not-applicable') continue;
    const value = valueOf(states, linkId);
    if (value === undefined) missing.push(linkId);
    else total += value;
  }
  return { id: subscale.id, label: subscale.label, total: missing.length > 0 ? null : total, missing };
}

/** The flag raised by a rule, if any. The threshold applies to the answer as given. */
export function checkFlag(states: States, rule: FlagRule): RaisedFlag | null {
  const state = states.get(rule.linkId);
  const raised = { id: rule.id, label: rule.label, linkId: rule.linkId };
  if (state?.kind === 'answered' && state.value >= rule.atOrAbove) {
    return { ...raised, reason: 'answer-at-or-above-threshold' };
  }
  if (state?.kind === 'declined' && rule.whenDeclined) return { ...raised, reason: 'declined' };
  if (state?.kind === 'unanswered' && rule.whenUnanswered) return { ...raised, reason: 'unanswered' };
  return null;
}

/**
 * A diagnostic pattern. A cluster is met when enough questions are endorsed, not met when even
 * endorsing every missing one would not be enough, and undecided (null) otherwise.
 */
export function evaluatePattern(states: States, pattern: DiagnosticPattern): PatternResult {
  const clusters: ClusterResult[] = pattern.clusters.map((cluster) => {
    let endorsed = 0;
    let unknown = 0;
    for (const linkId of cluster.linkIds) {
      const kind = states.get(linkId)?.kind;
      const value = valueOf(states, linkId);
      if (value !== undefined && value >= pattern.endorsedAtOrAbove) endorsed += 1;
      else if (kind === 'unanswered' || kind === 'declined') unknown += 1;
    }
    const required = cluster.minEndorsed;
    const met = endorsed >= required ? true : endorsed + unknown < required ? false : null;
    return { id: cluster.id, label: cluster.label, endorsed, required, met };
  });
  const met = clusters.every((c) => c.met === true) ? true : clusters.some((c) => c.met === false) ? false : null;
  return { id: pattern.id, label: pattern.label, met, clusters };
}
