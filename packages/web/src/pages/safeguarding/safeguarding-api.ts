import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { Alert, DecisionInput, RiskRecord, SafetyPlan, SafetyPlanSections } from './safeguarding-types';

export function useAlerts() {
  return useQuery({
    queryKey: ['safeguarding', 'alerts'],
    queryFn: () => api<{ alerts: Alert[]; open: number }>('/api/safeguarding/alerts'),
  });
}

export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ alert: Alert }>(`/api/safeguarding/alerts/${seg(id)}/acknowledge`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['safeguarding'] }),
  });
}

export function useRiskRecord(clientId: string) {
  return useQuery({
    queryKey: ['safeguarding', 'risk-record', clientId],
    queryFn: () => api<RiskRecord>(`/api/safeguarding/clients/${seg(clientId)}/risk-record`),
  });
}

export function useRecordDecision(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionInput) =>
      api<{ id: string }>(`/api/safeguarding/clients/${seg(clientId)}/decisions`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['safeguarding'] }),
  });
}

export function useSafetyPlan(clientId: string) {
  return useQuery({
    queryKey: ['safeguarding', 'safety-plan', clientId],
    queryFn: () => api<SafetyPlan>(`/api/safeguarding/clients/${seg(clientId)}/safety-plan`),
  });
}

export function useSaveSafetyPlan(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { baseVersion: number; plan: SafetyPlanSections }) =>
      api<SafetyPlan>(`/api/safeguarding/clients/${seg(clientId)}/safety-plan`, { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(['safeguarding', 'safety-plan', clientId], saved),
  });
}

export function useMySafetyPlan() {
  return useQuery({
    queryKey: ['safeguarding', 'my-safety-plan'],
    queryFn: () => api<SafetyPlan>('/api/safeguarding/my/safety-plan'),
  });
}
