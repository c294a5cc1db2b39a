/**
 * The frame in words, and the small conversions its forms need: pounds typed by a person to pence
 * and back, a wall time in a zone to an instant. Pure functions, tested in frame-words.test.ts.
 */
import type {
  Appointment,
  AppointmentStatus,
  CancellationPolicy,
  EpisodeStatus,
  Weekday,
  WeeklySlot,
} from '../../api/frame-types';
import type { BadgeTone } from '../../components/Badge';
import { frameStrings as t } from './frame-strings';

const LOCALE = 'en-GB';

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Slots in the order of the week: Monday first, then by time. */
export function sortSlots(slots: readonly WeeklySlot[]): WeeklySlot[] {
  return [...slots].sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

/** "Mondays 08:10 and Thursdays 08:10". */
export function slotsInWords(slots: readonly WeeklySlot[]): string {
  return listInWords(sortSlots(slots).map((slot) => `${t.weekdaysPlural[slot.weekday]} ${slot.time}`));
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Weekly", "Twice weekly" … "Five times weekly". */
export function frequencyInWords(count: number): string {
  return t.frequency[count] ?? `${count} times weekly`;
}

/** A calendar date without its weekday: "4 January 2027". */
export function dateInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)),
  );
}

/** Money as people say it: "£70" for whole pounds, "£72.50" otherwise. */
export function moneyInWords(pence: number, currency: string): string {
  const whole = pence % 100 === 0;
  return new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(pence / 100);
}

export interface FrameTerms {
  kind: 'brief' | 'open' | null;
  sessionCount: number | null;
  slots: readonly WeeklySlot[];
  locationName: string | null;
  feePence: number | null;
  startDate: string | null;
  plannedEndDate?: string | null;
}

/**
 * The agreement in one sentence, as the therapist would say it to the client: "Twice weekly,
 * Mondays 08:10 and Thursdays 08:10, Room 2, £70 a session, open-ended, from 4 January 2027".
 */
export function describeFrame(terms: FrameTerms, currency: string): string {
  const parts: string[] = [];
  if (terms.slots.length > 0) {
    parts.push(frequencyInWords(terms.slots.length), slotsInWords(terms.slots));
  }
  if (terms.locationName) parts.push(terms.locationName);
  if (terms.feePence !== null) parts.push(t.words.feeASession(moneyInWords(terms.feePence, currency)));
  if (terms.kind === 'open') parts.push(t.words.openEnded);
  if (terms.kind === 'brief' && terms.sessionCount) parts.push(t.words.sessions(terms.sessionCount));
  if (terms.startDate) parts.push(t.words.from(dateInWords(terms.startDate)));
  if (terms.plannedEndDate) parts.push(t.words.plannedEnd(dateInWords(terms.plannedEndDate)));
  return parts.join(', ');
}

/** A cancellation policy in plain words, for the therapist and (later) for the client. */
export function describePolicy(policy: CancellationPolicy): string {
  const sentences: string[] = [];
  if (policy.mode === 'hour_is_yours') {
    sentences.push(t.policyWords.hourIsYours);
  } else {
    const share = policy.lateFeePercent === 100 ? t.policyWords.fullFee : t.policyWords.share(policy.lateFeePercent);
    if (policy.chargeLateCancellation) sentences.push(t.policyWords.lateCharged(policy.noticeHours, share));
    else sentences.push(t.policyWords.lateNotCharged(policy.noticeHours));
    sentences.push(policy.chargeDidNotAttend ? t.policyWords.dnaCharged(share) : t.policyWords.dnaNotCharged);
  }
  if (policy.freeMissedPerYear > 0) sentences.push(t.policyWords.free(policy.freeMissedPerYear));
  return sentences.join(' ');
}

export type MoneyParse = { ok: true; pence: number } | { ok: false; message: string };

const MAX_PENCE = 10_000_000;

/**
 * Pounds as a person types them ("70", "72.50", "£1,200", "−15") to whole pence, or a message
 * saying what to change. Negative amounts only where `signed` (adjustments); never zero there.
 */
export function parsePounds(input: string, options: { signed?: boolean } = {}): MoneyParse {
  let text = input.trim().replace(/\s+/g, '');
  if (!text) return { ok: false, message: t.money.empty };
  let negative = false;
  if (/^[-−–]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(/^[£$€]/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replace(/,/g, '');
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (!match[1] && !match[2])) return { ok: false, message: t.money.notANumber };
  const pounds = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, message: t.money.tooPrecise };
  const pence = Number(pounds || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (negative && !options.signed) return { ok: false, message: t.money.negative };
  if (pence > MAX_PENCE) return { ok: false, message: t.money.tooLarge };
  if (options.signed && pence === 0) return { ok: false, message: t.money.zero };
  return { ok: true, pence: negative ? -pence : pence };
}

/** Pence back to what a person would type: 7000 → "70", 7250 → "72.50". */
export function penceToPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const rest = abs % 100;
  return rest === 0 ? `${sign}${pounds}` : `${sign}${pounds}.${String(rest).padStart(2, '0')}`;
}

/** A whole number typed into a field, within bounds, or a message. */
export function parseWhole(
  input: string,
  min: number,
  max: number,
  messages: { empty: string; range: string },
): { ok: true; value: number } | { ok: false; message: string } {
  const text = input.trim();
  if (!text) return { ok: false, message: messages.empty };
  if (!/^\d+$/.test(text)) return { ok: false, message: messages.range };
  const value = Number(text);
  if (value < min || value > max) return { ok: false, message: messages.range };
  return { ok: true, value };
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes a zone is ahead of UTC at an instant. */
function zoneOffsetMinutes(instant: number, zone: string): number {
  let format = offsetFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall time in a zone ("when did the client tell you?": 2027-01-13, 18:30, London).
 * A time in the spring-forward gap moves forward by the gap; an autumn time that happens twice is
 * the first of the two — the same rules the server's scheduling follows.
 */
export function wallTimeToInstant(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  const before = zoneOffsetMinutes(wall - 24 * 3_600_000, zone);
  const after = zoneOffsetMinutes(wall + 24 * 3_600_000, zone);
  // The larger offset is the one in force before an autumn change: try it first, so a time that
  // happens twice is taken the first time.
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    const candidate = wall - offset * 60_000;
    if (zoneOffsetMinutes(candidate, zone) === offset) return new Date(candidate);
  }
  // In the gap: neither offset gives back this wall time; the time moves forward by the gap.
  return new Date(wall - before * 60_000);
}

/** The wall date and time of an instant in a zone: { date: "2027-01-14", time: "09:00" }. */
export function instantToWallTime(instant: string | Date, zone: string): { date: string; time: string } {
  const ms = new Date(instant).getTime();
  const local = new Date(ms + zoneOffsetMinutes(ms, zone) * 60_000);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

export function episodeTone(status: EpisodeStatus): BadgeTone {
  return status === 'active' ? 'good' : status === 'assessment' ? 'info' : status === 'ended' ? 'neutral' : 'waiting';
}

/** What happened to a session, in words, for its badge. */
export function appointmentStatusLabel(appointment: Appointment, now: Date = new Date()): string {
  const status: AppointmentStatus = appointment.status;
  if (status === 'scheduled') {
    return new Date(appointment.startsAt) <= now ? t.appointmentStatus.notMarked : t.appointmentStatus.scheduled;
  }
  if (status === 'cancelled_client') {
    if (appointment.cancelReason === 'client_absence') return t.appointmentStatus.absence(appointment.late === true);
    return appointment.late === true
      ? t.appointmentStatus.cancelledLate
      : appointment.late === false
        ? t.appointmentStatus.cancelledEarly
        : t.appointmentStatus.cancelled_client;
  }
  if (status === 'cancelled_therapist') {
    if (appointment.cancelReason === 'break' && appointment.breakTitle) {
      return t.appointmentStatus.break(appointment.breakTitle);
    }
    if (appointment.cancelReason === 'paused') return t.appointmentStatus.paused;
    if (appointment.cancelReason === 'ending') return t.appointmentStatus.ending;
    return t.appointmentStatus.cancelled_therapist;
  }
  return t.appointmentStatus[status];
}

export function appointmentTone(appointment: Appointment, now: Date = new Date()): BadgeTone {
  switch (appointment.status) {
    case 'scheduled':
      return new Date(appointment.startsAt) <= now ? 'waiting' : 'info';
    case 'attended':
      return 'good';
    case 'did_not_attend':
      return 'bad';
    case 'cancelled_client':
      return appointment.late ? 'bad' : 'neutral';
    default:
      return 'neutral';
  }
}

/** True when the session has begun, so attendance can be recorded (past, or today's once started). */
export function canMark(appointment: Appointment, now: Date = new Date()): boolean {
  return appointment.status !== 'moved' && new Date(appointment.startsAt) <= now;
}
