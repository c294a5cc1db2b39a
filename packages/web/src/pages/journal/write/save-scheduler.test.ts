import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/errors';
import {
  classifyFailure,
  nextSaveDelay,
  retryDelay,
  SaveController,
  type Built,
  type SaveReply,
  type SaveRequest,
} from './save-scheduler';

interface Pending {
  request: SaveRequest<string>;
  resolve: (reply: SaveReply) => void;
  reject: (error: unknown) => void;
}

/** A controller whose saves wait until the test answers them. */
function harness(options: { version?: number; build?: () => Built<string> } = {}) {
  let text = '';
  const sent: Pending[] = [];
  const conflicts: SaveReply[] = [];
  const controller = new SaveController<string>({
    target: { id: 'entry-1', version: options.version ?? 0 },
    build: options.build ?? (() => ({ content: text })),
    send: (request) =>
      new Promise<SaveReply>((resolve, reject) => {
        sent.push({ request, resolve, reject });
      }),
    onConflict: (reply) => conflicts.push(reply),
  });
  const type = (next: string) => {
    text = next;
    controller.change();
  };
  /** Answers the latest request as the server would: version + 1. */
  const answer = async (reply?: Partial<SaveReply>) => {
    const last = sent.at(-1)!;
    last.resolve({
      id: last.request.target.id,
      version: last.request.target.version + 1,
      conflictWith: null,
      ...reply,
    });
    await vi.advanceTimersByTimeAsync(0);
  };
  const fail = async (error: unknown = new ApiError(0, 'network', 'We could not reach Undercurrent.')) => {
    sent.at(-1)!.reject(error);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { controller, sent, conflicts, type, answer, fail, state: () => controller.getState() };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('timing', () => {
  it('saves 1.5 s after the last change, but no later than 5 s after the first', () => {
    expect(nextSaveDelay(1000, 1000, 1000)).toBe(1500);
    expect(nextSaveDelay(4000, 0, 4000)).toBe(1000);
    expect(nextSaveDelay(6000, 0, 6000)).toBe(0);
  });

  it('backs off 1 s, 2 s, 4 s … and never waits more than 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelay(n))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('retries network and server trouble but not a refusal', () => {
    expect(classifyFailure(new ApiError(0, 'network', 'x'))).toBe('network');
    expect(classifyFailure(new TypeError('Failed to fetch'))).toBe('network');
    expect(classifyFailure(new ApiError(503, 'internal', 'x'))).toBe('server');
    expect(classifyFailure(new ApiError(429, 'rate_limited', 'x'))).toBe('server');
    expect(classifyFailure(new ApiError(400, 'too_long', 'x'))).toBe('refused');
    expect(classifyFailure(new ApiError(401, 'session_expired', 'x'))).toBe('refused');
  });
});

describe('SaveController', () => {
  it('does not save an entry nobody has touched', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.sent).toHaveLength(0);
    expect(h.state()).toMatchObject({ phase: 'clean', unsaved: false, exists: false });
  });

  it('waits for a pause in typing, then saves once with version 0', async () => {
    const h = harness();
    h.type('a');
    await vi.advanceTimersByTimeAsync(1000);
    h.type('ab');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toHaveLength(0);
    expect(h.state().phase).toBe('waiting');
    await vi.advanceTimersByTimeAsync(500);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.request).toMatchObject({ target: { id: 'entry-1', version: 0 }, content: 'ab' });
    expect(h.state().phase).toBe('saving');
    await h.answer();
    expect(h.state()).toMatchObject({ phase: 'clean', unsaved: false, exists: true, target: { version: 1 } });
  });

  it('saves at least every 5 s while typing goes on', async () => {
    const h = harness();
    for (let t = 0; t < 5600; t += 700) {
      h.type(`x${t}`);
      await vi.advanceTimersByTimeAsync(700);
    }
    expect(h.sent).toHaveLength(1);
  });

  it('keeps one save in flight and sends what was typed meanwhile with the new version', async () => {
    const h = harness({ version: 3 });
    h.type('one');
    h.controller.flush();
    expect(h.sent).toHaveLength(1);
    h.type('one two');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toHaveLength(1);
    await h.answer();
    expect(h.state().phase).toBe('waiting');
    await vi.advanceTimersByTimeAsync(500);
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1]!.request).toMatchObject({ target: { version: 4 }, content: 'one two' });
  });

  it('leaving a field while a save is out saves again as soon as it returns', async () => {
    const h = harness();
    h.type('one');
    h.controller.flush();
    h.type('one two');
    h.controller.flush();
    await h.answer();
    expect(h.sent).toHaveLength(2);
  });

  it('retries the very same request with backoff while offline, and at once when back online', async () => {
    const h = harness({ version: 2 });
    h.type('first');
    h.controller.flush();
    await h.fail();
    expect(h.state()).toMatchObject({ phase: 'retrying', failure: 'network', unsaved: true });
    h.type('first and more'); // the person keeps writing
    await vi.advanceTimersByTimeAsync(999);
    expect(h.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1]!.request).toBe(h.sent[0]!.request);
    await h.fail();
    await vi.advanceTimersByTimeAsync(1999);
    expect(h.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sent).toHaveLength(3);
    await h.fail();
    h.controller.retryNow(); // the 'online' event
    expect(h.sent).toHaveLength(4);
    expect(h.sent[3]!.request.content).toBe('first');
    await h.answer();
    // Then the newer words, on top of the version the retry produced.
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toHaveLength(5);
    expect(h.sent[4]!.request).toMatchObject({ target: { version: 3 }, content: 'first and more' });
    await h.answer();
    expect(h.state()).toMatchObject({ phase: 'clean', unsaved: false, failure: null });
  });

  it('caps the backoff at 30 s', async () => {
    const h = harness();
    h.type('x');
    h.controller.flush();
    for (let i = 0; i < 8; i++) {
      await h.fail();
      await vi.advanceTimersByTimeAsync(30_000);
    }
    expect(h.sent).toHaveLength(9);
  });

  it('stops on a refusal, shows its message, and tries again after the next change', async () => {
    const h = harness();
    h.type('x');
    h.controller.flush();
    await h.fail(new ApiError(400, 'too_long', 'This entry is too long.'));
    expect(h.state()).toMatchObject({ phase: 'refused', failure: 'refused', message: 'This entry is too long.' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.sent).toHaveLength(1);
    h.type('y');
    expect(h.state().phase).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1500);
    expect(h.sent).toHaveLength(2);
  });

  it('does not send content the editor says cannot go', async () => {
    let tooLong = true;
    const h = harness({ build: () => (tooLong ? { problem: 'Too long.' } : { content: 'ok' }) });
    h.type('long');
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.sent).toHaveLength(0);
    expect(h.state()).toMatchObject({ phase: 'refused', message: 'Too long.', unsaved: true });
    tooLong = false;
    h.type('short');
    await vi.advanceTimersByTimeAsync(1500);
    expect(h.sent).toHaveLength(1);
  });

  it('moves to the conflict copy and goes on saving there', async () => {
    const h = harness({ version: 5 });
    h.type('mine');
    h.controller.flush();
    await h.answer({ id: 'copy-1', version: 1, conflictWith: 'entry-1' });
    expect(h.conflicts).toEqual([{ id: 'copy-1', version: 1, conflictWith: 'entry-1' }]);
    expect(h.state().target).toEqual({ id: 'copy-1', version: 1 });
    h.type('mine, more');
    await vi.advanceTimersByTimeAsync(1500);
    expect(h.sent[1]!.request.target).toEqual({ id: 'copy-1', version: 1 });
  });

  it('finish() resolves true once everything is saved, false when offline', async () => {
    const h = harness();
    h.type('x');
    const finished = h.controller.finish();
    expect(h.sent).toHaveLength(1);
    await h.answer();
    await expect(finished).resolves.toBe(true);

    h.type('y');
    const offline = h.controller.finish();
    await h.fail();
    await expect(offline).resolves.toBe(false);
    expect(h.state().unsaved).toBe(true);
  });

  it('after stop() ignores nothing it needs: a late answer still records the version', async () => {
    const h = harness();
    h.type('x');
    h.controller.flush();
    h.controller.stop();
    await h.answer();
    expect(h.state().target.version).toBe(1);
    h.controller.resume();
    h.type('y');
    await vi.advanceTimersByTimeAsync(1500);
    expect(h.sent.at(-1)!.request.target.version).toBe(1);
  });
});
