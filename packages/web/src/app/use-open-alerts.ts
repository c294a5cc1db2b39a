import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/** How many safeguarding alerts are open for the signed-in clinician (the navigation's badge). */
export function useOpenAlerts(enabled: boolean) {
  return useQuery({
    queryKey: ['safeguarding', 'open-count'],
    queryFn: () => api<{ open: number }>('/api/safeguarding/alerts/open-count'),
    enabled,
    refetchInterval: 60_000,
  });
}
