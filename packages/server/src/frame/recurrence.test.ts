import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Occurrence, Weekday, WeeklySlot } from './frame-types.js';
import { expandSlots, slotRrule, validateSlots } from './recurrence.js';
import { addDays, dateOfDayNumber, dayNumber, utcToLocal, weekdayOf } from './zoned-time.js';

const London = 'Europe/London';
const starts = (occurrences: Occurrence[]) => occurrences.map((o) => o.startsAt.toISOString());

describe('slotRrule', () => {
  it('writes the RFC 5545 rule of a weekly slot', () => {
    expect(slotRrule({ weekday: 2, time: '08:10' })).toBe('FREQ=WEEKLY;BYDAY=TU;BYHOUR=8;BYMINUTE=10');
    expect(slotRrule({ weekday: 7, time: '00:00' }, { count: 12 })).toBe(
      'FREQ=WEEKLY;BYDAY=SU;BYHOUR=0;BYMINUTE=0;COUNT=12',
    );
    expect(slotRrule({ weekday: 4, time: '19:45' }, { until: '2027-07-31' })).toBe(
      'FREQ=WEEKLY;BYDAY=TH;BYHOUR=19;BYMINUTE=45;UNTIL=20270731T235959Z',
    );
  });

  it('refuses what RFC 5545 or common sense forbids', () => {
    expect(() => slotRrule({ weekday: 1, time: '09:00' }, { count: 3, until: '2027-01-01' })).toThrow(RangeError);
    expect(() => slotRrule({ weekday: 1, time: '09:00' }, { count: 0 })).toThrow(RangeError);
    expect(() => slotRrule({ weekday: 1, time: '09:00' }, { until: '2027-02-30' })).toThrow(RangeError);
    expect(() => slotRrule({ weekday: 8 as Weekday, time: '09:00' })).toThrow(RangeError);
    expect(() => slotRrule({ weekday: 1, time: '9:00' })).toThrow(RangeError);
  });

  it('means the same dates to ical.js as expandSlots generates (UTC, so no VTIMEZONE is needed)', () => {
    const slot: WeeklySlot = { weekday: 2, time: '08:10' };
    const rule = ICAL.Recur.fromString(slotRrule(slot, { count: 10 }));
    const iterator = rule.iterator(ICAL.Time.fromDateTimeString('2027-01-05T08:10:00Z'));
    const fromIcal: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) fromIcal.push(next.toJSDate().toISOString());
    const ours = expandSlots({
      slots: [slot],
      timeZone: 'UTC',
      startsOn: '2027-01-01',
      untilOn: '2028-01-01',
      minutes: 50,
      limit: 10,
    });
    expect(fromIcal).toEqual(starts(ours));

    const until = ICAL.Recur.fromString(slotRrule(slot, { until: '2027-02-16' }));
    const iterator2 = until.iterator(ICAL.Time.fromDateTimeString('2027-01-05T08:10:00Z'));
    const fromIcal2: string[] = [];
    for (let next = iterator2.next(); next; next = iterator2.next()) fromIcal2.push(next.toJSDate().toISOString());
    expect(fromIcal2).toEqual(
      starts(
        expandSlots({ slots: [slot], timeZone: 'UTC', startsOn: '2027-01-05', untilOn: '2027-02-16', minutes: 50 }),
      ),
    );
  });
});

describe('expandSlots across the clock changes in London', () => {
  it('keeps a weekly 09:00 at 09:00 local: 09:00Z in winter, 08:00Z in summer', () => {
    const occurrences = expandSlots({
      slots: [{ weekday: 1, time: '09:00' }],
      timeZone: London,
      startsOn: '2027-03-15',
      untilOn: '2027-04-05',
      minutes: 50,
    });
    expect(starts(occurrences)).toEqual([
      '2027-03-15T09:00:00.000Z',
      '2027-03-22T09:00:00.000Z',
      '2027-03-29T08:00:00.000Z', // the day after the last Sunday of March: BST
      '2027-04-05T08:00:00.000Z',
    ]);
    expect(occurrences.map((o) => o.endsAt.getTime() - o.startsAt.getTime())).toEqual(Array(4).fill(50 * 60_000));
    expect(occurrences.map((o) => o.occurrenceKey)).toEqual([
      '2027-03-15T09:00',
      '2027-03-22T09:00',
      '2027-03-29T09:00',
      '2027-04-05T09:00',
    ]);
    expect(occurrences.every((o) => o.slotIndex === 0)).toBe(true);

    const autumn = expandSlots({
      slots: [{ weekday: 1, time: '09:00' }],
      timeZone: London,
      startsOn: '2027-10-18',
      untilOn: '2027-11-08',
      minutes: 50,
    });
    expect(starts(autumn)).toEqual([
      '2027-10-18T08:00:00.000Z',
      '2027-10-25T08:00:00.000Z',
      '2027-11-01T09:00:00.000Z', // the day after the last Sunday of October: GMT again
      '2027-11-08T09:00:00.000Z',
    ]);
  });

  it('merges a twice-weekly series in start order, with a Sunday slot on the change days themselves', () => {
    const occurrences = expandSlots({
      slots: [
        { weekday: 7, time: '10:00' },
        { weekday: 3, time: '18:30' },
      ],
      timeZone: London,
      startsOn: '2027-03-20',
      untilOn: '2027-04-04',
      minutes: 50,
    });
    expect(occurrences.map((o) => [o.slotIndex, o.occurrenceKey, o.startsAt.toISOString()])).toEqual([
      [0, '2027-03-21T10:00', '2027-03-21T10:00:00.000Z'],
      [1, '2027-03-24T18:30', '2027-03-24T18:30:00.000Z'],
      [0, '2027-03-28T10:00', '2027-03-28T09:00:00.000Z'], // the change day itself, after 01:00 GMT
      [1, '2027-03-31T18:30', '2027-03-31T17:30:00.000Z'],
      [0, '2027-04-04T10:00', '2027-04-04T09:00:00.000Z'],
    ]);

    const autumn = expandSlots({
      slots: [
        { weekday: 7, time: '10:00' },
        { weekday: 3, time: '18:30' },
      ],
      timeZone: London,
      startsOn: '2027-10-24',
      untilOn: '2027-11-03',
      minutes: 50,
    });
    expect(starts(autumn)).toEqual([
      '2027-10-24T09:00:00.000Z',
      '2027-10-27T17:30:00.000Z',
      '2027-10-31T10:00:00.000Z', // 10:00 GMT on the change day
      '2027-11-03T18:30:00.000Z',
    ]);
  });

  it('moves a session in the spring gap forward by the gap, and takes the first of the autumn 01:30s', () => {
    const occurrences = expandSlots({
      slots: [{ weekday: 7, time: '01:30' }],
      timeZone: London,
      startsOn: '2027-03-21',
      untilOn: '2027-04-04',
      minutes: 50,
    });
    expect(occurrences.map((o) => [o.occurrenceKey, o.startsAt.toISOString(), o.endsAt.toISOString()])).toEqual([
      ['2027-03-21T01:30', '2027-03-21T01:30:00.000Z', '2027-03-21T02:20:00.000Z'],
      // 01:30 does not exist on 28 March: the session is at 02:30 BST, still known by its key.
      ['2027-03-28T01:30', '2027-03-28T01:30:00.000Z', '2027-03-28T02:20:00.000Z'],
      ['2027-04-04T01:30', '2027-04-04T00:30:00.000Z', '2027-04-04T01:20:00.000Z'],
    ]);
    expect(utcToLocal(occurrences[1]!.startsAt, London).time).toBe('02:30');

    const autumn = expandSlots({
      slots: [{ weekday: 7, time: '01:30' }],
      timeZone: London,
      startsOn: '2027-10-24',
      untilOn: '2027-11-07',
      minutes: 50,
    });
    expect(starts(autumn)).toEqual([
      '2027-10-24T00:30:00.000Z',
      '2027-10-31T00:30:00.000Z', // the first 01:30 (BST) of the two
      '2027-11-07T01:30:00.000Z',
    ]);
  });

  it('shows a client in New York 04:00 or 05:00 depending on whose clocks have changed', () => {
    // The US changes on 14 March and 7 November 2027; the UK on 28 March and 31 October.
    const occurrences = expandSlots({
      slots: [{ weekday: 1, time: '09:00' }],
      timeZone: London,
      startsOn: '2027-03-01',
      untilOn: '2027-04-05',
      minutes: 50,
    });
    expect(occurrences.map((o) => utcToLocal(o.startsAt, 'America/New_York'))).toEqual([
      { date: '2027-03-01', time: '04:00', weekday: 1 },
      { date: '2027-03-08', time: '04:00', weekday: 1 },
      { date: '2027-03-15', time: '05:00', weekday: 1 },
      { date: '2027-03-22', time: '05:00', weekday: 1 },
      { date: '2027-03-29', time: '04:00', weekday: 1 },
      { date: '2027-04-05', time: '04:00', weekday: 1 },
    ]);
    const autumn = expandSlots({
      slots: [{ weekday: 1, time: '09:00' }],
      timeZone: London,
      startsOn: '2027-10-25',
      untilOn: '2027-11-15',
      minutes: 50,
    });
    expect(autumn.map((o) => utcToLocal(o.startsAt, 'America/New_York').time)).toEqual([
      '04:00',
      '05:00',
      '04:00',
      '04:00',
    ]);
  });

  it('follows the agreement zone when the therapist works from New York, seen from London', () => {
    const occurrences = expandSlots({
      slots: [{ weekday: 5, time: '14:00' }],
      timeZone: 'America/New_York',
      startsOn: '2027-03-05',
      untilOn: '2027-04-02',
      minutes: 50,
    });
    expect(occurrences.map((o) => utcToLocal(o.startsAt, London).time)).toEqual([
      '19:00', // 5 March: both on standard time (5 hours apart)
      '19:00', // 12 March: still both on standard time
      '18:00', // 19 March: New York on summer time, London not yet
      '18:00', // 26 March
      '19:00', // 2 April: both on summer time
    ]);
  });

  it('skips dates, honours the limit and the inclusive range', () => {
    const slots: WeeklySlot[] = [
      { weekday: 2, time: '08:10' },
      { weekday: 4, time: '08:10' },
    ];
    const all = expandSlots({ slots, timeZone: London, startsOn: '2027-01-05', untilOn: '2027-01-14', minutes: 50 });
    expect(all.map((o) => o.localDate)).toEqual(['2027-01-05', '2027-01-07', '2027-01-12', '2027-01-14']);
    const skipped = expandSlots({
      slots,
      timeZone: London,
      startsOn: '2027-01-05',
      untilOn: '2027-01-14',
      minutes: 50,
      skipDate: (date) => date === '2027-01-07',
    });
    expect(skipped.map((o) => o.localDate)).toEqual(['2027-01-05', '2027-01-12', '2027-01-14']);
    const limited = expandSlots({
      slots,
      timeZone: London,
      startsOn: '2027-01-05',
      untilOn: '2099-12-31',
      minutes: 50,
      skipDate: (date) => date === '2027-01-07',
      limit: 3,
    });
    expect(limited.map((o) => o.localDate)).toEqual(['2027-01-05', '2027-01-12', '2027-01-14']);
    expect(
      expandSlots({ slots, timeZone: London, startsOn: '2027-01-05', untilOn: '2027-01-04', minutes: 50 }),
    ).toEqual([]);
    expect(
      expandSlots({ slots, timeZone: London, startsOn: '2027-01-05', untilOn: '2027-02-04', minutes: 50, limit: 0 }),
    ).toEqual([]);
    expect(
      expandSlots({ slots: [], timeZone: London, startsOn: '2027-01-05', untilOn: '2027-02-04', minutes: 50 }),
    ).toEqual([]);
  });

  it('refuses malformed input', () => {
    const base = { slots: [{ weekday: 2, time: '08:10' }] as WeeklySlot[], timeZone: London, startsOn: '2027-01-05' };
    expect(() => expandSlots({ ...base, untilOn: '2027-13-01', minutes: 50 })).toThrow(RangeError);
    expect(() => expandSlots({ ...base, untilOn: '2027-02-01', minutes: 0 })).toThrow(RangeError);
    expect(() => expandSlots({ ...base, untilOn: '2027-02-01', minutes: 50, limit: -1 })).toThrow(RangeError);
    expect(() => expandSlots({ ...base, timeZone: 'Mars/Olympus', untilOn: '2027-02-01', minutes: 50 })).toThrow(
      RangeError,
    );
    expect(() =>
      expandSlots({
        ...base,
        slots: [
          { weekday: 2, time: '08:10' },
          { weekday: 2, time: '08:10' },
        ],
        untilOn: '2027-02-01',
        minutes: 50,
      }),
    ).toThrow(/repeats/);
    expect(() =>
      expandSlots({ ...base, slots: [{ weekday: 2, time: '25:00' }], untilOn: '2027-02-01', minutes: 50 }),
    ).toThrow(RangeError);
  });

  it('generates a year for 750 clients quickly', () => {
    const began = performance.now();
    let total = 0;
    for (let client = 0; client < 750; client++) {
      const slots: WeeklySlot[] =
        client % 3 === 0
          ? [
              { weekday: (1 + (client % 5)) as Weekday, time: '08:10' },
              { weekday: (1 + ((client + 2) % 5)) as Weekday, time: '17:00' },
            ]
          : [{ weekday: (1 + (client % 5)) as Weekday, time: `${String(8 + (client % 10)).padStart(2, '0')}:00` }];
      total += expandSlots({
        slots,
        timeZone: London,
        startsOn: '2027-01-01',
        untilOn: '2027-12-31',
        minutes: 50,
      }).length;
    }
    expect(total).toBeGreaterThan(45_000);
    // Typically 50–100 ms, about 300 ms on a busy two-core machine. The bound is generous so a
    // loaded machine does not fail it, yet a formatter made per call (seconds) would.
    expect(performance.now() - began).toBeLessThan(2500);
  });
});

describe('expandSlots properties', () => {
  const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
  // Working-hours times: no zone in the list changes its clocks between 06:00 and 22:00.
  const workingSlot = fc.record({
    weekday: fc.integer({ min: 1, max: 7 }).map((d) => d as Weekday),
    time: fc
      .integer({ min: 6 * 60, max: 21 * 60 + 59 })
      .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`),
  });
  const anySlot = fc.record({
    weekday: fc.integer({ min: 1, max: 7 }).map((d) => d as Weekday),
    time: fc
      .integer({ min: 0, max: 1439 })
      .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`),
  });
  const distinct = (slot: fc.Arbitrary<WeeklySlot>) =>
    fc.uniqueArray(slot, { minLength: 1, maxLength: 5, selector: (s) => `${s.weekday} ${s.time}` });
  const day = fc.integer({ min: dayNumber('2025-01-01'), max: dayNumber('2029-12-31') });

  it('never puts an occurrence on a skipped date, and finds every other one', () => {
    fc.assert(
      fc.property(
        distinct(anySlot),
        fc.constantFrom(...zones),
        day,
        fc.integer({ min: 0, max: 400 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 60 }),
        (slots, timeZone, first, length, offsets) => {
          const startsOn = dateOfDayNumber(first);
          const untilOn = dateOfDayNumber(first + length);
          const skip = new Set(offsets.map((o) => dateOfDayNumber(first + o)));
          const occurrences = expandSlots({
            slots,
            timeZone,
            startsOn,
            untilOn,
            minutes: 50,
            skipDate: (date) => skip.has(date),
          });
          for (const o of occurrences) {
            expect(skip.has(o.localDate)).toBe(false);
            expect(o.localDate >= startsOn && o.localDate <= untilOn).toBe(true);
            expect(weekdayOf(o.localDate)).toBe(slots[o.slotIndex]!.weekday);
          }
          // Count every (date, slot) pair in the range that is not skipped.
          let expected = 0;
          for (let d = first; d <= first + length; d++) {
            const date = dateOfDayNumber(d);
            if (!skip.has(date)) expected += slots.filter((s) => s.weekday === weekdayOf(date)).length;
          }
          expect(occurrences.length).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('yields exactly `limit` occurrences when the range is long enough (a brief episode)', () => {
    fc.assert(
      fc.property(
        distinct(anySlot),
        fc.constantFrom(...zones),
        day,
        fc.integer({ min: 1, max: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 30 }),
        (slots, timeZone, first, limit, offsets) => {
          const startsOn = dateOfDayNumber(first);
          const skip = new Set(offsets.map((o) => dateOfDayNumber(first + o)));
          // Each slot needs at most `limit` weeks plus one week for every skipped date.
          const untilOn = addDays(startsOn, 7 * (limit + skip.size + 1));
          const occurrences = expandSlots({
            slots,
            timeZone,
            startsOn,
            untilOn,
            minutes: 50,
            limit,
            skipDate: (date) => skip.has(date),
          });
          expect(occurrences.length).toBe(limit);
          // And they are the first `limit` of the unlimited expansion.
          const unlimited = expandSlots({
            slots,
            timeZone,
            startsOn,
            untilOn,
            minutes: 50,
            skipDate: (d) => skip.has(d),
          });
          expect(occurrences).toEqual(unlimited.slice(0, limit));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('produces strictly increasing starts with unique keys', () => {
    fc.assert(
      fc.property(distinct(workingSlot), fc.constantFrom(...zones), day, (slots, timeZone, first) => {
        const occurrences = expandSlots({
          slots,
          timeZone,
          startsOn: dateOfDayNumber(first),
          untilOn: dateOfDayNumber(first + 370),
          minutes: 50,
        });
        for (let i = 1; i < occurrences.length; i++) {
          expect(occurrences[i]!.startsAt.getTime()).toBeGreaterThan(occurrences[i - 1]!.startsAt.getTime());
        }
        const keys = occurrences.map((o) => `${o.slotIndex} ${o.occurrenceKey}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every occurrence at its slot wall time, except in a spring-forward gap', () => {
    fc.assert(
      fc.property(distinct(anySlot), fc.constantFrom(...zones), day, (slots, timeZone, first) => {
        const occurrences = expandSlots({
          slots,
          timeZone,
          startsOn: dateOfDayNumber(first),
          untilOn: dateOfDayNumber(first + 370),
          minutes: 45,
        });
        for (const o of occurrences) {
          const slot = slots[o.slotIndex]!;
          const local = utcToLocal(o.startsAt, timeZone);
          expect(o.occurrenceKey).toBe(`${o.localDate}T${slot.time}`);
          expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(45 * 60_000);
          if (local.date !== o.localDate || local.time !== slot.time) {
            // Only in a gap (an hour long in these zones): the session is an hour after its
            // slot time, and an hour earlier by the clock on the wall read two hours earlier, so
            // the slot time itself never happened that day.
            const hourBefore = utcToLocal(new Date(o.startsAt.getTime() - 3_600_000), timeZone);
            const [h, m] = slot.time.split(':').map(Number) as [number, number];
            const [lh, lm] = local.time.split(':').map(Number) as [number, number];
            const [bh, bm] = hourBefore.time.split(':').map(Number) as [number, number];
            expect((h * 60 + m - (bh * 60 + bm) + 1440) % 1440).toBe(60);
            expect((lh * 60 + lm - (h * 60 + m) + 1440) % 1440).toBe(60);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateSlots', () => {
  it('accepts a sensible frame', () => {
    expect(
      validateSlots(
        [
          { weekday: 2, time: '08:10' },
          { weekday: 4, time: '08:10' },
        ],
        50,
        10,
      ),
    ).toEqual([]);
  });

  it('names the problems', () => {
    expect(validateSlots([], 50)).toEqual([
      { field: 'slots', message: 'Choose between one and five sessions a week.' },
    ]);
    expect(
      validateSlots(
        Array.from({ length: 6 }, (_, i) => ({ weekday: (i + 1) as Weekday, time: '09:00' })),
        50,
      ).map((p) => p.field),
    ).toEqual(['slots']);
    expect(
      validateSlots(
        [
          { weekday: 2, time: '08:10' },
          { weekday: 2, time: '08:10' },
        ],
        50,
      ),
    ).toEqual([{ field: 'slots.1', message: 'Tuesday at 08:10 is already one of the sessions.' }]);
    expect(
      validateSlots(
        [
          { weekday: 2, time: '08:10' },
          { weekday: 2, time: '09:00' },
        ],
        50,
        10,
      ),
    ).toEqual([
      {
        field: 'slots.1',
        message: 'Tuesday at 09:00 starts before the Tuesday 08:10 session has ended and the 10-minute gap has passed.',
      },
    ]);
    expect(
      validateSlots(
        [
          { weekday: 1, time: '00:10' },
          { weekday: 7, time: '23:50' },
        ],
        50,
      ),
    ).toEqual([{ field: 'slots.0', message: 'Monday at 00:10 starts before the Sunday 23:50 session has ended.' }]);
    expect(validateSlots([{ weekday: 0 as Weekday, time: '09:00' }], 50)).toEqual([
      { field: 'slots.0.weekday', message: 'Choose a day of the week.' },
    ]);
    expect(validateSlots([{ weekday: 1, time: '9am' }], 50)).toEqual([
      { field: 'slots.0.time', message: 'Give the time as HH:MM, for example 08:10.' },
    ]);
  });
});

describe('slotRrule UNTIL in a zone', () => {
  it('ends at the close of the last local day, so an evening session west of UTC stays inside the rule', () => {
    const rule = slotRrule({ weekday: 4, time: '19:00' }, { until: '2027-01-14', timeZone: 'America/New_York' });
    // 23:59:59 on 14 January in New York (UTC−5) is 04:59:59 UTC on the 15th.
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=TH;BYHOUR=19;BYMINUTE=0;UNTIL=20270115T045959Z');
    const london = slotRrule({ weekday: 4, time: '09:00' }, { until: '2027-07-15', timeZone: 'Europe/London' });
    expect(london.endsWith(';UNTIL=20270715T225959Z')).toBe(true);
  });
});
