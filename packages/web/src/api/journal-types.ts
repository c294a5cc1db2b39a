/**
 * The client's private space as the API speaks it (server: features/journal/journal-schemas.ts, the
 * source of truth; keep the two in step).
 */
export type EntryKind = 'free_association' | 'dream' | 'reflection' | 'check_in';
export type SharingState = 'private' | 'shared' | 'withdrawn';
export type DreamPeriod = 'night' | 'nap';

export const MAX_ENTRY_CHARACTERS = 100_000;

export interface Feeling {
  name: string;
  /** 1 (faint) … 5 (overwhelming). */
  intensity: number;
}

export interface DreamDetails {
  setting: string;
  people: string;
  feelings: Feeling[];
  dayBefore: string;
  associations: string;
}

/** Everything a save carries (PUT /api/journal/entries/:id). */
export interface EntryContent {
  body: string;
  details?: DreamDetails | null;
  mood?: number | null;
  dreamtOn?: string | null;
  dreamPeriod?: DreamPeriod | null;
  nightmare?: boolean;
  lucid?: boolean;
  recursIds?: string[];
  appointmentId?: string | null;
  timerMinutes?: 5 | 10 | 20 | null;
  secondsSpent?: number;
}

export interface EntrySave extends EntryContent {
  kind: EntryKind;
  /** The version the device last had; 0 for an entry it has just started (with an id it made itself). */
  baseVersion: number;
}

export interface TagRef {
  id: string;
  name: string;
}

export interface EntrySharing {
  state: SharingState;
  sharedAt: string | null;
  bringNext: boolean;
  bringSession: { id: string; startsAt: string } | null;
  withdrawnAt: string | null;
  readAt: string | null;
}

interface EntryFacts {
  id: string;
  kind: EntryKind;
  wordCount: number;
  mood: number | null;
  dreamtOn: string | null;
  dreamPeriod: DreamPeriod | null;
  nightmare: boolean;
  lucid: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Entry extends EntryFacts {
  version: number;
  body: string;
  details: DreamDetails | null;
  recursIds: string[];
  appointmentId: string | null;
  timerMinutes: number | null;
  secondsSpent: number;
  conflictOf: string | null;
  tags: TagRef[];
  sharing: EntrySharing;
}

export interface EntrySummary extends EntryFacts {
  excerpt: string;
  conflictOf: string | null;
  tags: TagRef[];
  sharing: { state: SharingState; bringNext: boolean };
}

export interface EntryPage {
  entries: EntrySummary[];
  nextCursor: string | null;
}

export interface SaveResult {
  entry: Entry;
  conflictCopy: Entry | null;
  /** Set when the words matched the practice's risk-language list: the client shell shows help. */
  safeguarding?: { showHelp: boolean; therapistAlerted: boolean; inviteToTell: boolean };
}

export interface Tag {
  id: string;
  name: string;
  count: number;
}

export interface NotReadyItem {
  id: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface SharedItem {
  shareId: string;
  entryId: string | null;
  kind: EntryKind;
  sharedAt: string;
  withdrawnAt: string | null;
  bringNext: boolean;
  toBring: boolean;
  sinceLastSession: boolean;
  readAt: string | null;
  updatedSinceRead: boolean;
  excerpt: string | null;
  writtenAt: string | null;
  dreamtOn: string | null;
}

export interface SharedList {
  client: { id: string; displayName: string };
  lastSession: { id: string; startsAt: string } | null;
  nextSession: { id: string; startsAt: string } | null;
  items: SharedItem[];
}

export interface SharedEntry extends EntryFacts {
  body: string;
  details: DreamDetails | null;
  appointmentId: string | null;
  timerMinutes: number | null;
  secondsSpent: number;
  recursIds: string[];
}

export interface SharedSummary {
  clients: { clientId: string; unread: number; toBring: number }[];
}
