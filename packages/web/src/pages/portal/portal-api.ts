/**
 * The client's side of the therapy-frame API (server: features/frame, client routes under
 * /api/frame/me and /api/frame/appointments/:id/…). One query holds the whole of the client's frame;
 * every change invalidates it, so the three pages always agree.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { Absence, AbsenceRemoved, Appointment, ChargePreview, MyFrame } from '../../api/frame-types';

export interface AffectedSession {
  appointment: Appointment;
  charge: ChargePreview;
}

export const portalKeys = {
  frame: ['frame', 'me'] as const,
  cancelPreview: (appointmentId: string) => ['frame', 'cancel-preview', appointmentId] as const,
};

const BASE = '/api/frame';

/** The .ics file of one session (a plain link: the browser downloads it with the session cookie). */
export const sessionIcsUrl = (appointmentId: string) => `${BASE}/appointments/${seg(appointmentId)}/ics`;

export function useMyFrame() {
  return useQuery({ queryKey: portalKeys.frame, queryFn: () => api<MyFrame>(`${BASE}/me`) });
}

function useRefreshFrame() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: portalKeys.frame });
}

/**
 * What cancelling a session would cost, asked fresh each time the dialog opens (the notice window
 * moves with the clock), and never re-asked behind the person's back while they read it.
 */
export function useCancelPreview(appointmentId: string) {
  return useQuery({
    queryKey: portalKeys.cancelPreview(appointmentId),
    queryFn: () =>
      api<ChargePreview>(`${BASE}/appointments/${seg(appointmentId)}/cancel-preview`, { method: 'POST', body: {} }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useCancelSession(appointmentId: string) {
  const refresh = useRefreshFrame();
  return useMutation({
    mutationFn: (expectedAmountPence: number) =>
      api<{ appointment: Appointment; charge: ChargePreview }>(`${BASE}/appointments/${seg(appointmentId)}/cancel`, {
        method: 'POST',
        body: { expectedAmountPence },
      }),
    onSuccess: () => void refresh(),
  });
}

export function useMoveRequest(appointmentId: string) {
  const refresh = useRefreshFrame();
  return useMutation({
    mutationFn: (message: string) =>
      api<{ ok: boolean }>(`${BASE}/appointments/${seg(appointmentId)}/move-request`, {
        method: 'POST',
        body: { message },
      }),
    onSuccess: () => void refresh(),
  });
}

export function useSetTimeZone() {
  const refresh = useRefreshFrame();
  return useMutation({
    mutationFn: (timeZone: string) => api<unknown>(`${BASE}/me/time-zone`, { method: 'PUT', body: { timeZone } }),
    onSuccess: () => void refresh(),
  });
}

export function useAbsencePreview() {
  return useMutation({
    mutationFn: (range: { startsOn: string; endsOn: string }) =>
      api<{ affected: AffectedSession[] }>(`${BASE}/me/absences/preview`, { method: 'POST', body: range }),
  });
}

export function useAddAbsence() {
  const refresh = useRefreshFrame();
  return useMutation({
    mutationFn: (body: { startsOn: string; endsOn: string; note?: string; expectedTotalPence: number }) =>
      api<{ absence: Absence; affected: AffectedSession[] }>(`${BASE}/me/absences`, { method: 'POST', body }),
    onSuccess: () => void refresh(),
  });
}

export function useRemoveAbsence(absenceId: string) {
  const refresh = useRefreshFrame();
  return useMutation({
    mutationFn: () => api<AbsenceRemoved>(`${BASE}/me/absences/${seg(absenceId)}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
  });
}
