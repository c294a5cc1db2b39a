import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { EntryKind } from '../../api/journal-types';
import type { EntryFilters, SharingFilter } from './journal-api';

const KINDS: readonly string[] = ['free_association', 'dream', 'reflection', 'check_in'];
const SHARING: readonly string[] = ['private', 'shared', 'to_bring'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters in the address (so Back, a reload and a bookmark keep them); anything odd is ignored. */
export function filtersFrom(params: URLSearchParams): EntryFilters {
  const filters: EntryFilters = {};
  const kind = params.get('kind');
  if (kind && KINDS.includes(kind)) filters.kind = kind as EntryKind;
  const sharing = params.get('sharing');
  if (sharing && SHARING.includes(sharing)) filters.sharing = sharing as SharingFilter;
  const tag = params.get('tag');
  if (tag && UUID.test(tag)) filters.tag = tag;
  const q = params.get('q')?.trim().slice(0, 200);
  if (q) filters.q = q;
  return filters;
}

export function paramsFrom(filters: EntryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['kind', 'sharing', 'tag', 'q'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function useTimelineFilters() {
  const [params, setParams] = useSearchParams();
  const key = paramsFrom(filtersFrom(params)).toString();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(key)), [key]);
  const change = useCallback(
    (next: Partial<EntryFilters>) =>
      setParams((current) => paramsFrom({ ...filtersFrom(current), ...next }), { replace: true }),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, active: key !== '', change, clear };
}
