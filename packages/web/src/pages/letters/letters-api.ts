import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';

/** The web's mirror of the letters API (server features/letters/letters-schemas.ts). */
export interface Letterhead {
  name: string;
  addressLines: string[];
  phone: string;
  email: string;
  website: string;
  footer: string;
}

export interface LetterTemplate {
  id: string;
  builtIn: string | null;
  name: string;
  subject: string;
  body: string;
  updatedAt: string;
}

export interface Placeholder {
  name: string;
  description: string;
}

export interface TemplateSave {
  name: string;
  subject: string;
  body: string;
}

interface Person {
  id: string;
  displayName: string;
}

export interface LetterText {
  recipientName: string;
  recipientAddress: string;
  subject: string;
  body: string;
}

export interface Letter extends LetterText {
  id: string;
  clientId: string;
  author: Person;
  templateId: string | null;
  status: 'draft' | 'final';
  version: number;
  finalisedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LetterSummary {
  id: string;
  author: Person;
  status: 'draft' | 'final';
  version: number;
  recipientName: string;
  subject: string;
  finalisedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LetterList {
  client: Person;
  letters: LetterSummary[];
}

export const LIMITS = {
  name: 200,
  addressLines: 6,
  addressLine: 120,
  phone: 60,
  email: 320,
  website: 200,
  footer: 300,
  templateName: 120,
  subject: 300,
  templateBody: 20_000,
  recipientName: 200,
  recipientAddress: 1_000,
  body: 20_000,
} as const;

export const letterKeys = {
  list: (clientId: string) => ['letters', 'list', clientId] as const,
  letter: (id: string) => ['letters', 'letter', id] as const,
  templates: ['letters', 'templates'] as const,
  letterhead: ['letters', 'letterhead'] as const,
};

/** Where a letter's PDF is downloaded from (a plain link: same-origin cookie, a GET). */
export const pdfUrl = (letterId: string) => `/api/letters/${seg(letterId)}/pdf`;
const letterUrl = (letterId: string) => `/api/letters/${seg(letterId)}`;

export function useLetterList(clientId: string) {
  return useQuery({
    queryKey: letterKeys.list(clientId),
    queryFn: () => api<LetterList>(`/api/letters/clients/${seg(clientId)}/letters`),
  });
}

export function useLetter(letterId: string) {
  return useQuery({
    queryKey: letterKeys.letter(letterId),
    queryFn: async () => (await api<{ letter: Letter }>(letterUrl(letterId))).letter,
    // A draft being edited is not refreshed behind the therapist's back.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: letterKeys.templates,
    queryFn: () => api<{ templates: LetterTemplate[]; placeholders: Placeholder[] }>('/api/letters/templates'),
    refetchOnWindowFocus: false,
  });
}

export function useLetterhead() {
  return useQuery({
    queryKey: letterKeys.letterhead,
    queryFn: () => api<Letterhead>('/api/letters/letterhead'),
    refetchOnWindowFocus: false,
  });
}

export function useSaveLetterhead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (letterhead: Letterhead) =>
      api<Letterhead>('/api/letters/letterhead', { method: 'PUT', body: letterhead }),
    onSuccess: (letterhead) => queryClient.setQueryData(letterKeys.letterhead, letterhead),
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, template }: { id: string | null; template: TemplateSave }) =>
      (
        await api<{ template: LetterTemplate }>(id ? `/api/letters/templates/${seg(id)}` : '/api/letters/templates', {
          method: id ? 'PUT' : 'POST',
          body: template,
        })
      ).template,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.templates }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/letters/templates/${seg(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.templates }),
  });
}

export function useStartLetter(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { templateId?: string; recipientName: string; recipientAddress: string }) =>
      (await api<{ letter: Letter }>(`/api/letters/clients/${seg(clientId)}/letters`, { method: 'POST', body })).letter,
    onSuccess: (letter) => {
      queryClient.setQueryData(letterKeys.letter(letter.id), letter);
      void queryClient.invalidateQueries({ queryKey: letterKeys.list(clientId) });
    },
  });
}

/** A letter the server sent back after a change: the page shows it, and the list is out of date. */
function useLetterChanged() {
  const queryClient = useQueryClient();
  return (letter: Letter) => {
    queryClient.setQueryData(letterKeys.letter(letter.id), letter);
    void queryClient.invalidateQueries({ queryKey: letterKeys.list(letter.clientId) });
  };
}

export function useSaveLetter(letterId: string) {
  const changed = useLetterChanged();
  return useMutation({
    mutationFn: async (body: LetterText & { baseVersion: number }) =>
      (await api<{ letter: Letter }>(letterUrl(letterId), { method: 'PUT', body })).letter,
    onSuccess: changed,
  });
}

export function useFinaliseLetter(letterId: string) {
  const changed = useLetterChanged();
  return useMutation({
    mutationFn: async (baseVersion: number) =>
      (await api<{ letter: Letter }>(`${letterUrl(letterId)}/finalise`, { method: 'POST', body: { baseVersion } }))
        .letter,
    onSuccess: changed,
  });
}

export function useDiscardLetter(letterId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(letterUrl(letterId), { method: 'DELETE' }),
    // The page leaves for the list; the discarded letter's own query is left to be forgotten.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterKeys.list(clientId) }),
  });
}
