import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { resetSession } from '../api/queries';

/** Signs out on the server, forgets everything this session could see, and goes to sign-in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api<{ ok: boolean }>('/api/auth/sign-out', { method: 'POST' }),
    onSettled: async () => {
      await resetSession(queryClient).catch(() => null);
      await navigate('/sign-in', { state: { signedOut: true } });
    },
  });
}
