import { describe, expect, it } from 'vitest';
import { PerAddressLimit } from './per-address-limit.js';

describe('per-address limit', () => {
  it('lets max calls through in a window, then says how long to wait, then resets', () => {
    const limit = new PerAddressLimit(3, 60_000);
    expect([limit.take('a', 0), limit.take('a', 1), limit.take('a', 2)]).toEqual([0, 0, 0]);
    expect(limit.take('a', 30_000)).toBe(30);
    expect(limit.take('b', 30_000)).toBe(0);
    expect(limit.take('a', 60_000)).toBe(0);
  });
});
