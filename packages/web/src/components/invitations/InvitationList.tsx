import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { Invitation, InvitationStatus } from '../../api/types';
import { strings } from '../../strings';
import { FormStatus } from '../FormStatus';
import { SelectField } from '../SelectField';
import { Empty, QueryStatus } from '../States';
import { InvitationItem } from './InvitationItem';

type Filter = InvitationStatus | '';

const FILTERS: { value: Filter; label: string }[] = [
  { value: '', label: strings.invitations.anyStatus },
  ...(['pending', 'accepted', 'expired', 'revoked'] as const).map((s) => ({
    value: s,
    label: strings.invitationStatus[s],
  })),
];

/** Invitations (an admin sees all, a therapist those they sent), filterable by status. */
export function InvitationList({ headingId }: { headingId: string }) {
  const [status, setStatus] = useState<Filter>('');
  const [message, setMessage] = useState<string | null>(null);
  const invitations = useQuery({
    queryKey: keys.invitations(status),
    queryFn: () => api<Invitation[]>(`/api/invitations${status ? `?status=${status}` : ''}`),
  });
  return (
    <section aria-labelledby={headingId} className="stack-small">
      <div className="section-heading">
        <h2 id={headingId}>{strings.invitations.listHeading}</h2>
        <SelectField
          label={strings.invitations.filterStatus}
          name="status"
          value={status}
          onChange={setStatus}
          options={FILTERS}
        />
      </div>
      <FormStatus success={message} />
      <QueryStatus query={invitations} />
      {invitations.data?.length === 0 ? (
        <Empty>{status ? strings.invitations.emptyFiltered : strings.invitations.empty}</Empty>
      ) : null}
      {invitations.data && invitations.data.length > 0 ? (
        <ul className="item-list">
          {invitations.data.map((invitation) => (
            <InvitationItem key={invitation.id} invitation={invitation} onChange={setMessage} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
