import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { SharedList } from '../../api/journal-types';
import type { AmendmentBody, Note, NoteContent, NoteList, NoteSettings, NoteVersion } from '../../api/record-types';

export const recordKeys = {
  all: ['record'] as const,
  list: (clientId: string) => ['record', 'notes', clientId] as const,
  note: (noteId: string) => ['record', 'note', noteId] as const,
  versions: (noteId: string) => ['record', 'versions', noteId] as const,
  settings: ['record', 'note-settings'] as const,
  shared: (clientId: string) => ['record', 'shared', clientId] as const,
};

const noteUrl = (noteId: string) => `/api/record/notes/${seg(noteId)}`;

export function useNoteList(clientId: string) {
  return useQuery({
    queryKey: recordKeys.list(clientId),
    queryFn: () => api<NoteList>(`/api/record/clients/${seg(clientId)}/notes`),
  });
}

export function useNote(noteId: string) {
  return useQuery({
    queryKey: recordKeys.note(noteId),
    queryFn: async () => (await api<{ note: Note }>(noteUrl(noteId))).note,
    // A draft being edited is not refreshed behind the therapist's back.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useNoteSettings() {
  return useQuery({
    queryKey: recordKeys.settings,
    queryFn: () => api<NoteSettings>('/api/record/note-settings'),
    staleTime: 5 * 60_000,
  });
}

/** What the client shares with me now: the entries a note can link to. */
export function useSharedForNote(clientId: string) {
  return useQuery({
    queryKey: recordKeys.shared(clientId),
    queryFn: () => api<SharedList>(`/api/journal/clients/${seg(clientId)}/shared`),
  });
}

export function useNoteVersions(noteId: string, enabled: boolean) {
  return useQuery({
    queryKey: recordKeys.versions(noteId),
    queryFn: async () => (await api<{ versions: NoteVersion[] }>(`${noteUrl(noteId)}/versions`)).versions,
    enabled,
  });
}

export function useStartNote(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (appointmentId: string) =>
      (
        await api<{ note: Note }>(`/api/record/clients/${seg(clientId)}/notes`, {
          method: 'POST',
          body: { appointmentId },
        })
      ).note,
    onSuccess: (note) => {
      queryClient.setQueryData(recordKeys.note(note.id), note);
      void queryClient.invalidateQueries({ queryKey: recordKeys.list(clientId) });
    },
  });
}

/** A note the server sent back after a change: the page shows it, and the list is out of date. */
function useNoteChanged() {
  const queryClient = useQueryClient();
  return (note: Note) => {
    queryClient.setQueryData(recordKeys.note(note.id), note);
    void queryClient.invalidateQueries({ queryKey: recordKeys.list(note.clientId) });
    void queryClient.invalidateQueries({ queryKey: recordKeys.versions(note.id) });
  };
}

export function useSaveNote(noteId: string) {
  const changed = useNoteChanged();
  return useMutation({
    mutationFn: async (save: NoteContent & { baseVersion: number }) =>
      (await api<{ note: Note }>(noteUrl(noteId), { method: 'PUT', body: save })).note,
    onSuccess: changed,
  });
}

export function useSignNote(noteId: string) {
  const changed = useNoteChanged();
  return useMutation({
    mutationFn: async (baseVersion: number) =>
      (await api<{ note: Note }>(`${noteUrl(noteId)}/sign`, { method: 'POST', body: { baseVersion } })).note,
    onSuccess: changed,
  });
}

export function useAmendNote(noteId: string) {
  const changed = useNoteChanged();
  return useMutation({
    mutationFn: async (body: AmendmentBody) =>
      (await api<{ note: Note }>(`${noteUrl(noteId)}/amendments`, { method: 'POST', body })).note,
    onSuccess: changed,
  });
}

export function useDiscardNote(noteId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>(noteUrl(noteId), { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: recordKeys.note(noteId) });
      void queryClient.invalidateQueries({ queryKey: recordKeys.list(clientId) });
    },
  });
}
