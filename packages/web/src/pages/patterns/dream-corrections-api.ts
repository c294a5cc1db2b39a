import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { DreamCodeCorrection, DreamCodesDetail, DreamListItem } from './dream-code-types';

const base = (clientId: string) => `/api/patterns/clients/${seg(clientId)}/dreams`;
const listKey = (clientId: string) => ['patterns', clientId, 'dreams'] as const;
const detailKey = (clientId: string, entryId: string) => ['patterns', clientId, 'dreams', entryId] as const;

export function useSharedDreams(clientId: string) {
  return useQuery({
    queryKey: listKey(clientId),
    queryFn: () => api<{ dreams: DreamListItem[] }>(base(clientId)),
  });
}

export function useDreamCodes(clientId: string, entryId: string) {
  return useQuery({
    queryKey: detailKey(clientId, entryId),
    queryFn: () => api<DreamCodesDetail>(`${base(clientId)}/${seg(entryId)}`),
  });
}

/** Saving or clearing corrections refreshes the dream, the list and the patterns view (the h-profile). */
export function useSaveCorrections(clientId: string, entryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { baseVersion: number; corrections: DreamCodeCorrection[] } | { clear: number }) =>
      'clear' in input
        ? api<DreamCodesDetail>(`${base(clientId)}/${seg(entryId)}/corrections?baseVersion=${input.clear}`, {
            method: 'DELETE',
          })
        : api<DreamCodesDetail>(`${base(clientId)}/${seg(entryId)}/corrections`, { method: 'PUT', body: input }),
    onSuccess: (detail) => {
      queryClient.setQueryData(detailKey(clientId, entryId), detail);
      return queryClient.invalidateQueries({ queryKey: ['patterns', clientId] });
    },
  });
}
