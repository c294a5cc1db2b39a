import type { FieldProblem } from '../frame/episodes-field-errors.js';

/**
 * The fixed vocabulary of placeholders a letter template may use, filled on the server from real
 * data when a letter is started. Anything else between double braces is refused when the template
 * is saved, naming it. (There is no {{therapist.registration}}: Undercurrent does not hold
 * therapists' registration numbers yet.)
 */
export const PLACEHOLDERS = [
  { name: 'client.name', description: 'The client’s name' },
  { name: 'therapist.name', description: 'Your name (the therapist writing the letter)' },
  { name: 'practice.name', description: 'The practice’s name on the letterhead' },
  { name: 'practice.phone', description: 'The practice’s telephone number on the letterhead' },
  { name: 'practice.email', description: 'The practice’s e-mail address on the letterhead' },
  { name: 'today', description: 'Today’s date, e.g. 6 December 2026' },
  { name: 'episode.startDate', description: 'The date the current episode of therapy began' },
  { name: 'episode.endDate', description: 'The date it ended or will end, when agreed' },
  { name: 'sessions.attendedCount', description: 'How many sessions of the current episode the client attended' },
  { name: 'recipient.name', description: 'The name of the person the letter is to' },
] as const;

export type PlaceholderName = (typeof PLACEHOLDERS)[number]['name'];
export type PlaceholderValues = Record<PlaceholderName, string>;

const KNOWN = new Set<string>(PLACEHOLDERS.map((p) => p.name));
const TOKEN = /\{\{([^{}]*)\}\}/g;

/** What is wrong with the placeholders of one template text (`field` names it in the answer). */
export function placeholderProblems(text: string, field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const inner = (match[1] ?? '').trim();
    if (KNOWN.has(inner) || seen.has(inner)) continue;
    seen.add(inner);
    problems.push({
      field,
      message:
        inner === ''
          ? `“${match[0]}” is an empty placeholder: put a name between the braces, such as {{client.name}}, or remove it.`
          : `“${match[0]}” is not a placeholder we know. Use one of the listed placeholders, such as {{client.name}}.`,
    });
  }
  // A placeholder wrapped in a third brace ({{{client.name}}}) would print a stray brace around the value.
  const triple = /\{\{\{[^{}]*\}\}\}?|\{\{[^{}]*\}\}\}/.exec(text);
  if (triple) {
    problems.push({
      field,
      message: `“${triple[0]}” has a brace too many: write a placeholder as {{name}}, with two braces on each side.`,
    });
    return problems;
  }
  // Braces left over once the well-formed placeholders are taken out: an unclosed or stray one.
  const rest = text.replace(TOKEN, '');
  const stray = /\{\{[^]{0,30}|[^]{0,30}\}\}/.exec(rest);
  if (stray) {
    problems.push({
      field,
      message: `“${stray[0].trim()}” has a placeholder that is not closed or opened properly: write it as {{name}}, with two braces on each side.`,
    });
  }
  return problems;
}

/** A template text with each placeholder replaced by its value (the template was checked when saved). */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(TOKEN, (whole, inner: string) => {
    const name = inner.trim();
    return KNOWN.has(name) ? values[name as PlaceholderName] : whole;
  });
}
