import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';

/** The therapist's side of questionnaires for clients (server: features/questionnaires). */
export type Timing = 'every_session' | 'every_n_sessions' | 'reviews' | 'ending' | 'follow_up';

export interface QuestionnaireSchedule {
  id: string;
  episodeId: string;
  instrumentId: string;
  instrumentName: string;
  timing: Timing;
  everyN: number | null;
  monthsAfter: number | null;
  createdAt: string;
}

export interface QuestionnaireRequest {
  id: string;
  instrumentId: string;
  instrumentName: string;
  status: 'open' | 'completed' | 'expired';
  scheduleId: string | null;
  appointmentId: string | null;
  sessionStartsAt: string | null;
  opensAt: string;
  expiresAt: string;
  createdAt: string;
  completedAt: string | null;
  responseId: string | null;
}

export interface ClientQuestionnaires {
  episodeId: string | null;
  schedules: QuestionnaireSchedule[];
  requests: QuestionnaireRequest[];
}

const key = (clientId: string) => ['questionnaires', 'client', clientId] as const;

export function useClientQuestionnaires(clientId: string) {
  return useQuery({
    queryKey: key(clientId),
    queryFn: () => api<ClientQuestionnaires>(`/api/questionnaires/clients/${seg(clientId)}`),
  });
}

export function useSendNow(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (instrumentId: string) =>
      api<{ request: QuestionnaireRequest }>(`/api/questionnaires/clients/${seg(clientId)}/requests`, {
        method: 'POST',
        body: { instrumentId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(clientId) }),
  });
}

export function useAddSchedule(clientId: string, episodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { instrumentId: string; timing: Timing; everyN?: number; monthsAfter?: number }) =>
      api<{ schedule: QuestionnaireSchedule }>(`/api/questionnaires/episodes/${seg(episodeId)}/schedules`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(clientId) }),
  });
}

export function useStopSchedule(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scheduleId: string) =>
      api<{ stopped: boolean }>(`/api/questionnaires/schedules/${seg(scheduleId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(clientId) }),
  });
}
