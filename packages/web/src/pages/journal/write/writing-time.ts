/**
 * Time in free-association writing. Two clocks: the optional timer the person chose (plain wall time
 * since they started, like a kitchen timer), and the time actually spent writing, which counts only
 * while the page is visible and the person has typed within the last minute.
 */

/** A pause longer than this is no longer writing (thinking counts; leaving the phone on the table does not). */
export const WRITING_PAUSE_MS = 60_000;
/** A gap between ticks longer than this (a sleeping phone) counts as no more than this. */
const MAX_TICK_MS = 2_000;

export class WritingClock {
  private activeMs = 0;
  private lastTypedAt: number | null = null;
  private lastTickAt: number | null = null;

  constructor(
    private readonly initialSeconds = 0,
    private readonly pauseMs = WRITING_PAUSE_MS,
  ) {}

  typed(now: number): void {
    this.lastTypedAt = now;
  }

  /** Called about once a second with whether the page is visible. */
  tick(now: number, visible: boolean): void {
    const last = this.lastTickAt;
    this.lastTickAt = now;
    if (last === null || !visible || this.lastTypedAt === null) return;
    if (now - this.lastTypedAt > this.pauseMs) return;
    this.activeMs += Math.max(0, Math.min(now - last, MAX_TICK_MS));
  }

  /** Whole seconds, including those recorded on earlier visits to the entry. */
  seconds(): number {
    return this.initialSeconds + Math.floor(this.activeMs / 1000);
  }
}

export type TimerMinutes = 5 | 10 | 20;

/** Whole minutes left on the timer, rounded up (0 once it has run out). */
export function minutesLeft(startedAt: number, minutes: TimerMinutes, now: number): number {
  const leftMs = startedAt + minutes * 60_000 - now;
  return leftMs <= 0 ? 0 : Math.ceil(leftMs / 60_000);
}
