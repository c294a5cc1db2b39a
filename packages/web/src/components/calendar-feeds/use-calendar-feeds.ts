import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';

/** A person's private calendar subscription links (therapists and clients alike: /api/frame/feeds). */
export interface CalendarFeed {
  id: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A link just created: its address is shown this once. */
export interface NewCalendarFeed {
  id: string;
  url: string;
}

const FEEDS = ['frame', 'feeds'] as const;

export function useCalendarFeeds() {
  return useQuery({ queryKey: FEEDS, queryFn: () => api<CalendarFeed[]>('/api/frame/feeds') });
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<NewCalendarFeed>('/api/frame/feeds', { method: 'POST', body: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FEEDS }),
  });
}

export function useRevokeCalendarFeed(feedId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>(`/api/frame/feeds/${seg(feedId)}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FEEDS }),
  });
}
