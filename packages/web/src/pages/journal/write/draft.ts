/** An entry's content as the editors hold it, from a loaded entry or for a new one. */
import type { Entry, EntryContent, EntryKind } from '../../../api/journal-types';

export type TimerChoice = 5 | 10 | 20 | null;

function timerOf(minutes: number | null): TimerChoice {
  return minutes === 5 || minutes === 10 || minutes === 20 ? minutes : null;
}

/** Everything a save sends: the whole entry, so a save never drops a field this editor does not show. */
export type Draft = Required<EntryContent>;

export function draftOf(entry: Entry): Draft {
  return {
    body: entry.body,
    details: entry.details,
    mood: entry.mood,
    dreamtOn: entry.dreamtOn,
    dreamPeriod: entry.dreamPeriod,
    nightmare: entry.nightmare,
    lucid: entry.lucid,
    recursIds: entry.recursIds,
    appointmentId: entry.appointmentId,
    timerMinutes: timerOf(entry.timerMinutes),
    secondsSpent: entry.secondsSpent,
  };
}

export function emptyDraft(kind: EntryKind, today: string): Draft {
  return {
    body: '',
    details: kind === 'dream' ? { setting: '', people: '', feelings: [], dayBefore: '', associations: '' } : null,
    mood: null,
    dreamtOn: kind === 'dream' ? today : null,
    dreamPeriod: kind === 'dream' ? 'night' : null,
    nightmare: false,
    lucid: false,
    recursIds: [],
    appointmentId: null,
    timerMinutes: null,
    secondsSpent: 0,
  };
}

export const ENTRY_KINDS: readonly EntryKind[] = ['free_association', 'dream', 'reflection', 'check_in'];

export function isEntryKind(value: string | undefined): value is EntryKind {
  return ENTRY_KINDS.includes(value as EntryKind);
}
