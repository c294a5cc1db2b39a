import type { AnswerOption, InstrumentDefinition, InstrumentItem } from './definition-types.js';

/** Whether a question counts towards the total (default true). */
export function isScored(item: InstrumentItem): boolean {
  return item.scored !== false;
}

/** The answers offered for a question: its own, else the instrument's. */
export function optionsFor(def: InstrumentDefinition, item: InstrumentItem): AnswerOption[] {
  return item.answerOptions ?? def.answerOptions ?? [];
}

/** The lowest and highest answer values of a question ({0, 0} when it has none). */
export function valueRange(options: readonly AnswerOption[]): { min: number; max: number } {
  if (options.length === 0) return { min: 0, max: 0 };
  const values = options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** The value a scored answer contributes, after reverse keying. */
export function scoredValue(def: InstrumentDefinition, item: InstrumentItem, answer: number): number {
  if (item.reverse !== true) return answer;
  const { min, max } = valueRange(optionsFor(def, item));
  return min + max - answer;
}

/** The lowest and highest possible total. */
export function scoreRange(def: InstrumentDefinition): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const item of def.items.filter(isScored)) {
    const r = valueRange(optionsFor(def, item));
    min += r.min;
    max += r.max;
  }
  return { min, max };
}
