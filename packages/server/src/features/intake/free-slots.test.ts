import { describe, expect, it } from 'vitest';
import { freeSlots } from './free-slots.js';

/** Free first-consultation times: working hours in the therapist's zone, minus busy time and its gap. */
const base = {
  zone: 'Europe/London',
  workingHours: [{ weekday: 2, start: '09:00', end: '11:00' }],
  sessionMinutes: 50,
  minGapMinutes: 10,
  busy: [],
  // Monday 6 July 2026, 10:00 in London (BST).
  now: new Date('2026-07-06T09:00:00Z'),
  days: 7,
};

describe('free slots', () => {
  it('offers each session start in the working hours, from tomorrow, in the therapist’s zone', () => {
    expect(freeSlots(base).map((d) => d.toISOString())).toEqual([
      '2026-07-07T08:00:00.000Z',
      '2026-07-07T09:00:00.000Z',
    ]);
  });

  it('leaves out a start that overlaps or crowds something already holding the time', () => {
    const busy = [{ startsAt: new Date('2026-07-07T08:55:00Z'), endsAt: new Date('2026-07-07T09:45:00Z') }];
    expect(freeSlots({ ...base, busy })).toEqual([]);
    const later = [{ startsAt: new Date('2026-07-07T09:00:00Z'), endsAt: new Date('2026-07-07T09:50:00Z') }];
    expect(freeSlots({ ...base, busy: later }).map((d) => d.toISOString())).toEqual(['2026-07-07T08:00:00.000Z']);
  });

  it('offers nothing without working hours, and nothing today', () => {
    expect(freeSlots({ ...base, workingHours: [] })).toEqual([]);
    expect(freeSlots({ ...base, workingHours: [{ weekday: 1, start: '12:00', end: '17:00' }], days: 6 })).toEqual([]);
  });

  it('offers nothing on a day of a break, a closure or a bank holiday, and the days around it as usual', () => {
    const weekly = { ...base, days: 14 };
    const all = freeSlots(weekly).map((d) => d.toISOString().slice(0, 10));
    expect(all).toEqual(['2026-07-07', '2026-07-07', '2026-07-14', '2026-07-14']);
    const breaks = [{ startsOn: '2026-07-13', endsOn: '2026-07-14' }];
    expect(freeSlots({ ...weekly, breaks }).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2026-07-07',
      '2026-07-07',
    ]);
    const oneDay = [{ startsOn: '2026-07-07', endsOn: '2026-07-07' }];
    expect(freeSlots({ ...weekly, breaks: oneDay }).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2026-07-14',
      '2026-07-14',
    ]);
  });
});
