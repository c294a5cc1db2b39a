import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import { api, seg } from '../../api/client';
import { messageOf } from '../../api/errors';
import { keys, resetSession, useMe } from '../../api/queries';
import type { InvitationLookup, StageResponse } from '../../api/types';
import { ENROLMENT_PATH } from '../../app/guards';
import { FormStatus } from '../../components/FormStatus';
import { NewPasswordField } from '../../components/NewPasswordField';
import { Page } from '../../components/Page';
import { Loading } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';
import { useFieldErrors } from '../../components/use-field-errors';
import { OwnNameField } from '../../components/OwnNameField';

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationLookup }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const [displayName, setDisplayName] = useState(invitation.displayName);
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: () =>
      api<StageResponse>('/api/invitations/accept', {
        method: 'POST',
        body: { token, password, displayName: displayName.trim() },
      }),
    onSuccess: async (result) => {
      await resetSession(queryClient);
      await navigate(result.stage === 'mfa_enrolment' ? ENROLMENT_PATH : '/', { replace: true });
    },
  });

  const errors = useFieldErrors(accept.error);

  return (
    <Form
      className="form card"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        accept.mutate();
      }}
    >
      {me.data ? <p className="notice notice-info">{strings.invite.signedInAs(me.data.user.displayName)}</p> : null}
      <dl className="facts">
        <div>
          <dt>{strings.invite.email}</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>{strings.fields.role}</dt>
          <dd>{strings.roles[invitation.role]}</dd>
        </div>
      </dl>
      <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
      <OwnNameField value={displayName} onChange={setDisplayName} />
      <NewPasswordField value={password} onChange={setPassword} context={{ email: invitation.email, displayName }} />
      {invitation.staff ? <p className="field-hint">{strings.invite.staffNext}</p> : null}
      <FormStatus pending={accept.isPending} error={accept.error} />
      <ActionButton type="submit" className="button button-primary" isPending={accept.isPending}>
        {strings.invite.submit}
      </ActionButton>
    </Form>
  );
}

/** Accepting an invitation: who invited whom to what, then a password (and, for staff, enrolment). */
export function InvitePage() {
  const { token = '' } = useParams();
  const lookup = useQuery({
    queryKey: keys.invitationLookup(token),
    queryFn: () => api<InvitationLookup>(`/api/invitations/lookup/${seg(token)}`),
    retry: false,
    staleTime: Infinity,
  });

  if (lookup.isPending) {
    return (
      <Page title={strings.invite.loadingTitle} narrow>
        <Loading />
      </Page>
    );
  }
  if (lookup.isError) {
    return (
      <Page title={strings.invite.invalid} narrow>
        <p className="notice notice-error">{messageOf(lookup.error)}</p>
        <p>
          <Link to="/sign-in">{strings.signIn.title}</Link>
        </p>
      </Page>
    );
  }
  const invitation = lookup.data;
  return (
    <Page
      title={strings.invite.title(invitation.practiceName)}
      lead={
        <>
          {strings.invite.lead(invitation.displayName, strings.roleArticle[invitation.role])}{' '}
          {strings.invite.expires(formatDateTime(invitation.expiresAt))}
        </>
      }
      narrow
    >
      <AcceptForm token={token} invitation={invitation} />
    </Page>
  );
}
