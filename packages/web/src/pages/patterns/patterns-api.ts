import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { Cluster, StaffPatterns } from './patterns-types';

const key = (clientId: string) => ['patterns', clientId] as const;

export function useStaffPatterns(clientId: string) {
  return useQuery({
    queryKey: key(clientId),
    queryFn: () => api<StaffPatterns>(`/api/patterns/clients/${seg(clientId)}`),
  });
}

export function useCcrtClusters() {
  return useQuery({
    queryKey: ['ccrt-categories'],
    queryFn: () => api<{ clusters: Cluster[] }>('/api/record/ccrt-categories'),
  });
}

export interface EpisodeScore {
  entryId: string;
  start: number;
  end: number;
  W: string[];
  RO: string[];
  RS: string[];
}

export function useConfirmEpisode(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (score: EpisodeScore) =>
      api(`/api/patterns/clients/${seg(clientId)}/episodes`, { method: 'POST', body: score }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(clientId) }),
  });
}
