import type { PasswordStrength } from '../api/types';
import { strings } from '../strings';

export type StrengthTone = 'weak' | 'fair' | 'strong';

export interface StrengthDescription {
  /** 0–4, clamped. */
  level: number;
  label: string;
  tone: StrengthTone;
  /** The sentence a screen reader hears and everyone sees. */
  verdict: string;
  /** Extra advice, without duplicates. */
  hints: string[];
}

/** What the strength meter says about a password-strength answer from the server. */
export function describeStrength(result: PasswordStrength): StrengthDescription {
  const level = Math.max(0, Math.min(4, Math.round(Number.isFinite(result.score) ? result.score : 0)));
  const label = strings.strength.labels[level] ?? strings.strength.labels[0] ?? '';
  const tone: StrengthTone = !result.acceptable ? 'weak' : level >= 4 ? 'strong' : 'fair';
  const verdict = result.acceptable
    ? strings.strength.acceptable
    : result.problem?.trim() || strings.strength.notAcceptable;
  // The server's reason often quotes the warning already; say each thing once.
  const said = (text: string) => verdict.toLowerCase().includes(text.replace(/\.$/, '').toLowerCase());
  const hints: string[] = [];
  for (const hint of [result.warning, ...result.suggestions]) {
    const text = hint?.trim();
    if (text && !said(text) && !hints.includes(text)) hints.push(text);
  }
  return { level, label, tone, verdict: `${strings.strength.strengthIs(label)} ${verdict}`, hints };
}
