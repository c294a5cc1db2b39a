import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { keys, resetSession, usePractices } from '../../api/queries';
import type { StageResponse } from '../../api/types';
import { ENROLMENT_PATH } from '../../app/guards';
import { FormStatus } from '../../components/FormStatus';
import { NewPasswordField } from '../../components/NewPasswordField';
import { Page } from '../../components/Page';
import { LoadError, Loading } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';
import { useFieldErrors } from '../../components/use-field-errors';
import { EmailField } from '../../components/EmailField';
import { OwnNameField } from '../../components/OwnNameField';

const FIELD_ALIASES = { 'admin.displayName': 'displayName', 'admin.email': 'email', 'admin.password': 'password' };

/** First run: create the practice and its first administrator, then straight on to two-step verification. */
export function SetupPage() {
  const practices = usePractices();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [practiceName, setPracticeName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const setup = useMutation({
    mutationFn: () =>
      api<StageResponse>('/api/setup', {
        method: 'POST',
        body: {
          practiceName: practiceName.trim(),
          admin: { displayName: displayName.trim(), email: email.trim(), password },
        },
      }),
    onSuccess: async () => {
      await resetSession(queryClient);
      await navigate(ENROLMENT_PATH, { replace: true });
      await queryClient.invalidateQueries({ queryKey: keys.practices });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: keys.practices });
    },
  });

  const errors = useFieldErrors(setup.error, FIELD_ALIASES);

  if (practices.isPending) {
    return (
      <Page title={strings.setup.title} narrow>
        <Loading />
      </Page>
    );
  }
  if (practices.isError) {
    return (
      <Page title={strings.setup.title} narrow>
        <LoadError error={practices.error} onRetry={() => void practices.refetch()} />
      </Page>
    );
  }
  if (!practices.data.needsSetup && !setup.isSuccess && !setup.isPending) {
    return setup.isError ? (
      <Page title={strings.setup.title} narrow>
        <p className="notice notice-info">{strings.setup.alreadyDone}</p>
        <p>
          <Link to="/sign-in">{strings.signIn.title}</Link>
        </p>
      </Page>
    ) : (
      <Navigate to="/sign-in" replace />
    );
  }

  return (
    <Page title={strings.setup.title} lead={strings.setup.lead} narrow>
      <Form
        className="form card"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          setup.mutate();
        }}
      >
        <fieldset className="fieldset">
          <legend>{strings.setup.practiceHeading}</legend>
          <TextInput
            label={strings.fields.practiceName}
            name="practiceName"
            value={practiceName}
            onChange={setPracticeName}
            description={strings.fields.practiceNameHint}
            autoComplete="organization"
            maxLength={200}
            isRequired
            requiredMessage={strings.required.practiceName}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{strings.setup.youHeading}</legend>
          <OwnNameField value={displayName} onChange={setDisplayName} />
          <EmailField value={email} onChange={setEmail} autoComplete="email" />
          <NewPasswordField value={password} onChange={setPassword} context={{ email, displayName }} />
        </fieldset>
        <FormStatus
          pending={setup.isPending}
          error={setup.error}
          success={setup.isSuccess ? strings.setup.done : null}
        />
        <ActionButton type="submit" className="button button-primary" isPending={setup.isPending}>
          {strings.setup.submit}
        </ActionButton>
      </Form>
    </Page>
  );
}
