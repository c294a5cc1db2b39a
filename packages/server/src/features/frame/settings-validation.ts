import { validatePolicy } from '../../frame/cancellation-policy.js';
import { isValidTimeZone, minutesOfTime } from '../../frame/zoned-time.js';
import type { TherapistSettings } from './frame-schemas.js';
import type { FieldProblem } from './episodes-field-errors.js';

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? `day ${weekday}`;
}

/**
 * What is wrong with settings a therapist wants to save (the schema has checked the shapes):
 * an unknown time zone, working hours that end before they start or overlap on the same day, and
 * a cancellation policy that does not hold together.
 */
export function settingsProblems(settings: Omit<TherapistSettings, 'currency'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isValidTimeZone(settings.timeZone)) {
    problems.push({
      field: 'timeZone',
      message: `“${settings.timeZone}” is not a time zone we know; choose one such as Europe/London.`,
    });
  }
  const ranges = settings.workingHours.map((range, index) => ({
    index,
    weekday: range.weekday,
    start: minutesOfTime(range.start),
    end: minutesOfTime(range.end),
  }));
  for (const range of ranges) {
    if (range.end <= range.start) {
      problems.push({
        field: `workingHours.${range.index}.end`,
        message: `The working hours on ${weekdayName(range.weekday)} must end after they start.`,
      });
    }
  }
  const valid = ranges.filter((r) => r.end > r.start).sort((a, b) => a.weekday - b.weekday || a.start - b.start);
  for (let i = 1; i < valid.length; i++) {
    const previous = valid[i - 1];
    const current = valid[i];
    if (previous && current && previous.weekday === current.weekday && current.start < previous.end) {
      problems.push({
        field: `workingHours.${current.index}`,
        message: `Two ranges of working hours overlap on ${weekdayName(current.weekday)}; join them into one.`,
      });
    }
  }
  for (const problem of policyProblems(settings.policy)) {
    problems.push({ field: `policy.${problem.field}`, message: problem.message });
  }
  return problems;
}

/** The engine's verdict on a cancellation policy, as field problems (field names relative to the policy). */
export function policyProblems(policy: TherapistSettings['policy']): FieldProblem[] {
  return validatePolicy(policy);
}
