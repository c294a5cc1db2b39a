import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { api, seg } from '../../api/client';
import type { Invitation, InvitationStatus } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { strings } from '../../strings';
import { Badge, type BadgeTone } from '../Badge';
import { ConfirmDialog } from '../ConfirmDialog';
import { FormStatus } from '../FormStatus';
import { ActionButton } from '../ActionButton';

const TONES: Record<InvitationStatus, BadgeTone> = {
  pending: 'waiting',
  accepted: 'good',
  expired: 'neutral',
  revoked: 'bad',
};

/** One invitation with its status, and resend / withdraw while it is still open. */
export function InvitationItem({ invitation, onChange }: { invitation: Invitation; onChange: (msg: string) => void }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['invitations'] });
  const resend = useMutation({
    mutationFn: () => api<Invitation>(`/api/invitations/${seg(invitation.id)}/resend`, { method: 'POST' }),
    onSuccess: () => {
      onChange(strings.invitations.resent(invitation.email));
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => api<Invitation>(`/api/invitations/${seg(invitation.id)}`, { method: 'DELETE' }),
  });
  const open = invitation.status === 'pending' || invitation.status === 'expired';

  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          {invitation.displayName}{' '}
          <Badge tone={TONES[invitation.status]}>{strings.invitationStatus[invitation.status]}</Badge>
        </p>
        <p className="item-meta">
          {invitation.email} · {strings.roles[invitation.role]}
        </p>
        <p className="item-meta">
          {strings.invitations.sentOn(formatDateTime(invitation.createdAt))}
          {invitation.invitedByName ? ` ${strings.invitations.invitedBy(invitation.invitedByName)}` : ''}
          {invitation.status === 'pending'
            ? ` · ${strings.invitations.expiresOn(formatDateTime(invitation.expiresAt))}`
            : ''}
          {invitation.acceptedAt ? ` · ${strings.invitations.acceptedOn(formatDateTime(invitation.acceptedAt))}` : ''}
        </p>
        {resend.error ? <FormStatus error={resend.error} /> : null}
      </div>
      {open ? (
        <div className="item-actions">
          <ActionButton
            className="button button-secondary"
            aria-label={`${strings.invitations.resend}: ${invitation.email}`}
            onPress={() => resend.mutate()}
            isPending={resend.isPending}
          >
            {strings.invitations.resend}
          </ActionButton>
          {invitation.status === 'pending' ? (
            <ConfirmDialog
              trigger={
                <Button
                  className="button button-quiet"
                  aria-label={`${strings.invitations.revoke}: ${invitation.email}`}
                >
                  {strings.invitations.revoke}
                </Button>
              }
              title={strings.invitations.revokeTitle(invitation.email)}
              body={<p>{strings.invitations.revokeBody}</p>}
              confirmLabel={strings.invitations.revoke}
              pending={revoke.isPending}
              error={revoke.error}
              onConfirm={(close) =>
                revoke.mutate(undefined, {
                  onSuccess: () => {
                    close();
                    onChange(strings.invitations.revoked(invitation.email));
                    void refresh();
                  },
                })
              }
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
