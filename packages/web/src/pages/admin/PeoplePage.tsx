import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { api, seg } from '../../api/client';
import { keys } from '../../api/queries';
import type { Person, PersonStatus, Role } from '../../api/types';
import { useCurrentUser } from '../../app/current-user';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { PersonSummary } from '../../components/PersonSummary';
import { SelectField } from '../../components/SelectField';
import { Empty, QueryStatus } from '../../components/States';
import { strings } from '../../strings';
import { EditRolesDialog } from './EditRolesDialog';

const ROLE_FILTERS: { value: Role | ''; label: string }[] = [
  { value: '', label: strings.people.anyRole },
  ...(['admin', 'therapist', 'supervisor', 'client'] as const).map((r) => ({ value: r, label: strings.roles[r] })),
];
const STATUS_FILTERS: { value: PersonStatus | ''; label: string }[] = [
  { value: '', label: strings.people.anyStatus },
  { value: 'active', label: strings.personStatus.active },
  { value: 'disabled', label: strings.personStatus.disabled },
];

function PersonItem({ person, isYou, onChange }: { person: Person; isYou: boolean; onChange: (m: string) => void }) {
  const queryClient = useQueryClient();
  const disabling = person.status === 'active';
  const setStatus = useMutation({
    mutationFn: () =>
      api<Person>(`/api/people/${seg(person.id)}`, {
        method: 'PATCH',
        body: { status: disabling ? 'disabled' : 'active' },
      }),
  });
  return (
    <li className="item">
      <PersonSummary person={person} isYou={isYou} />
      <div className="item-actions">
        <EditRolesDialog person={person} isYou={isYou} onSaved={onChange} />
        {/* Disabling your own account would sign you out at once and lock you out: another administrator can. */}
        {isYou ? null : (
          <ConfirmDialog
            trigger={
              <Button
                className="button button-quiet"
                aria-label={`${disabling ? strings.people.disable : strings.people.enable}: ${person.displayName}`}
              >
                {disabling ? strings.people.disable : strings.people.enable}
              </Button>
            }
            title={
              disabling
                ? strings.people.disableTitle(person.displayName)
                : strings.people.enableTitle(person.displayName)
            }
            body={<p>{disabling ? strings.people.disableBody : strings.people.enableBody}</p>}
            confirmLabel={disabling ? strings.people.disable : strings.people.enable}
            tone={disabling ? 'danger' : 'primary'}
            pending={setStatus.isPending}
            error={setStatus.error}
            onConfirm={(close) =>
              setStatus.mutate(undefined, {
                onSuccess: () => {
                  close();
                  onChange(
                    disabling
                      ? strings.people.disabled(person.displayName)
                      : strings.people.enabled(person.displayName),
                  );
                  void queryClient.invalidateQueries({ queryKey: ['people'] });
                },
              })
            }
          />
        )}
      </div>
    </li>
  );
}

/** Everyone in the practice: roles, status, and the admin’s changes to them. */
export function PeoplePage() {
  const me = useCurrentUser();
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<PersonStatus | ''>('');
  const [message, setMessage] = useState<string | null>(null);
  const people = useQuery({
    queryKey: keys.people(role, status),
    queryFn: () => {
      const params = new URLSearchParams();
      if (role) params.set('role', role);
      if (status) params.set('status', status);
      const query = params.toString();
      return api<Person[]>(`/api/people${query ? `?${query}` : ''}`);
    },
  });
  return (
    <Page title={strings.people.title} lead={strings.people.lead}>
      <div className="filters">
        <SelectField
          label={strings.people.filterRole}
          name="role"
          value={role}
          onChange={setRole}
          options={ROLE_FILTERS}
        />
        <SelectField
          label={strings.people.filterStatus}
          name="status"
          value={status}
          onChange={setStatus}
          options={STATUS_FILTERS}
        />
      </div>
      <FormStatus success={message} />
      <QueryStatus query={people} />
      {people.data?.length === 0 ? <Empty>{strings.people.empty}</Empty> : null}
      {people.data && people.data.length > 0 ? (
        <ul className="item-list">
          {people.data.map((person) => (
            <PersonItem key={person.id} person={person} isYou={person.id === me.user.id} onChange={setMessage} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
