import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SharedSummary } from '../../api/journal-types';

/**
 * Query keys of the therapist's side of the journal, and the caseload's counts (small on purpose:
 * the frame chunk imports this file for its link and badges, not the rest of this area).
 */
export const sharedKeys = {
  all: ['journal-shared'] as const,
  summary: ['journal-shared', 'summary'] as const,
  list: (clientId: string) => ['journal-shared', 'list', clientId] as const,
  entry: (clientId: string, shareId: string) => ['journal-shared', 'entry', clientId, shareId] as const,
};

/** Unread and to-bring counts for every client in my care; one request however many rows ask. */
export function useSharedSummary() {
  return useQuery({
    queryKey: sharedKeys.summary,
    queryFn: () => api<SharedSummary>('/api/journal/shared-summary'),
    staleTime: 30_000,
  });
}

export function useSharedCounts(clientId: string): { unread: number; toBring: number } | null {
  const summary = useSharedSummary();
  if (!summary.data) return null;
  return summary.data.clients.find((c) => c.clientId === clientId) ?? { unread: 0, toBring: 0 };
}
