import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { Decision, IntakeDetail, QueueEntry } from './intake-queue-types';

export function useIntakeQueue() {
  return useQuery({
    queryKey: ['intakes'],
    queryFn: ({ signal }) => api<{ intakes: QueueEntry[] }>('/api/intakes', { signal }),
  });
}

export function useIntake(id: string) {
  return useQuery({
    queryKey: ['intakes', id],
    queryFn: ({ signal }) => api<IntakeDetail>(`/api/intakes/${seg(id)}`, { signal }),
  });
}

export function useDecide(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: Decision; message: string }) =>
      api<IntakeDetail>(`/api/intakes/${seg(id)}/decision`, { method: 'POST', body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['intakes', id], saved);
      await queryClient.invalidateQueries({ queryKey: ['intakes'], exact: true });
    },
  });
}

export interface RetentionSettings {
  enquiryRetentionDays: number;
}

export function useRetention() {
  return useQuery({
    queryKey: ['intakes', 'settings'],
    queryFn: ({ signal }) => api<RetentionSettings>('/api/intakes/settings', { signal }),
  });
}

export function useSaveRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RetentionSettings) => api<RetentionSettings>('/api/intakes/settings', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(['intakes', 'settings'], saved),
  });
}

/** Why an enquiry is deleted: one of a few kinds, as the server takes them (never free text). */
export type DeleteReason = 'asked' | 'mistake' | 'not_genuine' | 'not_needed';

/**
 * Deletes an enquiry (admin), with the reason kept in the audit log. The queue drops it from its list
 * at once (then reloads), so it is never shown beside "The enquiry is deleted.".
 */
export function useDeleteIntake(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: DeleteReason }) =>
      api<{ deleted: true }>(`/api/intakes/${seg(id)}`, { method: 'DELETE', body }),
    onSuccess: async () => {
      queryClient.setQueryData<{ intakes: QueueEntry[] }>(['intakes'], (queue) =>
        queue ? { ...queue, intakes: queue.intakes.filter((entry) => entry.id !== id) } : queue,
      );
      await queryClient.invalidateQueries({ queryKey: ['intakes'], exact: true });
    },
  });
}
