import type { BreakKind } from '../../frame/frame-types.js';
import { formatDateList, noticeSentence } from './charges-format.js';

/**
 * The e-mails a break sends to clients: which sessions will not take place (or, when a break is
 * called off, will take place after all), with whom, and how much notice they were given. Plain
 * en-GB; nothing clinical — the reason is "a break" for a therapist's own break, and the practice's
 * title only for a practice closure or a bank holiday.
 */
export interface BreakNoticeItem {
  therapistName: string;
  breakKind: BreakKind;
  breakTitle: string;
  /** The cancelled sessions' dates, as the client reads them (their zone). */
  dates: string[];
  /** Whole days from the client's today to the first of `dates`. */
  noticeDays: number;
}

function sessionsWith(therapistName: string, dates: string[]): string {
  const plural = new Set(dates).size > 1;
  return `Your ${plural ? 'sessions' : 'session'} with ${therapistName} on ${formatDateList(dates)}`;
}

export function breakReason(kind: BreakKind, title: string, therapistName: string): string {
  return `${therapistName} is away (${kind === 'therapist' ? 'a break' : title})`;
}

export function breakCancellationEmail(input: { clientName: string; items: BreakNoticeItem[]; sessionsUrl: string }): {
  subject: string;
  text: string;
} {
  const paragraphs = input.items.map(
    (item) =>
      `${sessionsWith(item.therapistName, item.dates)} will not take place: ` +
      `${breakReason(item.breakKind, item.breakTitle, item.therapistName)}. ${noticeSentence(item.noticeDays)}`,
  );
  return {
    subject: 'A change to your sessions',
    text: [
      `Hello ${input.clientName},`,
      '',
      ...paragraphs.flatMap((p) => [p, '']),
      'You will not be charged for sessions that do not take place because of a break.',
      '',
      `You can see all your sessions here: ${input.sessionsUrl}`,
    ].join('\n'),
  };
}

export function breakRestoredEmail(input: {
  clientName: string;
  items: { therapistName: string; dates: string[] }[];
  sessionsUrl: string;
}): { subject: string; text: string } {
  const paragraphs = input.items.map(
    (item) =>
      `${sessionsWith(item.therapistName, item.dates)} will take place after all: the break has been called off.`,
  );
  return {
    subject: 'Your sessions will take place after all',
    text: [
      `Hello ${input.clientName},`,
      '',
      ...paragraphs.flatMap((p) => [p, '']),
      `You can see all your sessions here: ${input.sessionsUrl}`,
    ].join('\n'),
  };
}
