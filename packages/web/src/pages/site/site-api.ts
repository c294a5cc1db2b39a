import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { PublicPage, PublicProfile, PublicSite } from './site-types';

/** The public side's reads: no session needed, published content only. */
export const siteKeys = {
  site: (slug: string) => ['public-site', slug] as const,
  page: (slug: string, page: string) => ['public-site', slug, 'page', page] as const,
  therapists: (slug: string) => ['public-site', slug, 'therapists'] as const,
  therapist: (slug: string, id: string) => ['public-site', slug, 'therapists', id] as const,
};

const base = (slug: string) => `/api/public/practices/${seg(slug)}`;

const pageQuery = (slug: string, page: string) => ({
  queryKey: siteKeys.page(slug, page),
  queryFn: () => api<PublicPage>(`${base(slug)}/pages/${seg(page)}`),
  staleTime: 60_000,
});
const directoryQuery = (slug: string) => ({
  queryKey: siteKeys.therapists(slug),
  queryFn: () => api<{ therapists: PublicProfile[] }>(`${base(slug)}/therapists`),
  staleTime: 60_000,
});
const therapistQuery = (slug: string, id: string) => ({
  queryKey: siteKeys.therapist(slug, id),
  queryFn: () => api<{ therapist: PublicProfile }>(`${base(slug)}/therapists/${seg(id)}`),
  staleTime: 60_000,
});

/**
 * Starts fetching what the page at `rest` (the address after /p/<slug>/) will ask for, so it loads in
 * parallel with the practice's own details instead of after them.
 */
export function prefetchForPath(queryClient: QueryClient, slug: string, rest: string): void {
  const [first, second] = rest.split('/');
  if (!first || first === 'is-this-right-for-me') return;
  if (first === 'therapists') {
    if (second) void queryClient.prefetchQuery(therapistQuery(slug, second));
    else void queryClient.prefetchQuery(directoryQuery(slug));
    return;
  }
  void queryClient.prefetchQuery(pageQuery(slug, first));
}

export function useSite(slug: string) {
  return useQuery({
    queryKey: siteKeys.site(slug),
    queryFn: () => api<PublicSite>(base(slug)),
    staleTime: 60_000,
  });
}

export function usePublicPage(slug: string, page: string) {
  return useQuery(pageQuery(slug, page));
}

export function useDirectory(slug: string) {
  return useQuery(directoryQuery(slug));
}

export function useTherapist(slug: string, id: string) {
  return useQuery(therapistQuery(slug, id));
}
