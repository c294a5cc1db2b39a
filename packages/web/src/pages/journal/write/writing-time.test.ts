import { describe, expect, it } from 'vitest';
import { minutesLeft, WritingClock } from './writing-time';

describe('WritingClock', () => {
  it('counts seconds while visible and typing, not before the first key', () => {
    const clock = new WritingClock(10);
    clock.tick(0, true);
    clock.tick(1000, true);
    expect(clock.seconds()).toBe(10);
    clock.typed(1000);
    clock.tick(2000, true);
    clock.tick(3000, true);
    expect(clock.seconds()).toBe(12);
  });

  it('stops counting while hidden, after a long pause, and across a sleeping phone', () => {
    const clock = new WritingClock(0, 60_000);
    clock.typed(0);
    clock.tick(0, true);
    clock.tick(1000, false);
    expect(clock.seconds()).toBe(0);
    clock.tick(2000, true);
    expect(clock.seconds()).toBe(1);
    clock.tick(62_000, true); // a minute asleep counts at most two seconds, and the pause is over anyway
    expect(clock.seconds()).toBe(1);
    clock.typed(62_000);
    clock.tick(63_000, true);
    expect(clock.seconds()).toBe(2);
  });
});

describe('minutesLeft', () => {
  it('rounds up and reaches zero', () => {
    expect(minutesLeft(0, 5, 0)).toBe(5);
    expect(minutesLeft(0, 5, 1)).toBe(5);
    expect(minutesLeft(0, 5, 60_001)).toBe(4);
    expect(minutesLeft(0, 5, 299_999)).toBe(1);
    expect(minutesLeft(0, 5, 300_000)).toBe(0);
  });
});
