import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { SharedEntry, SharedItem, SharedList } from '../../api/journal-types';
import { sharedKeys } from './shared-summary';

/** GET …/shared/:shareId answers with the share as listed and the entry itself. */
export interface SharedRead {
  item: SharedItem;
  entry: SharedEntry;
}

const base = (clientId: string) => `/api/journal/clients/${seg(clientId)}/shared`;

export function useSharedList(clientId: string) {
  return useQuery({ queryKey: sharedKeys.list(clientId), queryFn: () => api<SharedList>(base(clientId)) });
}

/**
 * One shared entry. Reading it marks it read on the server, so it is fetched once per visit and
 * never again behind the therapist's back (for instance just after they marked it unread).
 */
export function useSharedEntry(clientId: string, shareId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: sharedKeys.entry(clientId, shareId),
    queryFn: async () => {
      const read = await api<SharedRead>(`${base(clientId)}/${seg(shareId)}`);
      // Now read: the list and the caseload counts change.
      void queryClient.invalidateQueries({ queryKey: sharedKeys.list(clientId) });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.summary });
      return read;
    },
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useMarkUnread(clientId: string, shareId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ item: SharedItem }>(`${base(clientId)}/${seg(shareId)}/unread`, { method: 'POST', body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sharedKeys.list(clientId) });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.summary });
    },
  });
}
