import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useCurrentUser } from '../../app/current-user';
import { FormStatus } from '../../components/FormStatus';
import { NewPasswordField } from '../../components/NewPasswordField';
import { Page } from '../../components/Page';
import { PasswordInput } from '../../components/PasswordInput';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';
import { useFieldErrors } from '../../components/use-field-errors';
import { ThemeChoice } from './ThemeChoice';

function ChangePasswordForm() {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () =>
      api<{ ok: boolean }>('/api/me/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      void queryClient.invalidateQueries({ queryKey: keys.sessions });
    },
  });
  const errors = useFieldErrors(change.error);
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{strings.account.passwordHeading}</h2>
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate();
        }}
      >
        <input type="email" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
        <PasswordInput
          label={strings.fields.currentPassword}
          name="currentPassword"
          value={currentPassword}
          onChange={setCurrentPassword}
          autoComplete="current-password"
          requiredMessage={strings.required.currentPassword}
        />
        <NewPasswordField
          label={strings.fields.newPassword}
          name="newPassword"
          value={newPassword}
          onChange={setNewPassword}
          requiredMessage={strings.required.newPassword}
          context={{ email: me.user.email, displayName: me.user.displayName }}
        />
        <FormStatus
          pending={change.isPending}
          error={change.error}
          success={change.isSuccess ? strings.account.passwordChanged : null}
        />
        <ActionButton type="submit" className="button button-primary" isPending={change.isPending}>
          {strings.account.passwordSubmit}
        </ActionButton>
      </Form>
    </section>
  );
}

/** Who you are here, and your password. */
export function AccountPage() {
  const me = useCurrentUser();
  return (
    <Page title={strings.account.title}>
      <div className="stack">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">{strings.account.detailsHeading}</h2>
          <dl className="facts">
            <div>
              <dt>{strings.account.name}</dt>
              <dd>{me.user.displayName}</dd>
            </div>
            <div>
              <dt>{strings.account.email}</dt>
              <dd>{me.user.email}</dd>
            </div>
            <div>
              <dt>{strings.account.roles}</dt>
              <dd>{me.user.roles.map((role) => strings.roles[role]).join(', ')}</dd>
            </div>
            <div>
              <dt>{strings.account.practice}</dt>
              <dd>{me.practice.name}</dd>
            </div>
          </dl>
          <p className="muted">{strings.account.detailsNote}</p>
        </section>
        <ThemeChoice />
        <ChangePasswordForm />
      </div>
    </Page>
  );
}
