/**
 * The client's view of their frame, worked out without any wording: which session is next, how a
 * session's time reads in the client's zone and the therapist's, how much notice a break gave, and
 * whether a planned absence makes sense before it is sent. The words are in portal-strings.ts.
 */
import type { Appointment, Break, ChargePreview } from '../../api/frame-types';
import { formatDayLong, formatTime, todayIn } from '../../lib/frame-format';

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** The local calendar date of a session in its own (the agreement's) zone: "2027-01-14". */
export function sessionDate(appointment: Pick<Appointment, 'localStart'>): string {
  return appointment.localStart.slice(0, 10);
}

export interface SessionWhen {
  /** "Thursday 14 January 2027", in the reader's zone. */
  day: string;
  /** "09:00", in the reader's zone. */
  time: string;
  /** "09:50", in the reader's zone. */
  endTime: string;
  /** 0 today, 1 tomorrow … in the reader's zone. */
  daysAway: number;
  /**
   * The same start in the session's own zone, when it reads differently there ("14:00"), with the
   * day when that differs too; null when the reader's clock and the therapist's agree.
   */
  there: { time: string; day: string | null; zone: string } | null;
}

/** When a session happens, for a reader in `zone`, with the therapist's clock alongside if it differs. */
export function sessionWhen(
  appointment: Pick<Appointment, 'startsAt' | 'endsAt' | 'timeZone'>,
  zone: string,
  now: Date = new Date(),
): SessionWhen {
  const day = formatDayLong(appointment.startsAt, zone);
  const time = formatTime(appointment.startsAt, zone);
  const thereDay = formatDayLong(appointment.startsAt, appointment.timeZone);
  const thereTime = formatTime(appointment.startsAt, appointment.timeZone);
  const differs = thereTime !== time || thereDay !== day;
  return {
    day,
    time,
    endTime: formatTime(appointment.endsAt, zone),
    daysAway: daysBetween(todayIn(zone, now), todayIn(zone, new Date(appointment.startsAt))),
    there: differs ? { time: thereTime, day: thereDay !== day ? thereDay : null, zone: appointment.timeZone } : null,
  };
}

/** Sessions still to happen as agreed, soonest first. */
export function scheduledAhead(appointments: Appointment[], now: Date = new Date()): Appointment[] {
  return appointments
    .filter((a) => a.status === 'scheduled' && new Date(a.endsAt).getTime() > now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/**
 * How many of a start-ordered list to show at first: the next four weeks, and never fewer than
 * `atLeast` (sessions a month apart still show a few). Half a year of sessions at once buries the
 * breaks and everything else on the page.
 */
export function shownAtFirst(
  appointments: Pick<Appointment, 'startsAt'>[],
  now: Date = new Date(),
  days = 28,
  atLeast = 3,
): number {
  const until = now.getTime() + days * 86_400_000;
  const inWindow = appointments.filter((a) => new Date(a.startsAt).getTime() < until).length;
  return Math.min(appointments.length, Math.max(inWindow, atLeast));
}

/** A span of notice in the largest unit that reads naturally. */
export type NoticeSpan = { unit: 'weeks' | 'days' | 'hours'; count: number } | { unit: 'under-hour'; count: 0 };

export function noticeSpan(minutes: number): NoticeSpan {
  const hours = Math.floor(Math.max(0, minutes) / 60);
  if (hours < 1) return { unit: 'under-hour', count: 0 };
  if (hours < 48) return { unit: 'hours', count: hours };
  const days = Math.floor(hours / 24);
  if (days < 14) return { unit: 'days', count: days };
  return { unit: 'weeks', count: Math.floor(days / 7) };
}

/** Days between the day a break was made known (in the therapist's zone) and its first day. */
export function breakNoticeDays(brk: Pick<Break, 'createdAt' | 'startsOn'>, zone: string): number {
  return Math.max(0, daysBetween(todayIn(zone, new Date(brk.createdAt)), brk.startsOn));
}

/** The reader's sessions that a break cancelled: therapist cancellations on the break's dates. */
export function sessionsCancelledBy(
  brk: Pick<Break, 'startsOn' | 'endsOn'>,
  appointments: Appointment[],
): Appointment[] {
  return appointments.filter((a) => {
    if (a.status !== 'cancelled_therapist') return false;
    if (a.cancelReason !== null && a.cancelReason !== 'break') return false;
    const date = sessionDate(a);
    return date >= brk.startsOn && date <= brk.endsOn;
  });
}

/**
 * How much notice the client had of a session their therapist cancelled: the server's figure when it
 * has one, else (a break) from when the break covering that day was made known to the session.
 */
export function cancellationNotice(
  appointment: Appointment,
  breaks: Pick<Break, 'startsOn' | 'endsOn' | 'createdAt'>[],
): number | null {
  if (appointment.status !== 'cancelled_therapist') return null;
  if (appointment.noticeMinutes !== null) return appointment.noticeMinutes;
  if (appointment.cancelReason !== null && appointment.cancelReason !== 'break') return null;
  const date = sessionDate(appointment);
  const covering = breaks.find((b) => date >= b.startsOn && date <= b.endsOn);
  if (!covering) return null;
  return Math.max(0, Math.floor((Date.parse(appointment.startsAt) - Date.parse(covering.createdAt)) / 60_000));
}

/** Breaks not yet over, soonest first. */
export function breaksAhead(breaks: Break[], today: string): Break[] {
  return breaks.filter((b) => b.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

export type AbsenceProblem = 'startMissing' | 'startPast' | 'endMissing' | 'endBeforeStart' | 'tooLong';

/** Longest planned absence recorded in one go: a year. Longer gaps are a conversation, not a form. */
export const MAX_ABSENCE_DAYS = 366;

/** What is wrong with a planned absence before it is sent, field by field; empty when it is fine. */
export function absenceProblems(
  range: { startsOn: string; endsOn: string },
  today: string,
): Partial<Record<'startsOn' | 'endsOn', AbsenceProblem>> {
  const problems: Partial<Record<'startsOn' | 'endsOn', AbsenceProblem>> = {};
  if (!range.startsOn) problems.startsOn = 'startMissing';
  else if (range.startsOn < today) problems.startsOn = 'startPast';
  if (!range.endsOn) problems.endsOn = 'endMissing';
  else if (range.startsOn && range.endsOn < range.startsOn) problems.endsOn = 'endBeforeStart';
  else if (range.startsOn && daysBetween(range.startsOn, range.endsOn) >= MAX_ABSENCE_DAYS) problems.endsOn = 'tooLong';
  return problems;
}

/** An absence can be taken back until its first day has come. */
export function absenceRemovable(absence: { startsOn: string }, today: string): boolean {
  return absence.startsOn > today;
}

/** The sum of the charges a set of cancellations would bring. */
export function totalCharge(charges: Pick<ChargePreview, 'amountPence'>[]): number {
  return charges.reduce((sum, c) => sum + c.amountPence, 0);
}

/** Every IANA zone the browser knows, with the given ones included, in alphabetical order. */
export function timeZoneChoices(include: (string | null | undefined)[], known: readonly string[]): string[] {
  const zones = new Set(known);
  for (const zone of include) if (zone) zones.add(zone);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/** "America/New_York" → "America / New York": readable in a long list. */
export function zoneOptionLabel(zone: string): string {
  return zone.replace(/_/g, ' ').split('/').join(' / ');
}
