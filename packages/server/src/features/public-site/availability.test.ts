import { describe, expect, it } from 'vitest';
import { describeAvailability, freeParts, listDays } from './availability.js';

const evenings = [
  { weekday: 2, start: '17:00', end: '21:00' },
  { weekday: 4, start: '17:00', end: '21:00' },
];

describe('availability worked out from the frame', () => {
  it('names the days and parts of the day on which a whole session still fits', () => {
    expect(describeAvailability({ workingHours: evenings, sessionMinutes: 50, minGapMinutes: 10, booked: [] })).toEqual(
      {
        kind: 'space',
        statement: 'Usually has space on Tuesday and Thursday evenings.',
      },
    );
  });

  it('takes agreed weekly sessions (with the gap) off, and says so when nothing is left', () => {
    const booked = ['17:00', '18:00', '19:00', '20:00'].flatMap((localTime) => [
      { weekday: 2, localTime },
      { weekday: 4, localTime },
    ]);
    expect(describeAvailability({ workingHours: evenings, sessionMinutes: 50, minGapMinutes: 10, booked })).toEqual({
      kind: 'full',
      statement: 'No space at present.',
    });
    // Tuesday full, Thursday with one hour left.
    const tuesdayFull = booked.filter((b) => !(b.weekday === 4 && b.localTime === '20:00'));
    expect(
      describeAvailability({ workingHours: evenings, sessionMinutes: 50, minGapMinutes: 10, booked: tuesdayFull })
        .statement,
    ).toBe('Usually has space on Thursday evenings.');
    // A 55-minute space between two sessions is not enough for 50 minutes with a 10-minute gap either side.
    expect(
      freeParts({
        workingHours: [{ weekday: 1, start: '09:00', end: '11:50' }],
        sessionMinutes: 50,
        minGapMinutes: 10,
        booked: [
          { weekday: 1, localTime: '09:00' },
          { weekday: 1, localTime: '10:55' },
        ],
      }).morning,
    ).toEqual([]);
  });

  it('groups mornings, afternoons and evenings, and says "Monday to Friday" for a run of days', () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '19:00' }));
    expect(
      describeAvailability({ workingHours: weekdays, sessionMinutes: 50, minGapMinutes: 10, booked: [] }).statement,
    ).toBe(
      'Usually has space on Monday to Friday mornings, Monday to Friday afternoons and Monday to Friday evenings.',
    );
    expect(listDays([1, 3, 5])).toBe('Monday, Wednesday and Friday');
    expect(listDays([6])).toBe('Saturday');
    expect(listDays([1, 2])).toBe('Monday and Tuesday');
  });

  it('asks people to contact the practice when the therapist has set no working hours', () => {
    expect(describeAvailability({ workingHours: [], sessionMinutes: 50, minGapMinutes: 10, booked: [] })).toEqual({
      kind: 'ask',
      statement: 'Please ask the practice about current availability.',
    });
  });
});
