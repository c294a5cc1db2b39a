import type { InstrumentDefinition } from './definition-types.js';
import { bandFor, isCase } from './bands-and-cutoff.js';
import { isScored, scoreRange } from './item-helpers.js';
import { applyMissingItemRule } from './missing-item-rule.js';
import { readAnswers } from './read-answers.js';
import type { InstrumentScore, RaisedFlag, ScoreResult } from './score-types.js';
import { checkFlag, evaluatePattern, scoreSubscale } from './subscales-flags-patterns.js';

/**
 * Scores one administration of an instrument. `answers` is an object keyed by question linkId (see
 * `Answers`); anything else, an unknown question or a value that is not an answer gives
 * `{ ok: false, errors }` — this function never throws. Too many missing answers is not an error:
 * the result has `total: null` and `noScoreReason`, and still carries flags and patterns.
 */
export function score(def: InstrumentDefinition, answers: unknown): ScoreResult {
  try {
    return scoreOrFail(def, answers);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ message: `The answers could not be read: ${detail}` }] };
  }
}

function scoreOrFail(def: InstrumentDefinition, answers: unknown): ScoreResult {
  const read = readAnswers(def, answers);
  if (!read.ok) return read;
  const { states } = read;

  const answered: string[] = [];
  const missing: string[] = [];
  const declined: string[] = [];
  const notApplicable: string[] = [];
  let sum = 0;
  for (const item of def.items.filter(isScored)) {
    const state = states.get(item.linkId);
    if (state?.kind === 'answered') {
      answered.push(item.linkId);
      sum += state.scored;
    } else if (state?.kind === 'not-applicable') {
      notApplicable.push(item.linkId);
    } else {
      missing.push(item.linkId);
      if (state?.kind === 'declined') declined.push(item.linkId);
    }
  }

  const range = scoreRange(def);
  const outcome = applyMissingItemRule(
    def.missingItemRule,
    { sum, answered: answered.length, applicable: answered.length + missing.length },
    range,
    def.name,
  );
  const flags = (def.flags ?? []).map((rule) => checkFlag(states, rule)).filter((f): f is RaisedFlag => f !== null);

  const result: InstrumentScore = {
    ok: true,
    instrumentId: def.id,
    total: outcome.total,
    noScoreReason: outcome.noScoreReason,
    prorated: outcome.prorated,
    answeredSum: sum,
    range,
    answered,
    missing,
    declined,
    notApplicable,
    band: bandFor(def.bands, outcome.total),
    caseness: isCase(def.cutoff, outcome.total),
    subscales: (def.subscales ?? []).map((s) => scoreSubscale(states, s)),
    flags,
    patterns: (def.patterns ?? []).map((p) => evaluatePattern(states, p)),
  };
  return result;
}
