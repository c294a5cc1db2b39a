import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { Person } from '../../api/types';
import type { DeliveryMethod, Review, ReviewNote, SarCreate, SarDetail, SarSummary } from './subject-access-types';

export const sarKeys = {
  list: ['subject-access', 'requests'] as const,
  one: (id: string) => ['subject-access', 'request', id] as const,
  reviews: ['subject-access', 'reviews'] as const,
  clients: ['subject-access', 'clients'] as const,
};

const BASE = '/api/subject-access';

export const packUrl = (packId: string, format: 'json' | 'pdf') => `${BASE}/packs/${seg(packId)}/${format}`;

export function useRequests() {
  return useQuery({
    queryKey: sarKeys.list,
    queryFn: async () => (await api<{ requests: SarSummary[] }>(`${BASE}/requests`)).requests,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: sarKeys.one(id),
    queryFn: async () => (await api<{ request: SarDetail }>(`${BASE}/requests/${seg(id)}`)).request,
  });
}

/** The practice's active clients, for choosing whose request it is. */
export function useClients() {
  return useQuery({
    queryKey: sarKeys.clients,
    queryFn: () => api<Person[]>('/api/people?role=client&status=active'),
  });
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SarCreate) =>
      (await api<{ request: SarDetail }>(`${BASE}/requests`, { method: 'POST', body })).request,
    onSuccess: (request) => {
      queryClient.setQueryData(sarKeys.one(request.id), request);
      void queryClient.invalidateQueries({ queryKey: sarKeys.list });
    },
  });
}

/** Every change to one request answers with the request whole. */
function useRequestChange<B>(id: string, path: string, method: 'POST' | 'PATCH') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: B) =>
      (await api<{ request: SarDetail }>(`${BASE}/requests/${seg(id)}${path}`, { method, body })).request,
    onSuccess: (request) => {
      queryClient.setQueryData(sarKeys.one(id), request);
      void queryClient.invalidateQueries({ queryKey: sarKeys.list });
    },
  });
}

export const useUpdateRequest = (id: string) =>
  useRequestChange<{ status: 'received' | 'in_preparation' }>(id, '', 'PATCH');
export const useExtendRequest = (id: string) =>
  useRequestChange<{ dueOn: string; reason: string; clientToldOn: string }>(id, '/extension', 'POST');
export const useCloseRequest = (id: string) =>
  useRequestChange<{ outcome: 'withdrawn' | 'refused'; reason: string }>(id, '/close', 'POST');
export const usePreparePack = (id: string) => useRequestChange<Record<string, never>>(id, '/packs', 'POST');
export const useRecordDelivery = (id: string) =>
  useRequestChange<{ packId: string; method: DeliveryMethod; deliveredOn: string }>(id, '/deliveries', 'POST');

export function useReviews() {
  return useQuery({
    queryKey: sarKeys.reviews,
    queryFn: async () => (await api<{ reviews: Review[] }>(`${BASE}/reviews`)).reviews,
  });
}

export function useDecide(requestId: string, noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { include: boolean; reason: string }) =>
      (
        await api<{ note: ReviewNote }>(`${BASE}/requests/${seg(requestId)}/process-notes/${seg(noteId)}`, {
          method: 'PUT',
          body,
        })
      ).note,
    onSuccess: (note) =>
      queryClient.setQueryData<Review[]>(sarKeys.reviews, (reviews) =>
        reviews?.map((r) =>
          r.requestId === requestId ? { ...r, notes: r.notes.map((n) => (n.id === note.id ? note : n)) } : r,
        ),
      ),
  });
}
