import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../../api/frame-types';
import { pastSessions, sessionChoices } from './session-choices';

function session(id: string, startsAt: string, status: Appointment['status'] = 'attended'): Appointment {
  return { id, startsAt, status } as Appointment;
}

describe('sessions a reflection can be about', () => {
  const now = new Date('2027-03-10T12:00:00Z');

  it('offers held and past sessions, newest first, once each', () => {
    const recent = [
      session('a', '2027-03-01T09:00:00Z'),
      session('b', '2027-03-08T09:00:00Z'),
      session('c', '2027-03-03T09:00:00Z', 'cancelled_client'),
      session('d', '2027-03-04T09:00:00Z', 'moved'),
      session('e', '2027-03-05T09:00:00Z', 'did_not_attend'),
    ];
    const upcoming = [
      session('f', '2027-03-10T09:00:00Z', 'scheduled'), // earlier today
      session('g', '2027-03-17T09:00:00Z', 'scheduled'),
      session('b', '2027-03-08T09:00:00Z'),
    ];
    expect(pastSessions({ recent, upcoming }, now).map((a) => a.id)).toEqual(['f', 'b', 'e', 'a']);
  });

  it('keeps the list short', () => {
    const recent = Array.from({ length: 30 }, (_, i) =>
      session(`s${i}`, new Date(Date.UTC(2027, 0, 1 + i, 9)).toISOString()),
    );
    expect(pastSessions({ recent, upcoming: [] }, now)).toHaveLength(12);
  });

  it('names a session by its day and time in the reader’s zone', () => {
    const choices = sessionChoices(
      { recent: [session('a', '2027-03-01T09:00:00Z')], upcoming: [] },
      'Europe/London',
      now,
    );
    expect(choices).toHaveLength(1);
    // The comma after the weekday depends on the ICU version.
    expect(choices[0]!.label).toMatch(/^Monday,? 1 March 2027, 09:00$/);
  });
});
