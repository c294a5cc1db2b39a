import type { InstrumentDefinition } from './definition-types.js';
import { checkDefinitionRules } from './validate-definition-rules.js';
import { checkDefinitionShape } from './validate-definition-shape.js';
import { type DefinitionError, isObject, Problems } from './validation-helpers.js';

export type { DefinitionError } from './validation-helpers.js';

export type DefinitionValidation =
  { ok: true; definition: InstrumentDefinition } | { ok: false; errors: DefinitionError[] };

/**
 * Checks an imported instrument definition (parsed JSON, e.g. a practice's CORE-10 or WSAS). Returns
 * the definition, copied, or every problem found, each with its path (`items[2].answerOptions[0].value`)
 * and a message a person can act on. Field types are checked first; ranges and references (bands
 * covering the score range, subscale questions that exist…) once the types are right.
 */
export function validateDefinition(json: unknown): DefinitionValidation {
  const p = new Problems();
  if (!isObject(json)) {
    p.add('', 'An instrument definition must be a JSON object ({ … }).');
    return { ok: false, errors: p.errors };
  }
  checkDefinitionShape(p, json);
  if (p.errors.length > 0) return { ok: false, errors: p.errors };
  const definition = JSON.parse(JSON.stringify(json)) as InstrumentDefinition;
  checkDefinitionRules(p, definition);
  return p.errors.length > 0 ? { ok: false, errors: p.errors } : { ok: true, definition };
}

/** The errors as lines of text, "path: message". */
export function formatDefinitionErrors(errors: readonly DefinitionError[]): string {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('\n');
}
