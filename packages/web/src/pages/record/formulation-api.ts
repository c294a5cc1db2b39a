import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type {
  CcrtCategories,
  CcrtCategoriesSave,
  DefensiveFunctioning,
  Formulation,
  FormulationContent,
  FormulationVersion,
} from './formulation-types';

export const formulationKeys = {
  formulation: (episodeId: string) => ['record', 'formulation', episodeId] as const,
  versions: (episodeId: string) => ['record', 'formulation-versions', episodeId] as const,
  odf: (episodeId: string) => ['record', 'odf', episodeId] as const,
  categories: ['record', 'ccrt-categories'] as const,
};

const url = (episodeId: string) => `/api/record/episodes/${seg(episodeId)}/formulation`;
const CATEGORIES = '/api/record/ccrt-categories';

export function useFormulation(episodeId: string | null) {
  return useQuery({
    queryKey: formulationKeys.formulation(episodeId ?? ''),
    queryFn: async () => (await api<{ formulation: Formulation }>(url(episodeId ?? ''))).formulation,
    enabled: !!episodeId,
    // A formulation being edited is not refreshed behind the therapist's back.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useDefensiveFunctioning(episodeId: string | null) {
  return useQuery({
    queryKey: formulationKeys.odf(episodeId ?? ''),
    queryFn: () => api<DefensiveFunctioning>(`/api/record/episodes/${seg(episodeId ?? '')}/defensive-functioning`),
    enabled: !!episodeId,
  });
}

export function useFormulationVersions(episodeId: string, enabled: boolean) {
  return useQuery({
    queryKey: formulationKeys.versions(episodeId),
    queryFn: async () => (await api<{ versions: FormulationVersion[] }>(`${url(episodeId)}/versions`)).versions,
    enabled,
  });
}

/** A formulation the server sent back after a change: the page shows it; the history is out of date. */
function useFormulationChanged(episodeId: string) {
  const queryClient = useQueryClient();
  return (formulation: Formulation) => {
    queryClient.setQueryData(formulationKeys.formulation(episodeId), formulation);
    void queryClient.invalidateQueries({ queryKey: formulationKeys.versions(episodeId) });
  };
}

export function useSaveFormulation(episodeId: string) {
  const changed = useFormulationChanged(episodeId);
  return useMutation({
    mutationFn: async (save: FormulationContent & { baseVersion: number }) =>
      (await api<{ formulation: Formulation }>(url(episodeId), { method: 'PUT', body: save })).formulation,
    onSuccess: changed,
  });
}

export function useAddReview(episodeId: string) {
  const changed = useFormulationChanged(episodeId);
  return useMutation({
    mutationFn: async (body: { reviewedOn: string; text: string }) =>
      (await api<{ formulation: Formulation }>(`${url(episodeId)}/reviews`, { method: 'POST', body })).formulation,
    onSuccess: changed,
  });
}

export function useCcrtCategories() {
  return useQuery({
    queryKey: formulationKeys.categories,
    queryFn: () => api<CcrtCategories>(CATEGORIES),
    refetchOnWindowFocus: false,
  });
}

export function useSaveCcrtCategories() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CcrtCategoriesSave) => api<CcrtCategories>(CATEGORIES, { method: 'PUT', body }),
    onSuccess: (set) => queryClient.setQueryData(formulationKeys.categories, set),
  });
}
