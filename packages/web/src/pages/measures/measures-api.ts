import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { EnterAnswers, Instrument, InstrumentSummary, MeasureResult, ResultList } from './measures-types';

export const measuresKeys = {
  catalogue: ['measures', 'instruments'] as const,
  instrument: (id: string, version?: number) => ['measures', 'instrument', id, version ?? 'active'] as const,
  results: (clientId: string) => ['measures', 'results', clientId] as const,
};

export function useCatalogue() {
  return useQuery({
    queryKey: measuresKeys.catalogue,
    queryFn: () => api<{ instruments: InstrumentSummary[] }>('/api/measures/instruments'),
  });
}

export function useInstrument(instrumentId: string, version?: number) {
  return useQuery({
    queryKey: measuresKeys.instrument(instrumentId, version),
    queryFn: () =>
      api<{ instrument: Instrument }>(
        `/api/measures/instruments/${seg(instrumentId)}${version ? `?version=${version}` : ''}`,
      ),
    enabled: instrumentId !== '',
  });
}

export function useImportInstrument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: unknown) =>
      api<{ instrument: InstrumentSummary }>('/api/measures/instruments', { method: 'POST', body: definition }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['measures'] }),
  });
}

export function useRetireInstrument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (instrumentId: string) =>
      api<{ instrument: InstrumentSummary }>(`/api/measures/instruments/${seg(instrumentId)}/retire`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['measures'] }),
  });
}

export function useResults(clientId: string) {
  return useQuery({
    queryKey: measuresKeys.results(clientId),
    queryFn: () => api<ResultList>(`/api/measures/clients/${seg(clientId)}/responses`),
  });
}

export function useEnterAnswers(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterAnswers) =>
      api<{ result: MeasureResult }>(`/api/measures/clients/${seg(clientId)}/responses`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: measuresKeys.results(clientId) }),
  });
}

/** The FHIR R4 Bundle of a client's results, downloaded by the browser. */
export const fhirExportHref = (clientId: string) => `/api/measures/clients/${seg(clientId)}/fhir`;
