import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { api, seg } from '../../api/client';
import { keys } from '../../api/queries';
import type { Passkey } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Empty, LoadError, Loading } from '../../components/States';
import { formatDate } from '../../lib/format';
import { strings } from '../../strings';

function PasskeyItem({ passkey, onRemoved }: { passkey: Passkey; onRemoved: () => void }) {
  const remove = useMutation({
    mutationFn: (password: string) =>
      api<{ ok: boolean }>(`/api/me/mfa/passkeys/${seg(passkey.id)}`, { method: 'DELETE', body: { password } }),
  });
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">{passkey.name}</p>
        <p className="item-meta">
          {strings.security.passkeyCreated(formatDate(passkey.createdAt))},{' '}
          {passkey.lastUsedAt
            ? strings.security.passkeyLastUsed(formatDate(passkey.lastUsedAt))
            : strings.security.passkeyNeverUsed}
        </p>
      </div>
      <div className="item-actions">
        <ConfirmDialog
          trigger={<Button className="button button-quiet">{strings.security.passkeyRemove}</Button>}
          title={strings.security.passkeyRemoveTitle(passkey.name)}
          body={<p>{strings.security.passkeyRemoveBody}</p>}
          confirmLabel={strings.security.passkeyRemove}
          pending={remove.isPending}
          error={remove.error}
          withPassword
          onConfirm={(close, password) => remove.mutate(password, { onSuccess: () => (close(), onRemoved()) })}
        />
      </div>
    </li>
  );
}

/** The person’s passkeys, each removable after a confirmation with their password. */
export function PasskeyList() {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const passkeys = useQuery({ queryKey: keys.passkeys, queryFn: () => api<Passkey[]>('/api/me/mfa/passkeys') });
  const onRemoved = () => {
    setStatus(strings.security.passkeyRemoved);
    void queryClient.invalidateQueries({ queryKey: keys.passkeys });
    void queryClient.invalidateQueries({ queryKey: keys.me });
  };
  if (passkeys.isPending) return <Loading />;
  if (passkeys.isError) return <LoadError error={passkeys.error} onRetry={() => void passkeys.refetch()} />;
  return (
    <>
      <FormStatus success={status} />
      {passkeys.data.length === 0 ? (
        <Empty>{strings.security.passkeysEmpty}</Empty>
      ) : (
        <ul className="item-list">
          {passkeys.data.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} onRemoved={onRemoved} />
          ))}
        </ul>
      )}
    </>
  );
}
