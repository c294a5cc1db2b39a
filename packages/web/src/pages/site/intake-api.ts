import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { IntakeSubmission, PersonView, Submitted } from './intake-types';

/** The intake's public calls: the form (no account) and the person's page through their private link. */
export const intakeKeys = {
  view: (token: string) => ['intake-link', token] as const,
  slots: (token: string, therapistId: string) => ['intake-link', token, 'slots', therapistId] as const,
};

const linkBase = (token: string) => `/api/public/intakes/${seg(token)}`;

export function useSubmitIntake(slug: string) {
  return useMutation({
    mutationFn: (form: IntakeSubmission) =>
      api<Submitted>(`/api/public/practices/${seg(slug)}/intakes`, { method: 'POST', body: form }),
  });
}

export function useEnquiry(token: string) {
  return useQuery({
    queryKey: intakeKeys.view(token),
    queryFn: () => api<PersonView>(linkBase(token)),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

export function useFreeSlots(token: string, therapistId: string) {
  return useQuery({
    queryKey: intakeKeys.slots(token, therapistId),
    queryFn: () => api<{ slots: string[] }>(`${linkBase(token)}/slots?therapistId=${seg(therapistId)}`),
    staleTime: 30_000,
  });
}

export type RequestBody = { kind: 'consultation'; therapistId: string; start: string } | { kind: 'waiting_list' };

/** Asks for a slot or joins the waiting list; a slot taken meanwhile comes back as the times still free. */
export function useRequestConsultation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBody) => api<{ status: string }>(`${linkBase(token)}/request`, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: intakeKeys.view(token) }),
  });
}
