import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../api/frame-types';
import {
  appointmentStatusLabel,
  canMark,
  dateInWords,
  describeFrame,
  describePolicy,
  frequencyInWords,
  instantToWallTime,
  moneyInWords,
  parsePounds,
  parseWhole,
  penceToPounds,
  slotsInWords,
  wallTimeToInstant,
} from './frame-words';

describe('the frame in words', () => {
  it('says a twice-weekly open-ended frame as a therapist would', () => {
    expect(
      describeFrame(
        {
          kind: 'open',
          sessionCount: null,
          // Given out of order: the sentence follows the week.
          slots: [
            { weekday: 4, time: '08:10' },
            { weekday: 1, time: '08:10' },
          ],
          locationName: 'Room 2',
          feePence: 7000,
          startDate: '2027-01-04',
        },
        'GBP',
      ),
    ).toBe('Twice weekly, Mondays 08:10 and Thursdays 08:10, Room 2, £70 a session, open-ended, from 4 January 2027');
  });

  it('says a brief frame with its number of sessions, pence and a planned end', () => {
    expect(
      describeFrame(
        {
          kind: 'brief',
          sessionCount: 12,
          slots: [{ weekday: 2, time: '17:30' }],
          locationName: 'Video',
          feePence: 6550,
          startDate: '2027-03-02',
          plannedEndDate: '2027-05-25',
        },
        'GBP',
      ),
    ).toBe(
      'Weekly, Tuesdays 17:30, Video, £65.50 a session, 12 sessions, from 2 March 2027, planned to end by 25 May 2027',
    );
  });

  it('leaves out what is not decided yet', () => {
    expect(
      describeFrame(
        { kind: null, sessionCount: null, slots: [], locationName: null, feePence: null, startDate: null },
        'GBP',
      ),
    ).toBe('');
    expect(
      describeFrame(
        { kind: 'brief', sessionCount: 1, slots: [], locationName: null, feePence: 0, startDate: null },
        'GBP',
      ),
    ).toBe('£0 a session, 1 session');
  });

  it('names each frequency from once to five times a week', () => {
    expect([1, 2, 3, 4, 5].map(frequencyInWords)).toEqual([
      'Weekly',
      'Twice weekly',
      'Three times weekly',
      'Four times weekly',
      'Five times weekly',
    ]);
  });

  it('lists three or more slots with commas and a final “and”', () => {
    expect(
      slotsInWords([
        { weekday: 3, time: '09:00' },
        { weekday: 1, time: '18:00' },
        { weekday: 1, time: '08:00' },
      ]),
    ).toBe('Mondays 08:00, Mondays 18:00 and Wednesdays 09:00');
  });

  it('writes dates and money the British way', () => {
    expect(dateInWords('2027-10-31')).toBe('31 October 2027');
    expect(moneyInWords(7000, 'GBP')).toBe('£70');
    expect(moneyInWords(120050, 'GBP')).toBe('£1,200.50');
  });
});

describe('a cancellation policy in words', () => {
  it('explains a notice policy with a share of the fee and a free allowance', () => {
    expect(
      describePolicy({
        mode: 'notice',
        noticeHours: 48,
        chargeLateCancellation: true,
        chargeDidNotAttend: true,
        lateFeePercent: 50,
        freeMissedPerYear: 2,
      }),
    ).toBe(
      'A cancellation with less than 48 hours’ notice is late, and 50% of the fee is charged. ' +
        'A session the client does not come to is charged at 50% of the fee. ' +
        'The first 2 missed sessions in a calendar year are not charged.',
    );
  });

  it('says when late cancellations and missed sessions are not charged', () => {
    expect(
      describePolicy({
        mode: 'notice',
        noticeHours: 1,
        chargeLateCancellation: false,
        chargeDidNotAttend: false,
        lateFeePercent: 100,
        freeMissedPerYear: 0,
      }),
    ).toBe(
      'A cancellation with less than 1 hour’s notice counts as late, but is not charged. ' +
        'A session the client does not come to is not charged.',
    );
  });

  it('explains “the hour is yours”', () => {
    expect(
      describePolicy({
        mode: 'hour_is_yours',
        noticeHours: 48,
        chargeLateCancellation: true,
        chargeDidNotAttend: true,
        lateFeePercent: 100,
        freeMissedPerYear: 1,
      }),
    ).toMatch(
      /^The hour is yours: every booked session is charged.*The first missed session in a calendar year is not charged\.$/,
    );
  });
});

describe('pounds typed by a person', () => {
  it.each([
    ['70', 7000],
    ['70.5', 7050],
    ['72.50', 7250],
    ['£72.50', 7250],
    [' £ 1,200 ', 120000],
    ['1,200.05', 120005],
    ['.5', 50],
    ['0', 0],
    ['100000', 10_000_000],
  ])('reads %j as %i pence', (input, pence) => {
    expect(parsePounds(input)).toEqual({ ok: true, pence });
  });

  it.each([
    ['', 'Enter an amount in pounds, for example 70 or 72.50.'],
    ['   ', 'Enter an amount in pounds, for example 70 or 72.50.'],
    ['seventy', 'Enter the amount in pounds and pence, for example 72.50.'],
    ['70,5', 'Enter the amount in pounds and pence, for example 72.50.'],
    ['7.0.0', 'Enter the amount in pounds and pence, for example 72.50.'],
    ['£', 'Enter the amount in pounds and pence, for example 72.50.'],
    ['72.505', 'Use at most two figures for the pence, for example 72.50.'],
    ['-5', 'Enter an amount of zero or more.'],
    ['100000.01', 'Enter an amount up to £100,000.'],
  ])('refuses %j, saying what to change', (input, message) => {
    expect(parsePounds(input)).toEqual({ ok: false, message });
  });

  it('accepts signed amounts for adjustments, but never zero', () => {
    expect(parsePounds('-15', { signed: true })).toEqual({ ok: true, pence: -1500 });
    expect(parsePounds('−£15.25', { signed: true })).toEqual({ ok: true, pence: -1525 });
    expect(parsePounds('0.00', { signed: true })).toEqual({ ok: false, message: 'Enter an amount other than zero.' });
  });

  it('round-trips pence to what a person would type', () => {
    for (const pence of [0, 5, 50, 7000, 7250, 120005, -1500]) {
      const typed = penceToPounds(pence);
      expect(parsePounds(typed, { signed: pence < 0 })).toEqual({ ok: true, pence });
    }
    expect(penceToPounds(7000)).toBe('70');
    expect(penceToPounds(7205)).toBe('72.05');
  });
});

describe('whole numbers typed by a person', () => {
  const messages = { empty: 'empty', range: 'range' };
  it('reads a number within bounds and refuses anything else', () => {
    expect(parseWhole(' 12 ', 1, 200, messages)).toEqual({ ok: true, value: 12 });
    expect(parseWhole('', 1, 200, messages)).toEqual({ ok: false, message: 'empty' });
    expect(parseWhole('0', 1, 200, messages)).toEqual({ ok: false, message: 'range' });
    expect(parseWhole('2.5', 1, 200, messages)).toEqual({ ok: false, message: 'range' });
    expect(parseWhole('-3', 1, 200, messages)).toEqual({ ok: false, message: 'range' });
    expect(parseWhole('201', 1, 200, messages)).toEqual({ ok: false, message: 'range' });
  });
});

describe('wall times in a zone', () => {
  it('turns a London wall time into the instant, in winter and in summer', () => {
    expect(wallTimeToInstant('2027-01-14', '09:00', 'Europe/London').toISOString()).toBe('2027-01-14T09:00:00.000Z');
    expect(wallTimeToInstant('2027-07-14', '09:00', 'Europe/London').toISOString()).toBe('2027-07-14T08:00:00.000Z');
    expect(wallTimeToInstant('2027-07-14', '09:00', 'America/New_York').toISOString()).toBe('2027-07-14T13:00:00.000Z');
  });

  it('moves a time in the spring-forward gap on by the gap, and takes the first of a repeated autumn time', () => {
    // 28 March 2027: London's clocks go from 01:00 GMT to 02:00 BST.
    expect(wallTimeToInstant('2027-03-28', '01:30', 'Europe/London').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(wallTimeToInstant('2027-03-28', '00:30', 'Europe/London').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(wallTimeToInstant('2027-03-28', '02:30', 'Europe/London').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 31 October 2027: 01:30 happens twice (BST, then GMT); the first is meant.
    expect(wallTimeToInstant('2027-10-31', '01:30', 'Europe/London').toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(wallTimeToInstant('2027-10-31', '03:00', 'Europe/London').toISOString()).toBe('2027-10-31T03:00:00.000Z');
  });

  it('reads an instant back as the wall time in a zone', () => {
    expect(instantToWallTime('2027-07-14T08:00:00.000Z', 'Europe/London')).toEqual({
      date: '2027-07-14',
      time: '09:00',
    });
    expect(instantToWallTime('2027-01-14T23:30:00.000Z', 'Asia/Tokyo')).toEqual({ date: '2027-01-15', time: '08:30' });
  });
});

describe('a session’s state', () => {
  const base: Appointment = {
    id: 'a',
    episodeId: 'e',
    therapistId: 't',
    therapistName: 'Theo',
    clientId: 'c',
    clientName: 'Cara',
    kind: 'session',
    startsAt: '2027-01-14T09:00:00.000Z',
    endsAt: '2027-01-14T09:50:00.000Z',
    localStart: '2027-01-14T09:00',
    timeZone: 'Europe/London',
    locationId: null,
    locationName: null,
    locationKind: null,
    locationAddress: null,
    feePence: 7000,
    status: 'scheduled',
    late: null,
    noticeMinutes: null,
    cancelReason: null,
    breakTitle: null,
    movedFromId: null,
    movedToId: null,
    moveRequested: false,
    number: 3,
  };
  const before = new Date('2027-01-14T08:00:00.000Z');
  const after = new Date('2027-01-14T10:00:00.000Z');

  it('is booked before it begins and waits to be marked after', () => {
    expect(appointmentStatusLabel(base, before)).toBe('Booked');
    expect(appointmentStatusLabel(base, after)).toBe('Not marked yet');
    expect(canMark(base, before)).toBe(false);
    expect(canMark(base, after)).toBe(true);
    expect(canMark({ ...base, status: 'moved' }, after)).toBe(false);
  });

  it('names each kind of cancellation', () => {
    expect(appointmentStatusLabel({ ...base, status: 'cancelled_client', late: true }, after)).toBe(
      'Client cancelled late',
    );
    expect(appointmentStatusLabel({ ...base, status: 'cancelled_client', late: false }, after)).toBe(
      'Client cancelled with notice',
    );
    expect(
      appointmentStatusLabel({ ...base, status: 'cancelled_therapist', cancelReason: 'break', breakTitle: 'Summer' }),
    ).toBe('Break: Summer');
    expect(appointmentStatusLabel({ ...base, status: 'cancelled_therapist', cancelReason: 'therapist' })).toBe(
      'You cancelled',
    );
    expect(appointmentStatusLabel({ ...base, status: 'did_not_attend' })).toBe('Did not attend');
    expect(appointmentStatusLabel({ ...base, status: 'moved' })).toBe('Moved');
  });
});
