import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PatternsView } from './patterns-types';

const settingsKey = ['patterns', 'me', 'settings'] as const;
const viewKey = ['patterns', 'me', 'view'] as const;

export function useOwnPatternsSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => api<{ ownView: boolean }>('/api/patterns/me/settings'),
  });
}

/** The client's own patterns: asked for only while the view is on (the server answers 409 otherwise). */
export function useOwnPatterns(on: boolean) {
  return useQuery({
    queryKey: viewKey,
    queryFn: () => api<PatternsView>('/api/patterns/me'),
    enabled: on,
  });
}

export function useSetOwnPatterns() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ownView: boolean) =>
      api<{ ownView: boolean }>('/api/patterns/me/settings', { method: 'PUT', body: { ownView } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      // Turned off: nothing computed from the entries stays in this page's memory.
      if (!saved.ownView) queryClient.removeQueries({ queryKey: viewKey });
      else void queryClient.invalidateQueries({ queryKey: viewKey });
    },
  });
}
