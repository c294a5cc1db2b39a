import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { usePractices } from '../../api/queries';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { strings } from '../../strings';
import { chosenPractice, PracticeField } from './PracticeField';
import { ActionButton } from '../../components/ActionButton';
import { useFieldErrors } from '../../components/use-field-errors';
import { EmailField } from '../../components/EmailField';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const practices = usePractices();
  const [practiceId, setPracticeId] = useState('');
  const [email, setEmail] = useState('');
  const list = practices.data?.practices ?? [];
  const practice = chosenPractice(list, practiceId);

  const request = useMutation({
    mutationFn: () =>
      api<{ ok: boolean }>('/api/auth/password-reset/request', {
        method: 'POST',
        body: { practiceId: practice?.id, email: email.trim() },
      }),
  });

  const errors = useFieldErrors(request.error);

  return (
    <Page title={strings.forgot.title} lead={strings.forgot.lead} narrow>
      <QueryStatus query={practices} />
      {practice ? (
        <Form
          className="form card"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate();
          }}
        >
          <PracticeField practices={list} value={practice.id} onChange={setPracticeId} />
          <EmailField value={email} onChange={setEmail} autoComplete="email" />
          <FormStatus
            pending={request.isPending}
            error={request.error}
            success={request.isSuccess ? strings.forgot.sent : null}
          />
          <ActionButton type="submit" className="button button-primary" isPending={request.isPending}>
            {strings.forgot.submit}
          </ActionButton>
        </Form>
      ) : null}
      <p>
        <Link to="/sign-in">{strings.forgot.backToSignIn}</Link>
      </p>
    </Page>
  );
}
