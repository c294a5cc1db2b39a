import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { EpisodeSummary, OutcomeReport, SeriesList } from './results-types';

export const resultsKeys = {
  series: (clientId: string) => ['results', 'series', clientId] as const,
  episodes: (clientId: string) => ['results', 'episodes', clientId] as const,
  mine: ['results', 'mine'] as const,
  report: (from: string, to: string) => ['results', 'report', from, to] as const,
};

export function useClientSeries(clientId: string) {
  return useQuery({
    queryKey: resultsKeys.series(clientId),
    queryFn: () => api<SeriesList>(`/api/results/clients/${seg(clientId)}/series`),
  });
}

export function useEpisodeSummaries(clientId: string) {
  return useQuery({
    queryKey: resultsKeys.episodes(clientId),
    queryFn: () => api<{ episodes: EpisodeSummary[] }>(`/api/results/clients/${seg(clientId)}/episodes`),
  });
}

export function useShareChart(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ instrumentId, shared }: { instrumentId: string; shared: boolean }) =>
      api<{ instrumentId: string; shared: boolean }>(
        `/api/results/clients/${seg(clientId)}/shares/${seg(instrumentId)}`,
        { method: 'PUT', body: { shared } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultsKeys.series(clientId) }),
  });
}

export function useMySeries() {
  return useQuery({ queryKey: resultsKeys.mine, queryFn: () => api<SeriesList>('/api/results/mine') });
}

function rangeQuery(from: string, to: string): string {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const q = params.toString();
  return q ? `?${q}` : '';
}

export function useOutcomeReport(from: string, to: string) {
  return useQuery({
    queryKey: resultsKeys.report(from, to),
    queryFn: () => api<OutcomeReport>(`/api/results/report${rangeQuery(from, to)}`),
  });
}

/** The report as CSV, downloaded by the browser. */
export const reportCsvHref = (from: string, to: string) => `/api/results/report.csv${rangeQuery(from, to)}`;
