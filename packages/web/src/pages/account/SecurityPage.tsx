import { useMutation, useQueryClient } from '@tanstack/react-query';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { MfaConfirmResponse, Me } from '../../api/types';
import { useCurrentUser } from '../../app/current-user';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { strings } from '../../strings';
import { EnrolmentFlow } from './EnrolmentFlow';
import { PasskeyAdd } from './PasskeyAdd';
import { PasskeyList } from './PasskeyList';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { TotpSetup } from './TotpSetup';

function AuthenticatorSection({ me, onCodes }: { me: Me; onCodes: (r: MfaConfirmResponse) => void }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (password: string) =>
      api<{ ok: boolean }>('/api/me/mfa/totp', { method: 'DELETE', body: { password } }),
    onSuccess: () => {
      setStatus(strings.security.appRemoved);
      void queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
  const confirmed = (result: MfaConfirmResponse) => {
    setStatus(strings.enrol.confirmed);
    onCodes(result);
  };
  return (
    <section className="card" aria-labelledby="security-app">
      <div className="card-heading">
        <h2 id="security-app">{strings.security.appHeading}</h2>
        <Badge tone={me.mfa.totp ? 'good' : 'neutral'}>
          {me.mfa.totp ? strings.security.on : strings.security.off}
        </Badge>
      </div>
      <p>{me.mfa.totp ? strings.security.appOn : strings.security.appOff}</p>
      <FormStatus success={status} />
      {me.mfa.totp ? (
        <ConfirmDialog
          trigger={<Button className="button button-secondary">{strings.security.appRemove}</Button>}
          title={strings.security.appRemoveTitle}
          body={<p>{strings.security.appRemoveBody}</p>}
          confirmLabel={strings.security.appRemove}
          pending={remove.isPending}
          error={remove.error}
          withPassword
          onConfirm={(close, password) => remove.mutate(password, { onSuccess: close })}
        />
      ) : (
        <TotpSetup startLabel={strings.enrol.start} onConfirmed={confirmed} />
      )}
    </section>
  );
}

function RecoveryCodesSection({ me, onCodes }: { me: Me; onCodes: (r: MfaConfirmResponse) => void }) {
  const regenerate = useMutation({
    mutationFn: (password: string) =>
      api<{ recoveryCodes: string[] }>('/api/me/mfa/recovery-codes', { method: 'POST', body: { password } }),
  });
  // Recovery codes stand in for an app or a passkey; without either there is nothing to back up.
  const hasFactor = me.mfa.totp || me.mfa.passkeys > 0;
  if (!hasFactor) {
    return (
      <section className="card" aria-labelledby="security-codes">
        <h2 id="security-codes">{strings.security.codesHeading}</h2>
        <p>{strings.security.codesNeedFactor}</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="security-codes">
      <h2 id="security-codes">{strings.security.codesHeading}</h2>
      <p>{strings.security.codesLeft(me.mfa.recoveryCodesLeft)}</p>
      <ConfirmDialog
        trigger={<Button className="button button-secondary">{strings.security.codesRegenerate}</Button>}
        title={strings.security.codesRegenerateTitle}
        body={<p>{strings.security.codesRegenerateBody}</p>}
        confirmLabel={strings.security.codesRegenerate}
        tone="primary"
        pending={regenerate.isPending}
        error={regenerate.error}
        withPassword
        onConfirm={(close, password) =>
          regenerate.mutate(password, {
            onSuccess: (result) => {
              close();
              onCodes({ recoveryCodes: result.recoveryCodes, stage: me.session.stage });
            },
          })
        }
      />
    </section>
  );
}

function SecurityOverview({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [passkeyStatus, setPasskeyStatus] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.me });
    void queryClient.invalidateQueries({ queryKey: keys.passkeys });
  };
  const onFactor = (result: MfaConfirmResponse) => {
    refresh();
    if (result.recoveryCodes?.length) setCodes(result.recoveryCodes);
  };

  if (codes) {
    return (
      <Page title={strings.security.title} narrow>
        <RecoveryCodesPanel codes={codes} doneLabel={strings.recovery.done} onDone={() => setCodes(null)} />
      </Page>
    );
  }
  return (
    <Page
      title={strings.security.title}
      lead={me.mfa.required ? strings.security.mfaRequiredNote : strings.security.mfaOptionalNote}
    >
      <div className="stack">
        <AuthenticatorSection me={me} onCodes={onFactor} />
        <section className="card" aria-labelledby="security-passkeys">
          <h2 id="security-passkeys">{strings.security.passkeysHeading}</h2>
          <PasskeyList />
          {browserSupportsWebAuthn() ? (
            <>
              <FormStatus success={passkeyStatus} />
              <PasskeyAdd
                buttonLabel={strings.security.passkeyAdd}
                onAdded={(result) => {
                  setPasskeyStatus(strings.security.passkeyAdded);
                  onFactor(result);
                }}
              />
            </>
          ) : (
            <p className="muted">{strings.security.passkeyUnsupported}</p>
          )}
        </section>
        <RecoveryCodesSection me={me} onCodes={onFactor} />
      </div>
    </Page>
  );
}

/** Two-step verification: the enrolment flow while it is required, otherwise the person’s factors. */
export function SecurityPage() {
  const me = useCurrentUser();
  if (me.session.stage === 'mfa_enrolment') return <EnrolmentFlow />;
  return <SecurityOverview me={me} />;
}
