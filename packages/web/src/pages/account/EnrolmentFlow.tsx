import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { resetSession } from '../../api/queries';
import type { MfaConfirmResponse } from '../../api/types';
import { Page } from '../../components/Page';
import { strings } from '../../strings';
import { PasskeyAdd } from './PasskeyAdd';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { TotpSetup } from './TotpSetup';

/**
 * Staff who have no second factor yet see only this: set up an app or a passkey, save the
 * recovery codes, then continue into the practice.
 */
export function EnrolmentFlow() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [codes, setCodes] = useState<string[] | null>(null);

  const finish = async () => {
    await resetSession(queryClient);
    await navigate('/', { replace: true });
  };
  const onFactor = (result: MfaConfirmResponse) => {
    if (result.recoveryCodes?.length) setCodes(result.recoveryCodes);
    else void finish();
  };

  if (codes) {
    return (
      <Page title={strings.enrol.title} narrow>
        <p className="notice notice-success" role="status">
          {strings.enrol.confirmed}
        </p>
        <RecoveryCodesPanel codes={codes} doneLabel={strings.enrol.continue} onDone={() => void finish()} />
      </Page>
    );
  }

  return (
    <Page title={strings.enrol.title} lead={strings.enrol.lead} narrow>
      <div className="stack">
        <section className="card" aria-labelledby="enrol-app">
          <h2 id="enrol-app">{strings.enrol.appHeading}</h2>
          <p>{strings.enrol.appLead}</p>
          <TotpSetup startLabel={strings.enrol.start} onConfirmed={onFactor} />
        </section>
        {browserSupportsWebAuthn() ? (
          <section className="card" aria-labelledby="enrol-passkey">
            <h2 id="enrol-passkey">{strings.enrol.passkeyHeading}</h2>
            <p>{strings.enrol.passkeyLead}</p>
            <PasskeyAdd buttonLabel={strings.enrol.passkeyButton} onAdded={onFactor} />
          </section>
        ) : null}
      </div>
    </Page>
  );
}
