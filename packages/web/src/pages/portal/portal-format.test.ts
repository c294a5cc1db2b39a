import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../api/frame-types';
import {
  absenceProblems,
  absenceRemovable,
  breakNoticeDays,
  breaksAhead,
  cancellationNotice,
  daysBetween,
  noticeSpan,
  scheduledAhead,
  shownAtFirst,
  sessionsCancelledBy,
  sessionWhen,
  timeZoneChoices,
  totalCharge,
  zoneOptionLabel,
} from './portal-format';
import { portalStrings } from './portal-strings';
import { formatIsoDate } from '../../lib/frame-format';

// ICU versions differ on a comma after the weekday ("Thursday, 14 January"); the days here are
// compared with the app's own formatting of the calendar date.
const thu14 = formatIsoDate('2027-01-14');
const fri15 = formatIsoDate('2027-01-15');

function appointment(over: Partial<Appointment>): Appointment {
  return {
    id: 'a1',
    episodeId: 'e1',
    therapistId: 't1',
    therapistName: 'Dr Theo Hart',
    clientId: 'c1',
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
    number: 1,
    ...over,
  };
}

describe('sessionWhen', () => {
  it('says nothing more when the reader keeps the therapist’s clock', () => {
    const when = sessionWhen(appointment({}), 'Europe/London', new Date('2027-01-13T20:00:00Z'));
    expect(when).toEqual({
      day: thu14,
      time: '09:00',
      endTime: '09:50',
      daysAway: 1,
      there: null,
    });
    expect(portalStrings.sessions.timeLine(when)).toBe('09:00–09:50');
  });

  it('names the therapist’s zone when the reader is elsewhere', () => {
    const when = sessionWhen(
      appointment({ startsAt: '2027-01-14T14:00:00.000Z', endsAt: '2027-01-14T14:50:00.000Z' }),
      'America/New_York',
      new Date('2027-01-14T12:00:00Z'),
    );
    expect(when.time).toBe('09:00');
    expect(when.daysAway).toBe(0);
    expect(when.there).toEqual({ time: '14:00', day: null, zone: 'Europe/London' });
    expect(portalStrings.sessions.timeLine(when)).toBe('09:00–09:50 your time (14:00 London time)');
  });

  it('gives the therapist’s day as well when the zones fall on different dates', () => {
    const when = sessionWhen(
      appointment({ startsAt: '2027-01-14T08:00:00.000Z', endsAt: '2027-01-14T08:50:00.000Z' }),
      'Pacific/Auckland',
    );
    // 08:00 in London is 21:00 the same day in Auckland (UTC+13 in January).
    expect(when.day).toBe(thu14);
    expect(when.time).toBe('21:00');
    expect(when.there).toEqual({ time: '08:00', day: null, zone: 'Europe/London' });
    const late = sessionWhen(
      appointment({ startsAt: '2027-01-14T12:00:00.000Z', endsAt: '2027-01-14T12:50:00.000Z' }),
      'Pacific/Auckland',
    );
    expect(late.day).toBe(fri15);
    expect(late.there).toEqual({ time: '12:00', day: thu14, zone: 'Europe/London' });
    expect(portalStrings.sessions.timeLine(late)).toBe(`01:00–01:50 your time (${thu14}, 12:00 London time)`);
  });

  it('follows the clock change: the same London wall time is a different UTC instant in summer', () => {
    const summer = sessionWhen(
      appointment({ startsAt: '2027-04-01T08:00:00.000Z', endsAt: '2027-04-01T08:50:00.000Z' }),
      'Europe/London',
    );
    expect(summer.time).toBe('09:00');
  });
});

describe('scheduledAhead', () => {
  it('keeps sessions still to come as agreed, soonest first', () => {
    const now = new Date('2027-01-14T09:30:00Z');
    const list = [
      appointment({ id: 'later', startsAt: '2027-01-21T09:00:00Z', endsAt: '2027-01-21T09:50:00Z' }),
      appointment({ id: 'now', startsAt: '2027-01-14T09:00:00Z', endsAt: '2027-01-14T09:50:00Z' }),
      appointment({ id: 'over', startsAt: '2027-01-13T09:00:00Z', endsAt: '2027-01-13T09:50:00Z' }),
      appointment({
        id: 'cancelled',
        status: 'cancelled_therapist',
        startsAt: '2027-01-15T09:00:00Z',
        endsAt: '2027-01-15T09:50:00Z',
      }),
    ];
    expect(scheduledAhead(list, now).map((a) => a.id)).toEqual(['now', 'later']);
  });
});

describe('shownAtFirst', () => {
  const now = new Date('2027-01-01T12:00:00Z');
  const weekly = Array.from({ length: 26 }, (_, i) => ({
    startsAt: new Date(now.getTime() + (i * 7 + 1) * 86_400_000).toISOString(),
  }));
  it('shows the next four weeks of a long list', () => {
    expect(shownAtFirst(weekly, now)).toBe(4);
  });
  it('shows a few even when they are far apart, and never more than there are', () => {
    const monthly = weekly.filter((_, i) => i % 5 === 0);
    expect(shownAtFirst(monthly, now)).toBe(3);
    expect(shownAtFirst(weekly.slice(0, 2), now)).toBe(2);
    expect(shownAtFirst([], now)).toBe(0);
  });
});

describe('notice', () => {
  it('reads in the largest natural unit', () => {
    expect(noticeSpan(30)).toEqual({ unit: 'under-hour', count: 0 });
    expect(noticeSpan(60)).toEqual({ unit: 'hours', count: 1 });
    expect(noticeSpan(47 * 60 + 59)).toEqual({ unit: 'hours', count: 47 });
    expect(noticeSpan(48 * 60)).toEqual({ unit: 'days', count: 2 });
    expect(noticeSpan(13 * 1440)).toEqual({ unit: 'days', count: 13 });
    expect(noticeSpan(14 * 1440)).toEqual({ unit: 'weeks', count: 2 });
    expect(noticeSpan(-5)).toEqual({ unit: 'under-hour', count: 0 });
    expect(portalStrings.sessions.toldAhead(9 * 7 * 1440 + 100)).toBe('You were given 9 weeks’ notice.');
    expect(portalStrings.sessions.toldAhead(60)).toBe('You were given an hour’s notice.');
  });

  it('counts a break’s notice from the day it was made known, in the therapist’s zone', () => {
    // 23:30 on 31 May in London is already 1 June there (BST): 62 days before 2 August.
    const brk = { createdAt: '2027-05-31T23:30:00Z', startsOn: '2027-08-02' };
    expect(breakNoticeDays(brk, 'Europe/London')).toBe(62);
    expect(breakNoticeDays(brk, 'UTC')).toBe(63);
    expect(portalStrings.breaks.notice(62, '2027-06-01')).toBe('Made known on 1 June 2027: 8 weeks’ notice.');
    expect(breakNoticeDays({ createdAt: '2027-08-03T10:00:00Z', startsOn: '2027-08-02' }, 'UTC')).toBe(0);
  });
});

describe('breaks', () => {
  it('finds the sessions a break cancelled by their date in the session’s own zone', () => {
    const brk = { startsOn: '2027-08-02', endsOn: '2027-08-13' };
    const list = [
      appointment({ id: 'in', status: 'cancelled_therapist', cancelReason: 'break', localStart: '2027-08-02T09:00' }),
      appointment({ id: 'last', status: 'cancelled_therapist', cancelReason: 'break', localStart: '2027-08-13T18:00' }),
      appointment({
        id: 'after',
        status: 'cancelled_therapist',
        cancelReason: 'break',
        localStart: '2027-08-14T09:00',
      }),
      appointment({
        id: 'ill',
        status: 'cancelled_therapist',
        cancelReason: 'illness',
        localStart: '2027-08-03T09:00',
      }),
      appointment({ id: 'kept', status: 'scheduled', localStart: '2027-08-04T09:00' }),
    ];
    expect(sessionsCancelledBy(brk, list).map((a) => a.id)).toEqual(['in', 'last']);
    expect(portalStrings.breaks.cancels(2)).toBe(
      '2 of your sessions fall in it and will not take place. You will not be charged for them.',
    );
    expect(portalStrings.breaks.cancels(1)).toBe(
      '1 of your sessions falls in it and will not take place. You will not be charged for it.',
    );
  });

  it('says how much notice a cancelled session had: the server’s figure, else from its break', () => {
    const brk = { startsOn: '2027-08-02', endsOn: '2027-08-13', createdAt: '2027-06-01T09:00:00Z' };
    const cancelled = appointment({
      status: 'cancelled_therapist',
      cancelReason: 'break',
      localStart: '2027-08-03T10:00',
      startsAt: '2027-08-03T09:00:00Z',
    });
    expect(cancellationNotice(cancelled, [brk])).toBe(63 * 1440);
    expect(cancellationNotice({ ...cancelled, noticeMinutes: 90 }, [brk])).toBe(90);
    expect(cancellationNotice({ ...cancelled, localStart: '2027-09-01T10:00' }, [brk])).toBeNull();
    expect(cancellationNotice({ ...cancelled, status: 'scheduled' }, [brk])).toBeNull();
  });

  it('lists breaks that are not over, soonest first', () => {
    const b = (id: string, startsOn: string, endsOn: string) => ({
      id,
      kind: 'therapist' as const,
      therapistId: 't1',
      therapistName: 'Dr Theo Hart',
      title: id,
      startsOn,
      endsOn,
      createdAt: '2027-01-01T00:00:00Z',
    });
    const list = [
      b('summer', '2027-08-02', '2027-08-13'),
      b('past', '2027-01-01', '2027-01-05'),
      b('now', '2027-03-01', '2027-03-10'),
    ];
    expect(breaksAhead(list, '2027-03-05').map((x) => x.id)).toEqual(['now', 'summer']);
  });
});

describe('remaining sessions', () => {
  it('says how many sessions are left before the ending date', () => {
    expect(portalStrings.sessions.remainingEnding(7, '2027-03-26')).toBe(
      '7 sessions before we finish on 26 March 2027.',
    );
    expect(portalStrings.sessions.remainingEnding(1, '2027-03-26')).toBe(
      '1 session before we finish on 26 March 2027.',
    );
    expect(portalStrings.sessions.remainingBrief(3, 12)).toBe('3 sessions to come, of 12.');
  });
});

describe('absences', () => {
  const today = '2027-03-10';
  it('accepts a range from today onwards', () => {
    expect(absenceProblems({ startsOn: '2027-03-10', endsOn: '2027-03-10' }, today)).toEqual({});
    expect(absenceProblems({ startsOn: '2027-04-01', endsOn: '2027-04-14' }, today)).toEqual({});
  });

  it('names each problem at its field', () => {
    expect(absenceProblems({ startsOn: '', endsOn: '' }, today)).toEqual({
      startsOn: 'startMissing',
      endsOn: 'endMissing',
    });
    expect(absenceProblems({ startsOn: '2027-03-09', endsOn: '2027-03-12' }, today)).toEqual({ startsOn: 'startPast' });
    expect(absenceProblems({ startsOn: '2027-03-12', endsOn: '2027-03-11' }, today)).toEqual({
      endsOn: 'endBeforeStart',
    });
    expect(absenceProblems({ startsOn: '2027-03-12', endsOn: '2028-03-12' }, today)).toEqual({ endsOn: 'tooLong' });
  });

  it('can be taken back only before it begins', () => {
    expect(absenceRemovable({ startsOn: '2027-03-11' }, today)).toBe(true);
    expect(absenceRemovable({ startsOn: '2027-03-10' }, today)).toBe(false);
  });

  it('adds up the charges', () => {
    expect(totalCharge([{ amountPence: 7000 }, { amountPence: 0 }, { amountPence: 3500 }])).toBe(10500);
    expect(totalCharge([])).toBe(0);
  });
});

describe('dates and zones', () => {
  it('counts days across month ends and clock changes', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2028-03-01', '2028-02-28')).toBe(-2);
  });

  it('offers every known zone, with the chosen and device zones always among them', () => {
    expect(
      timeZoneChoices(['Europe/London', null, 'Etc/Custom'], ['UTC', 'Europe/London', 'America/New_York']),
    ).toEqual(['America/New_York', 'Etc/Custom', 'Europe/London', 'UTC']);
    expect(zoneOptionLabel('America/Argentina/Buenos_Aires')).toBe('America / Argentina / Buenos Aires');
  });
});
