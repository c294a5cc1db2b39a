import type { SharedEntry, SharedItem } from '../../api/journal-types';
import { formatDate, formatDateTime } from '../../lib/format';
import { sharedStrings as t } from './journal-shared-strings';

const calendarDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar date "2027-01-14" as "14 January 2027" (a date, not an instant: no zone shifts it). */
export function dayInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  return Number.isNaN(date.getTime()) ? iso : calendarDay.format(date);
}

export { formatDate as dateOf, formatDateTime as dateTimeOf };

/** How an entry is named: "Dream of 12 January 2027", "Reflection, 14 January 2027". */
export function entryName(
  entry: Pick<SharedItem, 'kind' | 'dreamtOn'> & { writtenAt: string | null },
  fallbackDate: string,
): string {
  if (entry.kind === 'dream' && entry.dreamtOn) return t.name.dream(dayInWords(entry.dreamtOn));
  return t.name.written(t.kinds[entry.kind], formatDate(entry.writtenAt ?? fallbackDate));
}

/** The name of an entry being read (its facts rather than the list's). */
export const nameOfEntry = (entry: SharedEntry): string =>
  entryName({ kind: entry.kind, dreamtOn: entry.dreamtOn, writtenAt: entry.createdAt }, entry.createdAt);

/** A share the therapist has not read, or that changed after they read it (as the caseload counts them). */
export const isUnread = (item: SharedItem): boolean =>
  item.withdrawnAt === null && (item.readAt === null || item.updatedSinceRead);
