import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { ApiError } from './errors';
import { forgetSessionEnded } from './session-ended';
import type { CrisisResources, Me, PracticesResponse } from './types';

/** Query keys, in one place so invalidation cannot drift from the queries. */
export const keys = {
  practices: ['practices'] as const,
  crisisResources: (practiceSlug: string) => ['crisis-resources', practiceSlug] as const,
  me: ['me'] as const,
  people: (role: string, status: string) => ['people', role, status] as const,
  invitations: (status: string) => ['invitations', status] as const,
  outbox: (status: string) => ['outbox', status] as const,
  outboxMessage: (id: string) => ['outbox', 'message', id] as const,
  audit: (filters: Record<string, string>) => ['audit', filters] as const,
  sessions: ['sessions'] as const,
  recordAccess: ['record-access'] as const,
  passkeys: ['passkeys'] as const,
  invitationLookup: (token: string) => ['invitation-lookup', token] as const,
  passwordReset: (token: string) => ['password-reset', token] as const,
};

/**
 * Public queries (and the token look-ups of the page that is signing someone in) survive a change
 * of session; everything else belongs to one person’s session and is forgotten. (The crisis lines
 * are those of the signed-in person's practice, so they are asked again after a change.)
 */
const PUBLIC_KEYS = new Set<string>(['practices', 'invitation-lookup', 'password-reset']);

export function usePractices() {
  return useQuery({
    queryKey: keys.practices,
    queryFn: () => api<PracticesResponse>('/api/practices'),
    staleTime: 60_000,
  });
}

/**
 * The crisis lines of the practice of the request: the signed-in person's, or — on the public site —
 * the practice whose pages these are (its slug), the region's lines and then the practice's own.
 */
export function useCrisisResources(practiceSlug = '') {
  return useQuery({
    queryKey: keys.crisisResources(practiceSlug),
    queryFn: () =>
      api<CrisisResources>(
        practiceSlug ? `/api/crisis-resources?practice=${encodeURIComponent(practiceSlug)}` : '/api/crisis-resources',
      ),
    staleTime: 10 * 60_000,
  });
}

/** The signed-in person, or null when nobody is signed in on this browser. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 60_000 });
}

/**
 * After signing in, verifying, enrolling or signing out the session is a different one: forget
 * everything the old one could see, then learn who is signed in now.
 */
export async function resetSession(queryClient: QueryClient): Promise<Me | null> {
  forgetSessionEnded();
  queryClient.removeQueries({ predicate: (query) => !PUBLIC_KEYS.has(String(query.queryKey[0])) });
  return queryClient.fetchQuery({ queryKey: keys.me, queryFn: fetchMe });
}
