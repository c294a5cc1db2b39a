import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { ProcessNote, ProcessNoteSave, ProcessSessionsView } from './process-types';

/** Query keys of process notes: their own, so nothing else on the page ever holds their text. */
export const processKeys = {
  list: (clientId: string) => ['record', 'process-notes', clientId] as const,
  /** The client's note list (WR1's recordKeys.list): it says which sessions have one of my process notes. */
  noteList: (clientId: string) => ['record', 'notes', clientId] as const,
};

const listPath = (clientId: string) => `/api/record/clients/${seg(clientId)}/process-notes`;
const notePath = (id: string) => `/api/record/process-notes/${seg(id)}`;

/** An id for a new process note, made on this device so a retried first save never makes two notes. */
export function newProcessNoteId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context (plain http on a local network) randomUUID is missing.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function fetchProcessNotes(clientId: string): Promise<ProcessNote[]> {
  const data = await api<{ notes: ProcessNote[] }>(listPath(clientId));
  return data.notes;
}

/** The signed-in therapist's own process notes about a client, newest first. */
export function useProcessNotes(clientId: string) {
  return useQuery({
    queryKey: processKeys.list(clientId),
    queryFn: () => fetchProcessNotes(clientId),
    // Typing is never interrupted by a background refetch replacing what the editor started from.
    refetchOnWindowFocus: false,
  });
}

/** Loads the list afresh (after a refused save) and answers with it. */
export function reloadProcessNotes(queryClient: QueryClient, clientId: string): Promise<ProcessNote[]> {
  return queryClient.fetchQuery({ queryKey: processKeys.list(clientId), queryFn: () => fetchProcessNotes(clientId) });
}

/** The client's name and session dates, to say which session a note is about (optional: the page works without). */
export function useProcessSessions(clientId: string) {
  return useQuery({
    queryKey: processKeys.noteList(clientId),
    queryFn: () => api<ProcessSessionsView>(`/api/record/clients/${seg(clientId)}/notes`),
    retry: false,
  });
}

function putInList(list: ProcessNote[] | undefined, note: ProcessNote): ProcessNote[] {
  const rest = (list ?? []).filter((n) => n.id !== note.id);
  const known = (list ?? []).some((n) => n.id === note.id);
  return known ? (list ?? []).map((n) => (n.id === note.id ? note : n)) : [note, ...rest];
}

export function useSaveProcessNote(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, save }: { id: string; save: ProcessNoteSave }) =>
      api<{ note: ProcessNote }>(notePath(id), { method: 'PUT', body: save }).then((data) => data.note),
    onSuccess: (note) => {
      queryClient.setQueryData<ProcessNote[]>(processKeys.list(clientId), (list) => putInList(list, note));
      if (note.version === 1) void queryClient.invalidateQueries({ queryKey: processKeys.noteList(clientId) });
    },
  });
}

export function useDeleteProcessNote(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(notePath(id), { method: 'DELETE' }).then(() => id),
    onSuccess: (id) => {
      queryClient.setQueryData<ProcessNote[]>(processKeys.list(clientId), (list) =>
        (list ?? []).filter((n) => n.id !== id),
      );
      void queryClient.invalidateQueries({ queryKey: processKeys.noteList(clientId) });
    },
  });
}
