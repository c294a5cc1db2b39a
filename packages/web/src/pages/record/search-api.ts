import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const SEARCH_LIMIT = 50;
export const MAX_SEARCH_CHARACTERS = 200;

export interface NoteSearchResult {
  noteId: string;
  clientId: string;
  clientName: string;
  sessionStartsAt: string;
  status: 'draft' | 'signed';
  snippet: string;
  matchedIn: 'narrative' | 'fields' | 'amendment';
}

export interface NoteSearchAnswer {
  results: NoteSearchResult[];
  searched: number;
}

/** GET /api/record/search: the notes of my caseload holding every word of q (not run for an empty q). */
export function useNoteSearch(q: string) {
  return useQuery({
    queryKey: ['record', 'search', q] as const,
    queryFn: () =>
      api<NoteSearchAnswer>(`/api/record/search?${new URLSearchParams({ q, limit: String(SEARCH_LIMIT) }).toString()}`),
    enabled: q.trim() !== '',
    // The texts are decrypted per request: a search is not repeated behind the therapist's back.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}
