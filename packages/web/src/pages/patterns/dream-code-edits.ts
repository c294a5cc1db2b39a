import { dreamCodeLabel } from '@undercurrent/clinical';
import type { DreamCategory, DreamCode, DreamCodeContent, DreamCodeCorrection } from './dream-code-types';

export const CATEGORIES: DreamCategory[] = [
  'character',
  'emotion',
  'aggression',
  'friendliness',
  'sexuality',
  'setting',
  'success',
  'failure',
  'misfortune',
  'good-fortune',
  'body-part',
];

/** A new code of a category, with the commonest values to start from. */
export function defaultContent(category: DreamCategory): DreamCodeContent {
  switch (category) {
    case 'character':
      return { category, kind: 'human', sex: 'indefinite', identity: 'stranger', dead: false, imaginary: false };
    case 'aggression':
      return { category, level: 2, dreamerRole: 'witness' };
    case 'friendliness':
      return { category, level: 2, dreamerRole: 'witness' };
    case 'sexuality':
      return { category, level: 1, dreamerRole: 'witness' };
    case 'emotion':
      return { category, emotion: 'AP', dreamerFeels: true };
    case 'setting':
      return { category, place: 'indoor', familiarity: 'familiar' };
    case 'misfortune':
      return { category, level: 1, dreamerInvolved: true };
    case 'body-part':
      return { category, region: 'head' };
    default:
      return { category, dreamerInvolved: true };
  }
}

/** What a code says, without its id, evidence or source. */
export function contentOf(code: DreamCode): DreamCodeContent {
  const { id: _id, evidence: _evidence, source: _source, ...content } = code;
  return content as DreamCodeContent;
}

const sameContent = (a: DreamCodeContent, b: DreamCodeContent) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
};

/**
 * The corrections that turn the automatic codes into the edited ones: a removed automatic code is a
 * remove, a changed one a change (its words stay), a code of the therapist's own an add.
 */
export function correctionsFor(automatic: readonly DreamCode[], edited: readonly DreamCode[]): DreamCodeCorrection[] {
  const byId = new Map(edited.map((c) => [c.id, c]));
  const out: DreamCodeCorrection[] = [];
  for (const code of automatic) {
    const now = byId.get(code.id);
    if (!now) out.push({ action: 'remove', id: code.id });
    else if (!sameContent(contentOf(code), contentOf(now)))
      out.push({ action: 'change', id: code.id, code: contentOf(now) });
  }
  const automaticIds = new Set(automatic.map((c) => c.id));
  for (const code of edited) {
    if (!automaticIds.has(code.id))
      out.push({ action: 'add', id: code.id, code: contentOf(code), evidence: code.evidence });
  }
  return out;
}

/** A short description of a code, e.g. "A6 chasing or confining, Victim" (the clinical package's words). */
export const codeLabel = (code: DreamCodeContent): string => dreamCodeLabel(code);

/** The next free id for a code of the therapist's own (t1, t2 …). */
export function nextOwnId(codes: readonly DreamCode[]): string {
  let n = 1;
  const ids = new Set(codes.map((c) => c.id));
  while (ids.has(`t${n}`)) n++;
  return `t${n}`;
}
