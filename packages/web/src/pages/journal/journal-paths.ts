import type { EntryKind } from '../../api/journal-types';

/** Where each page of the client's journal lives (router.tsx wires the same paths). */
export const journalPaths = {
  timeline: '/journal',
  notReady: '/journal/not-ready',
  export: '/journal/export',
  /** A new entry of one kind: the kind as the API names it ("free_association", "check_in", …). */
  newEntry: (kind: EntryKind) => `/journal/new/${encodeURIComponent(kind)}`,
  entry: (id: string) => `/journal/${encodeURIComponent(id)}`,
  edit: (id: string) => `/journal/${encodeURIComponent(id)}/edit`,
};
