import { useMutation, useQueryClient } from '@tanstack/react-query';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';
import { Button, Form, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { resetSession, useMe } from '../../api/queries';
import type { MfaMethod, StageResponse } from '../../api/types';
import { ENROLMENT_PATH } from '../../app/guards';
import { useSignOut } from '../../app/use-sign-out';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Loading } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { sixDigits } from '../../lib/codes';
import { safeNextPath } from '../../lib/next-path';
import { passkeyProblem } from '../../lib/webauthn-errors';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';
import { useFieldErrors } from '../../components/use-field-errors';

const ALL_METHODS: MfaMethod[] = ['totp', 'passkey', 'recovery'];
const LOW_RECOVERY_CODES = 3;

/** The second step of signing in: a code from an authenticator app, a passkey, or a recovery code. */
export function VerifyPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const offered = (location.state as { methods?: MfaMethod[] } | null)?.methods;
  const methods = (offered?.length ? offered : ALL_METHODS).filter((m) => m !== 'passkey' || browserSupportsWebAuthn());
  const signOut = useSignOut();
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [codesLeft, setCodesLeft] = useState<number | null>(null);

  const finish = async () => {
    await resetSession(queryClient);
    await navigate(next, { replace: true });
  };

  const totp = useMutation({
    mutationFn: () =>
      api<StageResponse>('/api/auth/mfa/totp', { method: 'POST', body: { code: code.replace(/\s/g, '') } }),
    onSuccess: finish,
  });
  const recovery = useMutation({
    mutationFn: () =>
      api<StageResponse & { recoveryCodesLeft: number }>('/api/auth/mfa/recovery', {
        method: 'POST',
        body: { code: recoveryCode.trim() },
      }),
    onSuccess: async (result) => {
      if (result.recoveryCodesLeft <= LOW_RECOVERY_CODES) {
        await resetSession(queryClient);
        setCodesLeft(result.recoveryCodesLeft);
      } else await finish();
    },
  });
  const passkey = useMutation({
    mutationFn: async () => {
      const optionsJSON = await api<PublicKeyCredentialRequestOptionsJSON>('/api/auth/mfa/passkey/options', {
        method: 'POST',
      });
      const response = await startAuthentication({ optionsJSON });
      return api<StageResponse>('/api/auth/mfa/passkey', { method: 'POST', body: { response } });
    },
    onSuccess: finish,
  });
  const totpErrors = useFieldErrors(totp.error);
  const recoveryErrors = useFieldErrors(recovery.error);
  const busy = totp.isPending || recovery.isPending || passkey.isPending;

  if (codesLeft !== null) {
    return (
      <Page title={strings.verify.title} narrow>
        <p className="notice notice-warning" role="status">
          {strings.verify.recoveryLeft(codesLeft)}
        </p>
        <Button className="button button-primary" onPress={() => void navigate(next, { replace: true })}>
          {strings.enrol.continue}
        </Button>
      </Page>
    );
  }
  if (me.isPending) {
    return (
      <Page title={strings.verify.title} narrow>
        <Loading />
      </Page>
    );
  }
  if (!busy) {
    if (!me.data) return <Navigate to="/sign-in" replace />;
    if (me.data.session.stage === 'active') return <Navigate to={next} replace />;
    if (me.data.session.stage === 'mfa_enrolment') return <Navigate to={ENROLMENT_PATH} replace />;
  }

  const passkeyError =
    passkey.error && !(passkey.error instanceof ApiError)
      ? new ApiError(
          0,
          'passkey',
          passkeyProblem(passkey.error) === 'cancelled'
            ? strings.verify.passkeyCancelled
            : strings.verify.passkeyFailed,
        )
      : passkey.error;

  return (
    <Page title={strings.verify.title} lead={strings.verify.lead} narrow>
      <Tabs className="tabs card" defaultSelectedKey={methods[0]}>
        <TabList className="tab-list" aria-label={strings.verify.tabs}>
          {methods.includes('totp') ? (
            <Tab id="totp" className="tab">
              {strings.verify.totpTab}
            </Tab>
          ) : null}
          {methods.includes('passkey') ? (
            <Tab id="passkey" className="tab">
              {strings.verify.passkeyTab}
            </Tab>
          ) : null}
          {methods.includes('recovery') ? (
            <Tab id="recovery" className="tab">
              {strings.verify.recoveryTab}
            </Tab>
          ) : null}
        </TabList>
        {methods.includes('totp') ? (
          <TabPanel id="totp" className="tab-panel">
            <Form
              className="form"
              validationErrors={totpErrors}
              onSubmit={(event) => {
                event.preventDefault();
                totp.mutate();
              }}
            >
              <TextInput
                label={strings.fields.code}
                name="code"
                value={code}
                onChange={setCode}
                description={strings.fields.codeHint}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={7}
                validate={sixDigits}
                className="field-code"
                autoFocus
                isRequired
                requiredMessage={strings.required.code}
              />
              <FormStatus pending={totp.isPending} error={totp.error} />
              <ActionButton type="submit" className="button button-primary" isPending={totp.isPending}>
                {strings.verify.totpSubmit}
              </ActionButton>
            </Form>
          </TabPanel>
        ) : null}
        {methods.includes('passkey') ? (
          <TabPanel id="passkey" className="tab-panel">
            <p>{strings.verify.passkeyLead}</p>
            <FormStatus pending={passkey.isPending} error={passkeyError} />
            <ActionButton
              className="button button-primary"
              onPress={() => passkey.mutate()}
              isPending={passkey.isPending}
            >
              {strings.verify.passkeyButton}
            </ActionButton>
          </TabPanel>
        ) : null}
        {methods.includes('recovery') ? (
          <TabPanel id="recovery" className="tab-panel">
            <Form
              className="form"
              validationErrors={recoveryErrors}
              onSubmit={(event) => {
                event.preventDefault();
                recovery.mutate();
              }}
            >
              <TextInput
                label={strings.fields.recoveryCode}
                name="code"
                value={recoveryCode}
                onChange={setRecoveryCode}
                description={strings.fields.recoveryCodeHint}
                autoComplete="one-time-code"
                spellCheck={false}
                isRequired
                requiredMessage={strings.required.recoveryCode}
              />
              <FormStatus pending={recovery.isPending} error={recovery.error} />
              <ActionButton type="submit" className="button button-primary" isPending={recovery.isPending}>
                {strings.verify.recoverySubmit}
              </ActionButton>
            </Form>
          </TabPanel>
        ) : null}
      </Tabs>
      <p>
        <ActionButton className="button button-link" onPress={() => signOut.mutate()} isPending={signOut.isPending}>
          {strings.verify.startAgain}
        </ActionButton>
      </p>
    </Page>
  );
}
