import type { CrisisResource } from '@undercurrent/clinical';
import type { FieldProblem } from '../frame/episodes-field-errors.js';

/**
 * The practice's own crisis resources: what the admin may save (checked here with messages a person
 * can act on), and how each is shown beside the region's lines on every crisis panel.
 */
export interface LocalCrisisResource {
  name: string;
  phone: string | null;
  textNumber: string | null;
  textKeyword: string | null;
  url: string | null;
  hours: string;
  description: string;
}

export const MAX_LOCAL_RESOURCES = 20;

const PHONE_CHARACTERS = /^\+?[0-9][0-9 ()-]*[0-9]$/;
const KEYWORD = /^[\p{L}\p{N} ]+$/u;

/** The digits of a number as written (spaces, brackets and dashes dropped; a leading + kept). */
export function dialable(number: string): string {
  const trimmed = number.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/[^0-9]/g, '');
}

function phoneProblem(value: string, what: string): string | null {
  const digits = value.replace(/[^0-9]/g, '').length;
  if (!PHONE_CHARACTERS.test(value) || digits < 3 || digits > 15) {
    return `${what} should be a number someone can dial: digits, with spaces, brackets or dashes if you like, and + for an international number (for example 0161 496 0000 or 116 123).`;
  }
  return null;
}

function urlProblem(value: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return 'The web address should be a full address starting with https:// (for example https://www.example.org/help).';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'The web address should start with https:// (or http://).';
  }
  if (!parsed.hostname.includes('.') || parsed.username || parsed.password) {
    return 'The web address should name a website, like https://www.example.org/help.';
  }
  if (value.length > 500) return 'The web address is too long: keep it under 500 characters.';
  return null;
}

/** Trims each field, turns empty optional fields into null, and lists every problem with its field. */
export function checkLocalResources(resources: LocalCrisisResource[]): {
  cleaned: LocalCrisisResource[];
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  if (resources.length > MAX_LOCAL_RESOURCES) {
    problems.push({
      field: 'resources',
      message: `A practice can list up to ${MAX_LOCAL_RESOURCES} of its own resources; remove some first.`,
    });
  }
  const optional = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());
  const cleaned = resources.map((r, index) => {
    const at = (field: string) => `resources.${index}.${field}`;
    const name = r.name.trim();
    const entry: LocalCrisisResource = {
      name,
      phone: optional(r.phone),
      textNumber: optional(r.textNumber),
      textKeyword: optional(r.textKeyword),
      url: optional(r.url),
      hours: r.hours.trim(),
      description: r.description.trim(),
    };
    const label = name || `Resource ${index + 1}`;
    if (name === '') problems.push({ field: at('name'), message: `Resource ${index + 1} needs a name.` });
    else if (name.length > 120)
      problems.push({ field: at('name'), message: `${label}: keep the name under 120 characters.` });
    if (entry.hours === '') {
      problems.push({ field: at('hours'), message: `${label}: say when it is open (for example “24 hours a day”).` });
    } else if (entry.hours.length > 120) {
      problems.push({ field: at('hours'), message: `${label}: keep the opening hours under 120 characters.` });
    }
    if (entry.description.length > 500) {
      problems.push({ field: at('description'), message: `${label}: keep the description under 500 characters.` });
    }
    if (!entry.phone && !entry.textNumber && !entry.url) {
      problems.push({
        field: at('phone'),
        message: `${label}: give at least one way to reach it — a phone number, a number to text or a web address.`,
      });
    }
    const phone = entry.phone ? phoneProblem(entry.phone, `${label}: the phone number`) : null;
    if (phone) problems.push({ field: at('phone'), message: phone });
    const text = entry.textNumber ? phoneProblem(entry.textNumber, `${label}: the number to text`) : null;
    if (text) problems.push({ field: at('textNumber'), message: text });
    if (entry.textKeyword) {
      if (!entry.textNumber) {
        problems.push({ field: at('textKeyword'), message: `${label}: a word to text needs a number to text it to.` });
      } else if (!KEYWORD.test(entry.textKeyword) || entry.textKeyword.length > 40) {
        problems.push({
          field: at('textKeyword'),
          message: `${label}: the word to text should be letters or digits, under 40 characters (for example SHOUT).`,
        });
      }
    }
    const url = entry.url ? urlProblem(entry.url) : null;
    if (url) problems.push({ field: at('url'), message: `${label}: ${url.charAt(0).toLowerCase()}${url.slice(1)}` });
    return entry;
  });
  return { cleaned, problems };
}

/** How a resource of the practice's own reads on a crisis panel: what to do, and the first way to act on it. */
export function asCrisisLine(r: LocalCrisisResource): CrisisResource {
  const ways: string[] = [];
  if (r.phone) ways.push(`Call ${r.phone}.`);
  if (r.textNumber) ways.push(r.textKeyword ? `Text ${r.textKeyword} to ${r.textNumber}.` : `Text ${r.textNumber}.`);
  if (r.url) ways.push(`Visit ${r.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}.`);
  if (r.description) ways.push(r.description);
  const sms = r.textNumber
    ? `sms:${dialable(r.textNumber)}${r.textKeyword ? `?body=${encodeURIComponent(r.textKeyword)}` : ''}`
    : null;
  const href = r.phone ? `tel:${dialable(r.phone)}` : (sms ?? r.url ?? undefined);
  return { name: r.name, action: ways.join(' '), availability: r.hours, ...(href ? { href } : {}) };
}
