/** Small readers that check one field of imported JSON and record a person-readable error with its path. */

export interface DefinitionError {
  /** Where the problem is, e.g. `items[2].answerOptions[0].value` ("" for the whole definition). */
  path: string;
  message: string;
}

export type JsonObject = Record<string, unknown>;

export class Problems {
  readonly errors: DefinitionError[] = [];
  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }
}

/** `items` + 2 → `items[2]`; `licence` + `terms` → `licence.terms`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function kindOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'object') return 'an object';
  return `the ${typeof x} ${JSON.stringify(x)}`;
}

/** Records every field that is not allowed (usually a misspelling). */
export function checkKeys(p: Problems, obj: JsonObject, path: string, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      p.add(at(path, key), `"${key}" is not a field of ${what}; the fields are: ${allowed.join(', ')}.`);
    }
  }
}

export function readText(
  p: Problems,
  obj: JsonObject,
  key: string,
  path: string,
  what: string,
  optional = false,
): string | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (!optional) p.add(at(path, key), `${what} is required.`);
    return undefined;
  }
  if (typeof v !== 'string') p.add(at(path, key), `${what} must be text, not ${kindOf(v)}.`);
  else if (v.trim() === '') p.add(at(path, key), `${what} must not be empty.`);
  else return v;
  return undefined;
}

export interface NumberRules {
  integer?: boolean;
  min?: number;
}

export function readNumber(
  p: Problems,
  obj: JsonObject,
  key: string,
  path: string,
  what: string,
  rules: NumberRules = {},
): number | undefined {
  const v = obj[key];
  if (v === undefined) {
    p.add(at(path, key), `${what} is required.`);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) p.add(at(path, key), `${what} must be a number, not ${kindOf(v)}.`);
  else if (rules.integer === true && !Number.isInteger(v))
    p.add(at(path, key), `${what} must be a whole number, not ${v}.`);
  else if (rules.min !== undefined && v < rules.min)
    p.add(at(path, key), `${what} must be at least ${rules.min}, not ${v}.`);
  else return v;
  return undefined;
}

export function readBoolean(
  p: Problems,
  obj: JsonObject,
  key: string,
  path: string,
  what: string,
  optional = true,
): boolean | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (!optional) p.add(at(path, key), `${what} is required (true or false).`);
    return undefined;
  }
  if (typeof v !== 'boolean') p.add(at(path, key), `${what} must be true or false, not ${kindOf(v)}.`);
  else return v;
  return undefined;
}

export function readList(
  p: Problems,
  obj: JsonObject,
  key: string,
  path: string,
  what: string,
  optional = false,
): unknown[] | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (!optional) p.add(at(path, key), `${what} is required.`);
    return undefined;
  }
  if (!Array.isArray(v)) p.add(at(path, key), `${what} must be a list, not ${kindOf(v)}.`);
  else return v;
  return undefined;
}

export function readObject(
  p: Problems,
  obj: JsonObject,
  key: string,
  path: string,
  what: string,
  optional = false,
): JsonObject | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (!optional) p.add(at(path, key), `${what} is required.`);
    return undefined;
  }
  if (!isObject(v)) p.add(at(path, key), `${what} must be an object, not ${kindOf(v)}.`);
  else return v;
  return undefined;
}

/** A list of objects: records an error for each element that is not one and returns the rest with their paths. */
export function readObjectList(
  p: Problems,
  obj: JsonObject,
  key: string,
  path: string,
  what: string,
  optional = false,
): { value: JsonObject; path: string; n: number }[] {
  const list = readList(p, obj, key, path, what, optional);
  const out: { value: JsonObject; path: string; n: number }[] = [];
  list?.forEach((v, i) => {
    if (isObject(v)) out.push({ value: v, path: at(at(path, key), i), n: i + 1 });
    else p.add(at(at(path, key), i), `${what}: entry ${i + 1} must be an object, not ${kindOf(v)}.`);
  });
  return out;
}

/** A list of non-empty texts (linkIds). */
export function readTextList(p: Problems, obj: JsonObject, key: string, path: string, what: string): string[] {
  const list = readList(p, obj, key, path, what) ?? [];
  if (list.length === 0 && Array.isArray(obj[key])) p.add(at(path, key), `${what} must name at least one question.`);
  const out: string[] = [];
  list.forEach((v, i) => {
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
    else p.add(at(at(path, key), i), `${what}: entry ${i + 1} must be a question linkId (text), not ${kindOf(v)}.`);
  });
  return out;
}

const CODING_KEYS = ['system', 'code', 'display'] as const;

export function checkCoding(p: Problems, obj: JsonObject, key: string, path: string, what: string): void {
  const coding = readObject(p, obj, key, path, what, true);
  if (coding === undefined) return;
  const here = at(path, key);
  checkKeys(p, coding, here, CODING_KEYS, what);
  readText(p, coding, 'system', here, `${what}: the code system (e.g. "http://loinc.org")`);
  readText(p, coding, 'code', here, `${what}: the code`);
  readText(p, coding, 'display', here, `${what}: the display text`, true);
}
