import { describe, expect, it } from 'vitest';
import { addMonths, dueOccurrences, occurrencesOf, type NumberedSession } from './schedule-occurrences.js';

/** The timing rules of questionnaire schedules, with an explicit clock. */
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const weekly = (count: number, reviewEvery: number[] = []): NumberedSession[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `s${i + 1}`,
    startsAt: new Date(Date.UTC(2027, 0, 4 + 7 * i, 10)),
    kind: reviewEvery.includes(i + 1) ? 'review' : 'session',
    number: i + 1,
  }));
const noEnding = { reviewEvery: null, endingDate: null, timeZone: 'UTC' };

describe('occurrences of a schedule', () => {
  it('before every session: opens 48 hours before and expires at the start', () => {
    const found = occurrencesOf({ timing: 'every_session', everyN: null, monthsAfter: null }, noEnding, weekly(3));
    expect(found.map((o) => o.key)).toEqual(['session:s1', 'session:s2', 'session:s3']);
    expect(found[0]?.opensAt).toEqual(at('2027-01-02T10:00:00Z'));
    expect(found[0]?.expiresAt).toEqual(at('2027-01-04T10:00:00Z'));
    expect(found[0]?.appointmentId).toBe('s1');
  });

  it('every N sessions: the first, then every Nth after it', () => {
    const found = occurrencesOf({ timing: 'every_n_sessions', everyN: 4, monthsAfter: null }, noEnding, weekly(12));
    expect(found.map((o) => o.appointmentId)).toEqual(['s1', 's5', 's9']);
  });

  it('at reviews: review sessions and every review_every-th session of the agreement', () => {
    const rule = { timing: 'reviews', everyN: null, monthsAfter: null } as const;
    expect(
      occurrencesOf(rule, { reviewEvery: 6, endingDate: null, timeZone: 'UTC' }, weekly(13)).map(
        (o) => o.appointmentId,
      ),
    ).toEqual(['s6', 's12']);
    expect(occurrencesOf(rule, noEnding, weekly(5, [3])).map((o) => o.appointmentId)).toEqual(['s3']);
  });

  it('at ending: opens 7 days before the ending date, expires at its end; none without an ending date', () => {
    const rule = { timing: 'ending', everyN: null, monthsAfter: null } as const;
    expect(occurrencesOf(rule, noEnding, weekly(3))).toEqual([]);
    const [ending] = occurrencesOf(rule, { reviewEvery: null, endingDate: '2027-03-10', timeZone: 'UTC' }, weekly(3));
    expect(ending).toEqual({
      key: 'ending:2027-03-10',
      appointmentId: null,
      opensAt: at('2027-03-03T00:00:00Z'),
      expiresAt: at('2027-03-11T00:00:00Z'),
    });
  });

  it('follow-up: N calendar months after the ending date, open 14 days', () => {
    const rule = { timing: 'follow_up', everyN: null, monthsAfter: 3 } as const;
    const [follow] = occurrencesOf(rule, { reviewEvery: null, endingDate: '2027-11-30', timeZone: 'UTC' }, []);
    expect(follow?.key).toBe('follow-up:2028-02-29');
    expect(follow?.opensAt).toEqual(at('2028-02-29T00:00:00Z'));
    expect(follow?.expiresAt).toEqual(at('2028-03-14T00:00:00Z'));
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-10-15', 6)).toBe('2028-04-15');
  });

  it('is due only between opening and expiry', () => {
    const rule = { timing: 'every_session', everyN: null, monthsAfter: null } as const;
    const sessions = weekly(2);
    const due = (iso: string) => dueOccurrences(rule, noEnding, sessions, at(iso)).map((o) => o.key);
    expect(due('2027-01-02T09:59:59Z')).toEqual([]);
    expect(due('2027-01-02T10:00:00Z')).toEqual(['session:s1']);
    expect(due('2027-01-04T09:59:00Z')).toEqual(['session:s1']);
    expect(due('2027-01-04T10:00:00Z')).toEqual([]);
    expect(dueOccurrences(rule, noEnding, sessions, new Date(Date.UTC(2027, 0, 9, 10) + HOUR))).toHaveLength(1);
  });
  it('counts ending days in the episode’s time zone: late evening in London (summer time) is already the next day', () => {
    const rule = { timing: 'ending', everyN: null, monthsAfter: null } as const;
    const london = { reviewEvery: null, endingDate: '2027-07-10', timeZone: 'Europe/London' };
    const [ending] = occurrencesOf(rule, london, []);
    // 00:00 BST on 3 July and on 11 July.
    expect(ending?.opensAt).toEqual(at('2027-07-02T23:00:00Z'));
    expect(ending?.expiresAt).toEqual(at('2027-07-10T23:00:00Z'));
    const due = (iso: string) => dueOccurrences(rule, london, [], at(iso)).length;
    expect(due('2027-07-02T22:59:59Z')).toBe(0); // 23:59 on 2 July in London: not yet
    expect(due('2027-07-02T23:30:00Z')).toBe(1); // 00:30 on 3 July in London (still 2 July in UTC)
    expect(due('2027-07-10T22:30:00Z')).toBe(1); // 23:30 on the ending day in London
    expect(due('2027-07-10T23:30:00Z')).toBe(0); // 00:30 on 11 July in London: over
  });

  it('counts follow-up days in the episode’s time zone across the date line (Pacific/Auckland)', () => {
    const rule = { timing: 'follow_up', everyN: null, monthsAfter: 3 } as const;
    const auckland = { reviewEvery: null, endingDate: '2027-03-31', timeZone: 'Pacific/Auckland' };
    const [follow] = occurrencesOf(rule, auckland, []);
    expect(follow?.key).toBe('follow-up:2027-06-30');
    // 00:00 NZST (UTC+12) on 30 June, and 14 days later.
    expect(follow?.opensAt).toEqual(at('2027-06-29T12:00:00Z'));
    expect(follow?.expiresAt).toEqual(at('2027-07-13T12:00:00Z'));
    const due = (iso: string) => dueOccurrences(rule, auckland, [], at(iso)).length;
    expect(due('2027-06-29T11:59:00Z')).toBe(0); // 23:59 on 29 June in Auckland
    expect(due('2027-06-29T13:00:00Z')).toBe(1); // 01:00 on 30 June in Auckland, 29 June in UTC
    expect(due('2027-07-13T12:00:00Z')).toBe(0);
    // An ending whose week starts as New Zealand's summer time ends (first Sunday of April, 2027-04-04).
    const [ending] = occurrencesOf(
      { timing: 'ending', everyN: null, monthsAfter: null },
      { reviewEvery: null, endingDate: '2027-04-08', timeZone: 'Pacific/Auckland' },
      [],
    );
    expect(ending?.opensAt).toEqual(at('2027-03-31T11:00:00Z')); // 00:00 NZDT (UTC+13) on 1 April
    expect(ending?.expiresAt).toEqual(at('2027-04-08T12:00:00Z')); // 00:00 NZST (UTC+12) on 9 April
  });
});
