/**
 * The writing side's conversations with the API: load an entry to edit, save it, and list the
 * client's dreams (to link a recurring one). Entry text only ever lives in memory: nothing here is
 * persisted to any browser storage.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, seg } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import type { Entry, EntryContent, EntryKind, EntryPage, SaveResult } from '../../../api/journal-types';
import { writeStrings } from '../write-strings';
import type { SaveReply, SaveRequest } from './save-scheduler';
import { announceHelp } from '../../../lib/help-signal';

const BASE = '/api/journal/entries';
/** A save that has not answered in this long is treated as lost and retried. */
const SAVE_TIMEOUT_MS = 20_000;

/** Keys under ['journal', 'write', …]: loaded fresh for every editor, never shown elsewhere. */
export const writeKeys = {
  entry: (id: string) => ['journal', 'write', 'entry', id] as const,
  dreams: ['journal', 'write', 'dreams'] as const,
};

/** An id for a new entry, made on this device so a retried first save never makes two entries. */
export function newEntryId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context (plain http on a local network) randomUUID is missing.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** GET /api/journal/entries/:id (the answer is the entry; `{ entry }` is accepted too). */
export async function fetchEntry(id: string): Promise<Entry> {
  const data = await api<Entry | { entry: Entry }>(`${BASE}/${seg(id)}`);
  return 'entry' in data ? data.entry : data;
}

export function useEntryToEdit(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: writeKeys.entry(id ?? ''),
    queryFn: () => fetchEntry(id ?? ''),
    enabled: enabled && id !== null,
    staleTime: Infinity,
    gcTime: 0,
    retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500 && error.status > 0),
    refetchOnReconnect: false,
  });
}

/** The client's dreams, newest first, to choose recurring ones from. */
export function useMyDreams() {
  return useQuery({
    queryKey: writeKeys.dreams,
    queryFn: () => api<EntryPage>(`${BASE}?kind=dream&limit=200`),
    staleTime: 60_000,
  });
}

/** PUT /api/journal/entries/:id, turned into what the save controller needs to know. */
export async function sendSave(kind: EntryKind, request: SaveRequest<EntryContent>): Promise<SaveReply> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), SAVE_TIMEOUT_MS);
  try {
    const result = await api<SaveResult>(`${BASE}/${seg(request.target.id)}`, {
      method: 'PUT',
      body: { kind, baseVersion: request.target.version, ...request.content },
      signal: timeout.signal,
    });
    announceHelp(result.safeguarding);
    if (result.conflictCopy) {
      return { id: result.conflictCopy.id, version: result.conflictCopy.version, conflictWith: result.entry.id };
    }
    return { id: result.entry.id, version: result.entry.version, conflictWith: null };
  } catch (error) {
    // Signed out under the person: say so, but keep the editor (and the words) on screen.
    if (error instanceof ApiError && error.status === 401) {
      throw new ApiError(401, error.code, writeStrings.save.sessionEnded);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * After writing, the journal's other views (timeline, entry, tags) are out of date; the editor's
 * own queries are not refetched (each would be a needless read of the entry).
 */
export function refreshJournalViews(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({
    queryKey: ['journal'],
    predicate: (query) => query.queryKey[1] !== 'write',
  });
}
