import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import { ApiError, toApiError } from '../../api/errors';
import { strings } from '../../strings';
import type { AdminPage, Contact, PageSlug, ProfileContent, ProfileState } from './site-admin-types';

export const siteAdminKeys = {
  pages: ['public-site-admin', 'pages'] as const,
  contact: ['public-site-admin', 'contact'] as const,
  profiles: ['public-site-admin', 'profiles'] as const,
  myProfile: ['public-site-admin', 'my-profile'] as const,
};

export function usePages() {
  return useQuery({
    queryKey: siteAdminKeys.pages,
    queryFn: () => api<{ pages: AdminPage[] }>('/api/public-site/pages'),
    refetchOnWindowFocus: false,
  });
}

export function useSavePage(slug: PageSlug) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (page: { title: string; body: string; published: boolean }) =>
      api<{ page: AdminPage }>(`/api/public-site/pages/${seg(slug)}`, { method: 'PUT', body: page }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: siteAdminKeys.pages });
      void queryClient.invalidateQueries({ queryKey: ['public-site'] });
    },
  });
}

export function useContact() {
  return useQuery({
    queryKey: siteAdminKeys.contact,
    queryFn: () => api<Contact>('/api/public-site/contact'),
    refetchOnWindowFocus: false,
  });
}

export function useSaveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: Contact) => api<Contact>('/api/public-site/contact', { method: 'PUT', body: contact }),
    onSuccess: (contact) => {
      queryClient.setQueryData(siteAdminKeys.contact, contact);
      void queryClient.invalidateQueries({ queryKey: ['public-site'] });
    },
  });
}

export function useProfiles() {
  return useQuery({
    queryKey: siteAdminKeys.profiles,
    queryFn: () => api<{ profiles: ProfileState[] }>('/api/public-site/profiles'),
    refetchOnWindowFocus: false,
  });
}

export function usePublishing() {
  const queryClient = useQueryClient();
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: siteAdminKeys.profiles });
    void queryClient.invalidateQueries({ queryKey: ['public-site'] });
  };
  const publish = useMutation({
    mutationFn: (profile: ProfileState) =>
      api<{ profile: ProfileState }>(`/api/public-site/profiles/${seg(profile.therapistId)}/publish`, {
        method: 'POST',
        body: { draftUpdatedAt: profile.draftUpdatedAt },
      }),
    onSettled: done,
  });
  const unpublish = useMutation({
    mutationFn: (profile: ProfileState) =>
      api<{ profile: ProfileState }>(`/api/public-site/profiles/${seg(profile.therapistId)}/unpublish`, {
        method: 'POST',
      }),
    onSettled: done,
  });
  return { publish, unpublish };
}

export function useMyProfile() {
  return useQuery({
    queryKey: siteAdminKeys.myProfile,
    queryFn: () => api<ProfileState>('/api/public-site/my-profile'),
    refetchOnWindowFocus: false,
  });
}

export function useSaveMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (content: ProfileContent) =>
      api<ProfileState>('/api/public-site/my-profile', { method: 'PUT', body: content }),
    onSuccess: (state) => queryClient.setQueryData(siteAdminKeys.myProfile, state),
  });
}

/** Sends the photo's bytes as they are (the server reads the type from them), with its description. */
async function uploadPhoto({ file, alt }: { file: File; alt: string }): Promise<ProfileState> {
  let response: Response;
  try {
    response = await fetch(`/api/public-site/my-profile/photo?alt=${encodeURIComponent(alt)}`, {
      method: 'PUT',
      headers: {
        Accept: 'application/json',
        'X-Undercurrent-CSRF': '1',
        // The server trusts the bytes, not this: any picture goes as plain bytes.
        'Content-Type': 'application/octet-stream',
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', strings.errors.network);
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, data);
  return data as ProfileState;
}

export function useUploadPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadPhoto,
    onSuccess: (state) => queryClient.setQueryData(siteAdminKeys.myProfile, state),
  });
}

export const previewPhotoUrl = (photoId: string): string => `/api/public-site/photos/${seg(photoId)}`;
