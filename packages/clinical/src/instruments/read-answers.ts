import type { InstrumentDefinition, InstrumentItem } from './definition-types.js';
import { optionsFor, scoredValue } from './item-helpers.js';
import type { ScoreError } from './score-types.js';

/** The state of one question after reading the answers. */
export type ItemState =
  | { kind: 'answered'; value: number; /** after reverse keying */ scored: number }
  | { kind: 'declined' }
  | { kind: 'not-applicable' }
  | { kind: 'unanswered' };

export type ReadAnswers = { ok: true; states: Map<string, ItemState> } | { ok: false; errors: ScoreError[] };

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : typeof value === 'number' ? String(value) : typeof value;
}

function readOne(def: InstrumentDefinition, item: InstrumentItem, value: unknown): ItemState | ScoreError {
  if (value === undefined || value === null) return { kind: 'unanswered' };
  if (value === 'declined') return { kind: 'declined' };
  if (value === 'not-applicable') {
    if (item.notApplicable) return { kind: 'not-applicable' };
    return { linkId: item.linkId, message: `Question ${item.linkId} cannot be answered "not applicable".` };
  }
  const values = optionsFor(def, item).map((o) => o.value);
  if (typeof value === 'number' && values.includes(value)) {
    return { kind: 'answered', value, scored: scoredValue(def, item, value) };
  }
  return {
    linkId: item.linkId,
    message: `Question ${item.linkId}: ${describe(value)} is not one of its answers (${values.join(', ')}), "declined"${item.notApplicable ? ', "not-applicable"' : ''} or null.`,
  };
}

/** Reads an answers object of unknown shape into one state per question, or the errors found. */
export function readAnswers(def: InstrumentDefinition, answers: unknown): ReadAnswers {
  if (!isPlainObject(answers)) {
    return { ok: false, errors: [{ message: 'The answers must be an object keyed by question linkId.' }] };
  }
  const errors: ScoreError[] = [];
  const byId = new Map(def.items.map((item) => [item.linkId, item]));
  for (const key of Object.keys(answers)) {
    if (!byId.has(key)) errors.push({ linkId: key, message: `There is no question "${key}" in ${def.name}.` });
  }
  const states = new Map<string, ItemState>();
  for (const item of def.items) {
    const value = Object.hasOwn(answers, item.linkId) ? answers[item.linkId] : undefined;
    const state = readOne(def, item, value);
    if ('message' in state) errors.push(state);
    else states.set(item.linkId, state);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, states };
}
