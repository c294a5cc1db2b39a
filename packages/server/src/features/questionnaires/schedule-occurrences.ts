/**
 * When a schedule asks for a questionnaire — a pure function of the schedule, its episode, the
 * episode's sessions and the clock, so the timing rules are tested with an explicit `now`:
 *
 * - every session: each session (kind 'session' or 'review', not cancelled or moved), opening 48 hours
 *   before it and expiring when it starts;
 * - every N sessions: the 1st session, then the (1 + N)th, (1 + 2N)th… — a baseline, then every N;
 * - at reviews: each review session, and each session whose number is a multiple of the episode's
 *   agreed `review_every`;
 * - at ending: opens 7 days before the ending date and expires at the end of that day;
 * - follow-up N months after ending: opens on that day, expires 14 days later.
 *
 * Days are the episode's calendar days: they begin at midnight on the wall clock of the episode's
 * time zone (not UTC), so an ending on 10 March in Auckland opens at 00:00 Auckland time on 3 March.
 *
 * An occurrence is due when `now` lies between its opening and its expiry: the job makes its request
 * then (once, keyed by `key`), so a request never exists before it opens nor for what is past.
 */
import { addDays, localToUtc } from '../../frame/zoned-time.js';

export type Timing = 'every_session' | 'every_n_sessions' | 'reviews' | 'ending' | 'follow_up';

export const OPENS_BEFORE_SESSION_MS = 48 * 3_600_000;
export const ENDING_OPENS_DAYS = 7;
export const FOLLOW_UP_OPEN_DAYS = 14;
export const SENT_NOW_OPEN_DAYS = 7;

export interface ScheduleRule {
  timing: Timing;
  everyN: number | null;
  monthsAfter: number | null;
}

export interface EpisodeTimes {
  reviewEvery: number | null;
  /** YYYY-MM-DD */
  endingDate: string | null;
  /** The episode's IANA time zone: its days start at local midnight there. */
  timeZone: string;
}

/** A session of the episode that will happen (not cancelled or moved), numbered from 1 in order. */
export interface NumberedSession {
  id: string;
  startsAt: Date;
  kind: 'session' | 'review';
  number: number;
}

export interface Occurrence {
  key: string;
  appointmentId: string | null;
  opensAt: Date;
  expiresAt: Date;
}

function sessionOccurrence(s: NumberedSession): Occurrence {
  return {
    key: `session:${s.id}`,
    appointmentId: s.id,
    opensAt: new Date(s.startsAt.getTime() - OPENS_BEFORE_SESSION_MS),
    expiresAt: s.startsAt,
  };
}

function sessionWanted(rule: ScheduleRule, episode: EpisodeTimes, s: NumberedSession): boolean {
  switch (rule.timing) {
    case 'every_session':
      return true;
    case 'every_n_sessions':
      return rule.everyN != null && (s.number - 1) % rule.everyN === 0;
    case 'reviews':
      return s.kind === 'review' || (episode.reviewEvery != null && s.number % episode.reviewEvery === 0);
    default:
      return false;
  }
}

/** The instant the episode's day begins (local midnight, or the first instant after a skipped one). */
function startOfDay(day: string, timeZone: string): Date {
  return localToUtc(day, '00:00', timeZone);
}

/** The day `months` calendar months after a YYYY-MM-DD day (31 January + 1 month = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Every occurrence of the rule (for sessions: those given). */
export function occurrencesOf(rule: ScheduleRule, episode: EpisodeTimes, sessions: NumberedSession[]): Occurrence[] {
  if (rule.timing === 'ending') {
    if (!episode.endingDate) return [];
    return [
      {
        key: `ending:${episode.endingDate}`,
        appointmentId: null,
        opensAt: startOfDay(addDays(episode.endingDate, -ENDING_OPENS_DAYS), episode.timeZone),
        expiresAt: startOfDay(addDays(episode.endingDate, 1), episode.timeZone),
      },
    ];
  }
  if (rule.timing === 'follow_up') {
    if (!episode.endingDate || rule.monthsAfter == null) return [];
    const day = addMonths(episode.endingDate, rule.monthsAfter);
    return [
      {
        key: `follow-up:${day}`,
        appointmentId: null,
        opensAt: startOfDay(day, episode.timeZone),
        expiresAt: startOfDay(addDays(day, FOLLOW_UP_OPEN_DAYS), episode.timeZone),
      },
    ];
  }
  return sessions.filter((s) => sessionWanted(rule, episode, s)).map(sessionOccurrence);
}

/** The occurrences open at `now`: the ones whose request the job makes now. */
export function dueOccurrences(
  rule: ScheduleRule,
  episode: EpisodeTimes,
  sessions: NumberedSession[],
  now: Date,
): Occurrence[] {
  const t = now.getTime();
  return occurrencesOf(rule, episode, sessions).filter((o) => o.opensAt.getTime() <= t && t < o.expiresAt.getTime());
}
