import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

/** The practice's written policy as the client sees it, with their agreement (GET /api/safeguarding/my/policy). */
export interface MyPolicy {
  policyText: string;
  policyVersion: number;
  privateEntryAlerts: 'never' | 'always';
  escalateAfterMinutes: number;
  agreedVersion: number | null;
  agreedAt: string | null;
  needsAgreement: boolean;
}

const KEY = ['safeguarding', 'my-policy'] as const;

export function useMyPolicy(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: () => api<MyPolicy>('/api/safeguarding/my/policy'), enabled });
}

export function useAgreeToPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policyVersion: number) =>
      api<MyPolicy>('/api/safeguarding/my/policy/agreement', { method: 'POST', body: { policyVersion } }),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
    // A new version published meanwhile (409): show it.
    onError: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
