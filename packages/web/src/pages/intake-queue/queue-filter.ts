import type { IntakeStatus, QueueEntry } from './intake-queue-types';

export type Show = 'open' | 'all' | IntakeStatus;
export type Whose = 'all' | 'mine';

/** Answered enquiries: nothing more to do. */
export const ANSWERED: readonly IntakeStatus[] = ['accepted', 'referred_on'];

/**
 * Splits the queue (already in the server's order) into those to review today — never filtered
 * away — and the rest as the filters say: open ones, all, one status; everyone's or those asked for `me`.
 */
export function splitQueue(intakes: QueueEntry[], show: Show, whose: Whose, me: string) {
  const urgent = intakes.filter((i) => i.sameDayReview && !ANSWERED.includes(i.status));
  const rest = intakes.filter((i) => {
    if (urgent.includes(i)) return false;
    if (whose === 'mine' && i.requestedTherapistId !== me) return false;
    if (show === 'all') return true;
    if (show === 'open') return !ANSWERED.includes(i.status);
    return i.status === show;
  });
  return { urgent, rest };
}
