import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/** How many safeguarding alerts are open for the signed-in clinician (the navigation's badge). */
export function useOpenAlerts(enabled: boolean) {
  return useQuery({
    queryKey: ['safeguarding', 'alerts'],
    queryFn: () => api<{ open: number }>('/api/safeguarding/alerts'),
    enabled,
    refetchInterval: 60_000,
  });
}
