import type { DreamDetails, EntryKind, EntrySave } from './journal-schemas.js';
import type { EntryRow, EntryText } from './entry-record.js';

/**
 * The content of an entry as one value — what a save carries with its defaults filled in, or what is
 * stored — so a save can be compared with what is stored (a retried save changes nothing).
 */
export interface EntryContent {
  kind: EntryKind;
  body: string;
  details: DreamDetails | null;
  mood: number | null;
  dreamtOn: string | null;
  dreamPeriod: 'night' | 'nap' | null;
  nightmare: boolean;
  lucid: boolean;
  recursIds: string[];
  appointmentId: string | null;
  timerMinutes: 5 | 10 | 20 | null;
  secondsSpent: number;
}

export function contentOfSave(save: EntrySave): EntryContent {
  return {
    kind: save.kind,
    body: save.body,
    details: save.details ?? null,
    mood: save.mood ?? null,
    dreamtOn: save.dreamtOn ?? null,
    dreamPeriod: save.dreamPeriod ?? null,
    nightmare: save.nightmare ?? false,
    lucid: save.lucid ?? false,
    recursIds: save.recursIds ?? [],
    appointmentId: save.appointmentId ?? null,
    timerMinutes: save.timerMinutes ?? null,
    secondsSpent: save.secondsSpent ?? 0,
  };
}

export function contentOfRow(row: EntryRow, text: EntryText): EntryContent {
  return {
    kind: row.kind,
    body: text.body,
    details: text.details,
    mood: row.mood,
    dreamtOn: row.dreamt_on,
    dreamPeriod: row.dream_period,
    nightmare: row.nightmare,
    lucid: row.lucid,
    recursIds: row.recurs_ids,
    appointmentId: row.appointment_id,
    timerMinutes: row.timer_minutes as EntryContent['timerMinutes'],
    secondsSpent: row.seconds_spent,
  };
}

/** Details as JSON with its keys always in one order (stored and compared so). */
export function detailsJson(details: DreamDetails): string {
  return JSON.stringify({
    setting: details.setting,
    people: details.people,
    feelings: details.feelings.map((f) => ({ name: f.name, intensity: f.intensity })),
    dayBefore: details.dayBefore,
    associations: details.associations,
  });
}

export const sameIds = (a: string[], b: string[]) =>
  a.length === b.length && a.every((id, i) => id.toLowerCase() === b[i]?.toLowerCase());

export function sameContent(a: EntryContent, b: EntryContent): boolean {
  return (
    a.kind === b.kind &&
    a.body === b.body &&
    (a.details === null
      ? b.details === null
      : b.details !== null && detailsJson(a.details) === detailsJson(b.details)) &&
    a.mood === b.mood &&
    a.dreamtOn === b.dreamtOn &&
    a.dreamPeriod === b.dreamPeriod &&
    a.nightmare === b.nightmare &&
    a.lucid === b.lucid &&
    sameIds(a.recursIds, b.recursIds) &&
    (a.appointmentId ?? '').toLowerCase() === (b.appointmentId ?? '').toLowerCase() &&
    a.timerMinutes === b.timerMinutes &&
    a.secondsSpent === b.secondsSpent
  );
}
