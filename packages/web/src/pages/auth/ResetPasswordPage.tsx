import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { api, seg } from '../../api/client';
import { messageOf } from '../../api/errors';
import { keys, resetSession } from '../../api/queries';
import type { PasswordResetLookup } from '../../api/types';
import { FormStatus } from '../../components/FormStatus';
import { NewPasswordField } from '../../components/NewPasswordField';
import { Page } from '../../components/Page';
import { Loading } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';
import { useFieldErrors } from '../../components/use-field-errors';

/** Choosing a new password from an e-mailed link. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const lookup = useQuery({
    queryKey: keys.passwordReset(token),
    queryFn: () => api<PasswordResetLookup>(`/api/auth/password-reset/${seg(token)}`),
    retry: false,
  });
  const complete = useMutation({
    mutationFn: () =>
      api<{ ok: boolean }>('/api/auth/password-reset/complete', { method: 'POST', body: { token, password } }),
    onSuccess: () => resetSession(queryClient),
  });

  const errors = useFieldErrors(complete.error);

  if (lookup.isPending) {
    return (
      <Page title={strings.reset.title} narrow>
        <Loading />
      </Page>
    );
  }
  if (lookup.isError) {
    return (
      <Page title={strings.reset.invalid} narrow>
        <p className="notice notice-error">{messageOf(lookup.error)}</p>
        <p>
          <Link to="/forgot-password">{strings.reset.requestNew}</Link>
        </p>
      </Page>
    );
  }
  if (complete.isSuccess) {
    return (
      <Page title={strings.reset.title} narrow>
        <p className="notice notice-success" role="status">
          {strings.reset.done}
        </p>
        <p>
          <Link className="button button-primary" to="/sign-in">
            {strings.reset.signIn}
          </Link>
        </p>
      </Page>
    );
  }

  const info = lookup.data;
  return (
    <Page title={strings.reset.title} lead={strings.reset.forAccount(info.email, info.practiceName)} narrow>
      <Form
        className="form card"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          complete.mutate();
        }}
      >
        <input type="email" name="username" autoComplete="username" value={info.email} readOnly hidden />
        <NewPasswordField
          label={strings.fields.newPassword}
          value={password}
          onChange={setPassword}
          requiredMessage={strings.required.newPassword}
          context={{ email: info.email }}
        />
        <p className="field-hint">{strings.reset.expires(formatDateTime(info.expiresAt))}</p>
        <FormStatus pending={complete.isPending} error={complete.error} />
        <ActionButton type="submit" className="button button-primary" isPending={complete.isPending}>
          {strings.reset.submit}
        </ActionButton>
      </Form>
    </Page>
  );
}
