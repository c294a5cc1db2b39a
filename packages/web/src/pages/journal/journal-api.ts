/**
 * The client's journal as the web app asks for it (server: features/journal, routes under
 * /api/journal). Saving an entry (PUT) belongs to the editors in ./write; everything else is here.
 * Every change waits for the lists it affects to be asked again, so the page a person returns to
 * already shows the change.
 */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { MyFrame } from '../../api/frame-types';
import type { Entry, EntryKind, EntryPage, EntrySummary, NotReadyItem, Tag } from '../../api/journal-types';
import { portalKeys } from '../portal/portal-api';

const BASE = '/api/journal';

/** Small pages, so the first screen arrives quickly on a slow connection. */
export const PAGE_SIZE = 30;

export type SharingFilter = 'private' | 'shared' | 'to_bring';

export interface EntryFilters {
  kind?: EntryKind;
  sharing?: SharingFilter;
  tag?: string;
  q?: string;
}

export const journalKeys = {
  all: ['journal'] as const,
  lists: ['journal', 'entries'] as const,
  list: (filters: EntryFilters) => ['journal', 'entries', filters] as const,
  dreams: ['journal', 'entries', 'dreams'] as const,
  entry: (id: string) => ['journal', 'entry', id] as const,
  tags: ['journal', 'tags'] as const,
  notReady: ['journal', 'not-ready'] as const,
  exportJson: ['journal', 'export', 'json'] as const,
};

function entriesUrl(filters: EntryFilters, cursor: string | null, limit: number): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.sharing) params.set('sharing', filters.sharing);
  if (filters.tag) params.set('tag', filters.tag);
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return `${BASE}/entries?${params.toString()}`;
}

/** The entries, newest first, a page at a time ("Load more" asks for the next). */
export function useEntries(filters: EntryFilters) {
  return useInfiniteQuery({
    queryKey: journalKeys.list(filters),
    queryFn: ({ pageParam, signal }) => api<EntryPage>(entriesUrl(filters, pageParam, PAGE_SIZE), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While a new search or filter is asked, the entries already shown stay (marked busy).
    placeholderData: keepPreviousData,
  });
}

/**
 * The person's dreams in brief (one request), to name the dreams an entry recurs from and to choose
 * them in the dream editor.
 */
export function useDreams(enabled = true) {
  return useQuery({
    queryKey: journalKeys.dreams,
    queryFn: ({ signal }) => api<EntryPage>(entriesUrl({ kind: 'dream' }, null, 500), { signal }),
    select: (page): EntrySummary[] => page.entries,
    enabled,
  });
}

/** One entry in full. `enabled` is false while the entry is being deleted, so it is not asked again. */
export function useEntry(id: string, enabled = true) {
  return useQuery({
    queryKey: journalKeys.entry(id),
    enabled,
    queryFn: ({ signal }) =>
      api<{ entry: Entry }>(`${BASE}/entries/${seg(id)}`, { signal }).then((answer) => answer.entry),
  });
}

/**
 * After an entry changed on the server: hold the new version (when we have it) and have every list
 * asked again. The editors call this after a save too.
 */
export async function entryChanged(queryClient: QueryClient, id: string, entry?: Entry | null): Promise<void> {
  if (entry) queryClient.setQueryData(journalKeys.entry(entry.id), entry);
  await Promise.all([
    entry ? Promise.resolve() : queryClient.invalidateQueries({ queryKey: journalKeys.entry(id) }),
    queryClient.invalidateQueries({ queryKey: journalKeys.lists }),
    queryClient.invalidateQueries({ queryKey: journalKeys.exportJson }),
  ]);
}

/** Share with the therapist, or change whether it is to be brought to the next session. */
export function useShareEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bringNext: boolean) =>
      api<{ entry: Entry }>(`${BASE}/entries/${seg(id)}/share`, { method: 'POST', body: { bringNext } }),
    onSuccess: (answer) => entryChanged(queryClient, id, answer.entry),
  });
}

export function useWithdrawEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ entry: Entry }>(`${BASE}/entries/${seg(id)}/withdraw`, { method: 'POST', body: {} }),
    onSuccess: (answer) => entryChanged(queryClient, id, answer.entry),
  });
}

/** Deletes an entry; a shared one is withdrawn first (the server refuses to delete a live share). */
export function useDeleteEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ withdrawFirst }: { withdrawFirst: boolean }) => {
      if (withdrawFirst) await api<unknown>(`${BASE}/entries/${seg(id)}/withdraw`, { method: 'POST', body: {} });
      await api<unknown>(`${BASE}/entries/${seg(id)}`, { method: 'DELETE' });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: journalKeys.entry(id) });
      void queryClient.invalidateQueries({ queryKey: journalKeys.lists });
      void queryClient.invalidateQueries({ queryKey: journalKeys.tags });
      void queryClient.invalidateQueries({ queryKey: journalKeys.exportJson });
    },
    // A withdrawal that went through before a failed delete still changed the entry.
    onError: () => entryChanged(queryClient, id),
  });
}

export function useTags() {
  return useQuery({
    queryKey: journalKeys.tags,
    queryFn: ({ signal }) => api<{ tags: Tag[] }>(`${BASE}/tags`, { signal }).then((answer) => answer.tags),
  });
}

export function useCreateTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api<{ tag: Tag }>(`${BASE}/tags`, { method: 'POST', body: { name } }).then((answer) => answer.tag),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: journalKeys.tags }),
  });
}

/** Removes a tag from every entry that has it (the entries stay). */
export function useDeleteTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tagId: string) => api<unknown>(`${BASE}/tags/${seg(tagId)}`, { method: 'DELETE' }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: journalKeys.tags }),
        queryClient.invalidateQueries({ queryKey: journalKeys.all }),
      ]),
  });
}

/** The whole set of an entry's tags (adding one or removing one both send the new set). */
export function useSetEntryTags(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tagIds: string[]) =>
      api<{ entry: Entry }>(`${BASE}/entries/${seg(id)}/tags`, { method: 'PUT', body: { tagIds } }),
    onSuccess: (answer) =>
      Promise.all([
        entryChanged(queryClient, id, answer.entry),
        queryClient.invalidateQueries({ queryKey: journalKeys.tags }),
      ]),
  });
}

export function useNotReady() {
  return useQuery({
    queryKey: journalKeys.notReady,
    queryFn: ({ signal }) =>
      api<{ items: NotReadyItem[] }>(`${BASE}/not-ready`, { signal }).then((answer) => answer.items),
  });
}

function useRefreshNotReady() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: journalKeys.notReady });
}

export function useAddNotReady() {
  const refresh = useRefreshNotReady();
  return useMutation({
    mutationFn: (text: string) => api<NotReadyItem>(`${BASE}/not-ready`, { method: 'POST', body: { text } }),
    onSuccess: () => refresh(),
  });
}

export function useUpdateNotReady(itemId: string) {
  const refresh = useRefreshNotReady();
  return useMutation({
    mutationFn: (text: string) =>
      api<NotReadyItem>(`${BASE}/not-ready/${seg(itemId)}`, { method: 'PUT', body: { text } }),
    onSuccess: () => refresh(),
  });
}

export function useDeleteNotReady(itemId: string) {
  const refresh = useRefreshNotReady();
  return useMutation({
    mutationFn: () => api<unknown>(`${BASE}/not-ready/${seg(itemId)}`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}

/**
 * The client's sessions (the same query as the sessions pages), to name the session an entry was
 * written about. Asked only when an entry is linked to one.
 */
export function useMySessions(enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.frame,
    queryFn: ({ signal }) => api<MyFrame>('/api/frame/me', { signal }),
    enabled,
  });
}

/** GET /api/journal/export?format=json (server: features/journal/export-format.ts, version 1). */
export interface JournalExport {
  version: number;
  exportedAt: string;
  timeZone: string;
  /** Oldest first, each whole, with the session it is about. */
  entries: (Entry & { session: { id: string; startsAt: string | null } | null })[];
}

export type ExportFormat = 'markdown' | 'json';

/** The download of the whole journal (a plain link: the browser saves it with the session cookie). */
export const exportUrl = (format: ExportFormat) => `${BASE}/export?format=${format}`;

/**
 * The whole journal for the printable copy: every entry, oldest first, in full. Asked only when the
 * person asks for the printable copy, never behind their back.
 */
export function useWholeJournal(enabled: boolean) {
  return useQuery({
    queryKey: journalKeys.exportJson,
    queryFn: ({ signal }) => api<JournalExport>(exportUrl('json'), { signal }),
    enabled,
    staleTime: 60_000,
  });
}
