import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { api, seg } from '../../api/client';
import { keys } from '../../api/queries';
import type { SessionInfo } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDateTime, isoOf } from '../../lib/format';
import { describeUserAgent } from '../../lib/user-agent';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';

function SessionItem({ session, onSignedOut }: { session: SessionInfo; onSignedOut: () => void }) {
  const device = describeUserAgent(session.userAgent);
  const revoke = useMutation({
    mutationFn: () => api<{ ok: boolean }>(`/api/me/sessions/${seg(session.id)}`, { method: 'DELETE' }),
    onSuccess: onSignedOut,
  });
  return (
    <li className="item" data-current={session.current || undefined}>
      <div className="item-main">
        <p className="item-title">
          {device} {session.current ? <Badge tone="info">{strings.sessions.thisDevice}</Badge> : null}
        </p>
        <dl className="item-facts">
          <div>
            <dt>{strings.sessions.started}</dt>
            <dd>
              <time dateTime={isoOf(session.createdAt)}>{formatDateTime(session.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>{strings.sessions.lastSeen}</dt>
            <dd>
              <time dateTime={isoOf(session.lastSeenAt)}>{formatDateTime(session.lastSeenAt)}</time>
            </dd>
          </div>
          <div>
            <dt>{strings.sessions.expires}</dt>
            <dd>
              <time dateTime={isoOf(session.expiresAt)}>{formatDateTime(session.expiresAt)}</time>
            </dd>
          </div>
          {session.ip ? (
            <div>
              <dt>{strings.sessions.address}</dt>
              <dd>{session.ip}</dd>
            </div>
          ) : null}
        </dl>
        {revoke.error ? <FormStatus error={revoke.error} /> : null}
      </div>
      {!session.current ? (
        <div className="item-actions">
          <ActionButton
            className="button button-secondary"
            aria-label={strings.sessions.signOutSession(device)}
            onPress={() => revoke.mutate()}
            isPending={revoke.isPending}
          >
            {strings.sessions.signOut}
          </ActionButton>
        </div>
      ) : null}
    </li>
  );
}

/** Where the person is signed in, with a way to end any other session. */
export function SessionsPage() {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const sessions = useQuery({ queryKey: keys.sessions, queryFn: () => api<SessionInfo[]>('/api/me/sessions') });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.sessions });
  const revokeOthers = useMutation({
    mutationFn: () => api<{ revoked: number }>('/api/me/sessions/revoke-others', { method: 'POST' }),
    onSuccess: (result) => {
      setStatus(strings.sessions.signedOutOthers(result.revoked));
      void refresh();
    },
  });
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;
  const ordered = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current));

  return (
    <Page
      title={strings.sessions.title}
      lead={strings.sessions.lead}
      actions={
        others > 0 ? (
          <ConfirmDialog
            trigger={<Button className="button button-secondary">{strings.sessions.signOutOthers}</Button>}
            title={strings.sessions.signOutOthersTitle}
            body={<p>{strings.sessions.signOutOthersBody}</p>}
            confirmLabel={strings.sessions.signOutOthers}
            pending={revokeOthers.isPending}
            error={revokeOthers.error}
            onConfirm={(close) => revokeOthers.mutate(undefined, { onSuccess: close })}
          />
        ) : null
      }
    >
      <FormStatus success={status} />
      <QueryStatus query={sessions} />
      {sessions.data ? (
        <>
          <ul className="item-list" aria-label={strings.sessions.listLabel}>
            {ordered.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                onSignedOut={() => {
                  setStatus(strings.sessions.signedOut);
                  void refresh();
                }}
              />
            ))}
          </ul>
          {others === 0 ? <Empty>{strings.sessions.onlyThis}</Empty> : null}
        </>
      ) : null}
    </Page>
  );
}
