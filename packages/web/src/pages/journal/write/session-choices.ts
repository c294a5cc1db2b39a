/** Which sessions a reflection can be about: ones that have happened, newest first. */
import type { Appointment, MyFrame } from '../../../api/frame-types';
import { formatDayLong, formatTime } from '../../../lib/frame-format';

/** Sessions that did not take place are not offered. */
const NOT_HELD = new Set<Appointment['status']>(['cancelled_client', 'cancelled_therapist', 'moved']);

export const SESSIONS_OFFERED = 12;

export interface SessionChoice {
  id: string;
  label: string;
}

export function pastSessions(frame: Pick<MyFrame, 'recent' | 'upcoming'>, now: Date = new Date()): Appointment[] {
  const seen = new Set<string>();
  return [...frame.recent, ...frame.upcoming]
    .filter((a) => {
      if (seen.has(a.id)) return false;
      seen.add(a.id);
      return !NOT_HELD.has(a.status) && new Date(a.startsAt).getTime() <= now.getTime();
    })
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .slice(0, SESSIONS_OFFERED);
}

/** "Thursday 14 January 2027, 09:00", in the reader's zone. */
export function sessionLabel(appointment: Pick<Appointment, 'startsAt'>, zone: string): string {
  return `${formatDayLong(appointment.startsAt, zone)}, ${formatTime(appointment.startsAt, zone)}`;
}

export function sessionChoices(
  frame: Pick<MyFrame, 'recent' | 'upcoming'>,
  zone: string,
  now: Date = new Date(),
): SessionChoice[] {
  return pastSessions(frame, now).map((a) => ({ id: a.id, label: sessionLabel(a, zone) }));
}
