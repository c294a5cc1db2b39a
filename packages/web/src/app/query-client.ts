import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, sessionProblem } from '../api/errors';
import { keys } from '../api/queries';

/**
 * One QueryClient for the app. A 401 that says the session ended or needs its second step makes
 * the app re-read /api/me; the route guards then send the person to sign-in, verification or
 * enrolment.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (sessionProblem(error)) void client.invalidateQueries({ queryKey: keys.me });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          failures < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
