import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './ApiError';
import { queryKeys } from './queryKeys';

/**
 * A 4xx will answer the same the second time; only network trouble and 5xx are worth a retry.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A session that ends while the app is open (expired, or ended by a password change
    // elsewhere) shows up as a 401 on any call: forget the session so the guard sends the
    // user to the login page instead of showing an error on every panel.
    queryCache: new QueryCache({ onError: (error) => forgetSessionOn401(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => forgetSessionOn401(client, error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}

function forgetSessionOn401(client: QueryClient, error: unknown) {
  if (isApiError(error, 'unauthenticated')) client.setQueryData(queryKeys.session, null);
}
