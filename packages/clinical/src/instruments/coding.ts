import type { Coding } from './definition-types.js';

export const LOINC_SYSTEM = 'http://loinc.org';

/** A LOINC coding. */
export function loinc(code: string, display?: string): Coding {
  return display === undefined ? { system: LOINC_SYSTEM, code } : { system: LOINC_SYSTEM, code, display };
}
