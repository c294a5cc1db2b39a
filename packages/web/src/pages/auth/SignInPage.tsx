import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { resetSession, useMe, usePractices } from '../../api/queries';
import type { SignInResponse } from '../../api/types';
import { ENROLMENT_PATH } from '../../app/guards';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { PasswordInput } from '../../components/PasswordInput';
import { Empty, LoadError, Loading } from '../../components/States';
import { safeNextPath } from '../../lib/next-path';
import { strings } from '../../strings';
import { chosenPractice, PracticeField } from './PracticeField';
import { ActionButton } from '../../components/ActionButton';
import { useFieldErrors } from '../../components/use-field-errors';
import { EmailField } from '../../components/EmailField';

export function SignInPage() {
  const practices = usePractices();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [practiceId, setPracticeId] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const arrival = location.state as { signedOut?: boolean; sessionEnded?: boolean; rolesChanged?: boolean } | null;
  const signedOut = arrival?.signedOut === true;
  const sessionEnded = arrival?.sessionEnded === true;

  const list = practices.data?.practices ?? [];
  const practice = chosenPractice(list, practiceId);

  const signIn = useMutation({
    mutationFn: () =>
      api<SignInResponse>('/api/auth/sign-in', {
        method: 'POST',
        body: { practiceId: practice?.id, email: email.trim(), password },
      }),
    onSuccess: async (result) => {
      await resetSession(queryClient);
      if (result.stage === 'active') await navigate(next, { replace: true });
      else if (result.stage === 'mfa_enrolment') await navigate(ENROLMENT_PATH, { replace: true });
      else
        await navigate(`/sign-in/verify?next=${encodeURIComponent(next)}`, {
          replace: true,
          state: { methods: result.mfaMethods },
        });
    },
  });

  const errors = useFieldErrors(signIn.error);

  if (practices.isPending || me.isPending) {
    return (
      <Page title={strings.signIn.title} narrow>
        <Loading />
      </Page>
    );
  }
  if (practices.isError) {
    return (
      <Page title={strings.signIn.title} narrow>
        <LoadError error={practices.error} onRetry={() => void practices.refetch()} />
      </Page>
    );
  }
  if (practices.data.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data?.session.stage === 'active' && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={next} replace />;
  }
  if (!practice) {
    return (
      <Page title={strings.signIn.title} narrow>
        <Empty>{strings.signIn.noPractices}</Empty>
      </Page>
    );
  }

  return (
    <Page title={strings.signIn.title} lead={list.length === 1 ? practice.name : strings.signIn.lead} narrow>
      {signedOut ? <p className="notice notice-info">{strings.shell.signedOut}</p> : null}
      {arrival?.rolesChanged ? (
        <p className="notice notice-info" role="status">
          {strings.shell.rolesChanged}
        </p>
      ) : null}
      {sessionEnded ? (
        <p className="notice notice-info" role="status">
          {strings.shell.sessionEnded}
        </p>
      ) : null}
      <Form
        className="form card"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate();
        }}
      >
        <PracticeField practices={list} value={practice.id} onChange={setPracticeId} />
        <EmailField value={email} onChange={setEmail} autoComplete="username" />
        <PasswordInput
          label={strings.fields.password}
          name="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
        />
        <FormStatus pending={signIn.isPending} error={signIn.error} />
        <div className="button-row">
          <ActionButton type="submit" className="button button-primary" isPending={signIn.isPending}>
            {strings.signIn.submit}
          </ActionButton>
          <Link to="/forgot-password" className="quiet-link">
            {strings.signIn.forgot}
          </Link>
        </div>
      </Form>
    </Page>
  );
}
