import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, sessionProblem } from '../api/errors';
import { keys } from '../api/queries';
import { markSessionEnded } from '../api/session-ended';
import type { Me } from '../api/types';

/**
 * One QueryClient for the app. A 401 that says the session ended or needs its second step makes
 * the app re-read /api/me; the route guards then send the person to sign-in, verification or
 * enrolment.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    const problem = sessionProblem(error);
    if (!problem) return;
    // Signed in a moment ago, and now not: the sign-in page will say the session ended.
    if (problem === 'signed_out' && client.getQueryData<Me | null>(keys.me)?.session.stage === 'active') {
      markSessionEnded();
    }
    void client.invalidateQueries({ queryKey: keys.me });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // Always ask, even when the browser believes it is offline: a request that cannot go out ends
      // in our own “could not reach Undercurrent” message and a way to try again, rather than a
      // “Loading…” or “Sending…” that waits silently for the connection to come back.
      queries: {
        networkMode: 'always',
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          failures < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
  return client;
}
