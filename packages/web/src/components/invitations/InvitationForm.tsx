import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { api } from '../../api/client';
import type { Invitation, Role } from '../../api/types';
import { strings } from '../../strings';
import { FormStatus } from '../FormStatus';
import { SelectField } from '../SelectField';
import { TextInput } from '../TextInput';
import { ActionButton } from '../ActionButton';
import { useFieldErrors } from '../use-field-errors';
import { EmailField } from '../EmailField';

/** Invite someone by name and e-mail; an admin chooses the role, a therapist can invite clients only. */
export function InvitationForm({ roles }: { roles: readonly Role[] }) {
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles[0] ?? 'client');
  const invite = useMutation({
    mutationFn: () =>
      api<Invitation>('/api/invitations', {
        method: 'POST',
        body: { email: email.trim(), displayName: displayName.trim(), role },
      }),
    onSuccess: () => {
      setDisplayName('');
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
    },
  });

  const errors = useFieldErrors(invite.error);

  return (
    <Form
      className="form"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        invite.mutate();
      }}
    >
      <div className="form-row">
        <TextInput
          label={strings.fields.personName}
          name="displayName"
          value={displayName}
          onChange={setDisplayName}
          autoComplete="off"
          maxLength={200}
          isRequired
          requiredMessage={strings.required.personName}
        />
        <EmailField value={email} onChange={setEmail} autoComplete="off" />
      </div>
      {roles.length > 1 ? (
        <SelectField
          label={strings.fields.role}
          name="role"
          value={role}
          onChange={setRole}
          options={roles.map((r) => ({ value: r, label: strings.roles[r] }))}
        />
      ) : (
        <p className="field-hint">{strings.invitations.roleClientOnly}</p>
      )}
      <FormStatus
        pending={invite.isPending}
        error={invite.error}
        success={invite.isSuccess ? strings.invitations.sent(invite.data.email) : null}
      />
      <ActionButton type="submit" className="button button-primary" isPending={invite.isPending}>
        {strings.invitations.submit}
      </ActionButton>
    </Form>
  );
}
