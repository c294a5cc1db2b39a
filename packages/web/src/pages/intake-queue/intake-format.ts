import { iqStrings } from './intake-queue-strings';

/** How long ago something was, in the words of the queue ("3 days"), from `now`. */
export function ageOf(iso: string, now: number = Date.now()): string {
  const hours = Math.max(0, now - new Date(iso).getTime()) / 3_600_000;
  return iqStrings.age(hours);
}

const when = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** "Tuesday 8 December, 10:00" in the reader's time zone. */
export function formatSlot(iso: string): string {
  return when.format(new Date(iso));
}
