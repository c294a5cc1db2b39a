/**
 * When to save an entry, and what to do when a save fails, without React or the DOM (so it can be
 * tested with a fake clock). The rules:
 * - a save goes ~1.5 s after typing stops, and at most ~5 s after the first unsaved change while
 *   typing goes on; leaving a field saves at once;
 * - one save is in flight at a time;
 * - a save that did not get through (network, server trouble) is retried as the very same request,
 *   after 1 s, 2 s, 4 s … up to 30 s, or at once when the browser is back online. Sending the same
 *   request again lets the server recognise a save whose answer was lost, rather than keeping a
 *   conflict copy of it; newer words follow in the next save;
 * - a refusal (4xx, or text too long to send) is not retried until the person changes something or
 *   asks to try again;
 * - the text only ever lives in memory.
 */
import { ApiError } from '../../../api/errors';

export const SAVE_TIMING = {
  debounceMs: 1_500,
  maxWaitMs: 5_000,
  retryBaseMs: 1_000,
  retryMaxMs: 30_000,
} as const;

export type SaveTiming = { [K in keyof typeof SAVE_TIMING]: number };

/** How long from `now` until the save of changes first made at `firstChangeAt` and last at `lastChangeAt`. */
export function nextSaveDelay(
  now: number,
  firstChangeAt: number,
  lastChangeAt: number,
  timing: SaveTiming = SAVE_TIMING,
): number {
  const due = Math.min(lastChangeAt + timing.debounceMs, firstChangeAt + timing.maxWaitMs);
  return Math.max(0, due - now);
}

/** The wait before retry number `failures` (1 s, 2 s, 4 s … capped). */
export function retryDelay(failures: number, timing: SaveTiming = SAVE_TIMING): number {
  return Math.min(timing.retryBaseMs * 2 ** Math.max(0, failures - 1), timing.retryMaxMs);
}

/** network: could not reach the server; server: it failed or asked us to wait; refused: it said no. */
export type FailureKind = 'network' | 'server' | 'refused';

export function classifyFailure(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return 'network';
  if (error.status === 0) return 'network';
  if (error.status === 408 || error.status === 429 || error.status >= 500) return 'server';
  return 'refused';
}

export interface SaveTarget {
  id: string;
  version: number;
}

export interface SaveRequest<C> {
  target: SaveTarget;
  content: C;
  /** The change counter when the content was taken. */
  seq: number;
}

export interface SaveReply {
  /** The entry this device now edits, and its version. */
  id: string;
  version: number;
  /** When another device had changed the entry: its id (this device's words went to a copy, `id`). */
  conflictWith: string | null;
}

export type SavePhase = 'clean' | 'waiting' | 'saving' | 'retrying' | 'refused';

export interface SaveState {
  phase: SavePhase;
  target: SaveTarget;
  /** Something typed is not yet known to be on the server. */
  unsaved: boolean;
  /** Why the last attempt failed, while retrying or refused. */
  failure: FailureKind | null;
  /** The server's (or our own) message, when refused. */
  message: string | null;
  /** The entry exists on the server (saved at least once here, or loaded from it). */
  exists: boolean;
}

export type Built<C> = { content: C } | { problem: string };

export interface Clock {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface SaveControllerOptions<C> {
  target: SaveTarget;
  /** Takes the content as it is now, or says why it cannot be sent (too long). */
  build: () => Built<C>;
  send: (request: SaveRequest<C>) => Promise<SaveReply>;
  onConflict?: (reply: SaveReply & { conflictWith: string }) => void;
  clock?: Clock;
  timing?: SaveTiming;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SaveController<C> {
  private target: SaveTarget;
  private exists: boolean;
  private changeSeq = 0;
  private savedSeq = 0;
  private firstChangeAt: number | null = null;
  private lastChangeAt = 0;
  private inFlight: SaveRequest<C> | null = null;
  /** A request that failed and waits to be sent again, unchanged. */
  private parked: SaveRequest<C> | null = null;
  private failures = 0;
  private failure: FailureKind | null = null;
  private refusal: string | null = null;
  private saveAfterFlight = false;
  private timer: unknown = null;
  private stopped = false;
  private snapshot: SaveState;
  private readonly listeners = new Set<() => void>();
  private waiters: ((saved: boolean) => void)[] = [];
  private readonly clock: Clock;
  private readonly timing: SaveTiming;

  constructor(private readonly options: SaveControllerOptions<C>) {
    this.target = { ...options.target };
    this.exists = options.target.version > 0;
    this.clock = options.clock ?? realClock;
    this.timing = options.timing ?? SAVE_TIMING;
    this.snapshot = this.computeState();
  }

  /** For useSyncExternalStore: the same object until something changes. */
  getState = (): SaveState => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The person changed something. */
  change(): void {
    this.changeSeq++;
    const now = this.clock.now();
    if (this.firstChangeAt === null) this.firstChangeAt = now;
    this.lastChangeAt = now;
    this.refusal = null;
    if (this.failure === 'refused') this.failure = null;
    this.plan();
    this.emit();
  }

  /** Save now if anything is waiting (the person left a field, or the page is being hidden). */
  flush(): void {
    if (this.stopped) return;
    if (this.inFlight) {
      if (this.changeSeq > this.inFlight.seq) this.saveAfterFlight = true;
      return;
    }
    // A failed save keeps its backoff; leaving a field is no reason to hammer a dead connection.
    if (this.parked || this.refusal !== null) return;
    if (this.changeSeq > this.savedSeq) this.start();
  }

  /** The browser is back online, or the person asked: send a waiting retry at once. */
  retryNow(): void {
    if (this.stopped || this.inFlight) return;
    if (this.parked) {
      this.start();
      return;
    }
    if (this.refusal !== null) {
      this.refusal = null;
      this.failure = null;
      if (this.changeSeq > this.savedSeq) this.start();
      else this.emit();
    }
  }

  /**
   * Saves whatever is unsaved now and resolves true once it is on the server, or false as soon as
   * it could not be (offline, refused): the caller then stays where the words are.
   */
  finish(): Promise<boolean> {
    if (!this.isUnsaved()) return Promise.resolve(true);
    if (this.refusal !== null) return Promise.resolve(false);
    const done = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    if (this.parked && !this.inFlight) this.start();
    else this.flush();
    return done;
  }

  /** Stops timers and ignores answers still on their way (the editor is gone). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.settle(false);
  }

  /** Starts again after stop() (React may unmount and remount an effect in development). */
  resume(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.parked && !this.inFlight) this.setTimer(retryDelay(this.failures, this.timing), () => this.start());
    else this.plan();
  }

  private isUnsaved(): boolean {
    return this.changeSeq > this.savedSeq || this.inFlight !== null || this.parked !== null;
  }

  private plan(): void {
    if (this.stopped || this.inFlight || this.parked || this.refusal !== null) return;
    if (this.changeSeq <= this.savedSeq || this.firstChangeAt === null) {
      this.clearTimer();
      return;
    }
    const delay = nextSaveDelay(this.clock.now(), this.firstChangeAt, this.lastChangeAt, this.timing);
    this.setTimer(delay, () => this.start());
  }

  private start(): void {
    this.clearTimer();
    if (this.stopped || this.inFlight) return;
    let request = this.parked;
    if (!request) {
      const built = this.options.build();
      this.firstChangeAt = null;
      if ('problem' in built) {
        this.refusal = built.problem;
        this.failure = 'refused';
        this.emit();
        return;
      }
      request = { target: { ...this.target }, content: built.content, seq: this.changeSeq };
    }
    this.parked = null;
    this.inFlight = request;
    this.saveAfterFlight = false;
    this.emit();
    const sent = request;
    this.options.send(sent).then(
      (reply) => this.succeeded(sent, reply),
      (error: unknown) => this.failed(sent, error),
    );
  }

  // Answers are taken in even after stop(), so a remounted editor knows the version it now edits;
  // plan() and start() do nothing while stopped.
  private succeeded(request: SaveRequest<C>, reply: SaveReply): void {
    if (this.inFlight !== request) return;
    this.inFlight = null;
    this.failures = 0;
    this.failure = null;
    this.exists = true;
    this.savedSeq = Math.max(this.savedSeq, request.seq);
    this.target = { id: reply.id, version: reply.version };
    if (reply.conflictWith !== null) this.options.onConflict?.({ ...reply, conflictWith: reply.conflictWith });
    if (this.changeSeq > this.savedSeq) {
      if (this.saveAfterFlight || this.waiters.length > 0) this.start();
      else {
        // Changes made while this save was out count from when it was sent.
        this.firstChangeAt ??= this.clock.now();
        this.plan();
      }
    }
    this.emit();
  }

  private failed(request: SaveRequest<C>, error: unknown): void {
    if (this.inFlight !== request) return;
    this.inFlight = null;
    const kind = classifyFailure(error);
    this.failure = kind;
    if (kind === 'refused') {
      this.refusal = error instanceof Error ? error.message : String(error);
      // Changes already counted stay unsaved; the next change (or "Try again") builds a new request.
      this.emit();
      return;
    }
    this.failures++;
    this.parked = request;
    if (!this.stopped) this.setTimer(retryDelay(this.failures, this.timing), () => this.start());
    this.emit();
  }

  private setTimer(ms: number, run: () => void): void {
    this.clearTimer();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private computeState(): SaveState {
    const unsaved = this.isUnsaved();
    let phase: SavePhase = 'clean';
    if (this.refusal !== null) phase = 'refused';
    else if (this.inFlight) phase = 'saving';
    else if (this.parked) phase = 'retrying';
    else if (unsaved) phase = 'waiting';
    return {
      phase,
      target: { ...this.target },
      unsaved,
      failure: phase === 'retrying' || phase === 'refused' ? this.failure : null,
      message: this.refusal,
      exists: this.exists,
    };
  }

  private emit(): void {
    const next = this.computeState();
    const prev = this.snapshot;
    const same =
      prev.phase === next.phase &&
      prev.unsaved === next.unsaved &&
      prev.failure === next.failure &&
      prev.message === next.message &&
      prev.exists === next.exists &&
      prev.target.id === next.target.id &&
      prev.target.version === next.target.version;
    if (!same) {
      this.snapshot = next;
      for (const listener of this.listeners) listener();
    }
    if (!next.unsaved) this.settle(true);
    else if (next.phase === 'retrying' || next.phase === 'refused') this.settle(false);
  }

  private settle(saved: boolean): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve(saved);
  }
}
