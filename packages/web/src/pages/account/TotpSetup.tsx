import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { api } from '../../api/client';
import type { MfaConfirmResponse, TotpStart } from '../../api/types';
import { FormStatus } from '../../components/FormStatus';
import { TextInput } from '../../components/TextInput';
import { sixDigits } from '../../lib/codes';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';
import { useFieldErrors } from '../../components/use-field-errors';

/** Setting up an authenticator app: QR code and the key as text, then a code to prove it works. */
export function TotpSetup({
  startLabel,
  onConfirmed,
}: {
  startLabel: string;
  onConfirmed: (r: MfaConfirmResponse) => void;
}) {
  const [code, setCode] = useState('');
  const start = useMutation({
    mutationFn: () => api<TotpStart>('/api/me/mfa/totp/start', { method: 'POST' }),
  });
  const confirm = useMutation({
    mutationFn: () =>
      api<MfaConfirmResponse>('/api/me/mfa/totp/confirm', { method: 'POST', body: { code: code.replace(/\s/g, '') } }),
    onSuccess: onConfirmed,
  });

  const errors = useFieldErrors(confirm.error);

  if (!start.data) {
    return (
      <div className="stack-small">
        <FormStatus pending={start.isPending} error={start.error} />
        <ActionButton className="button button-primary" onPress={() => start.mutate()} isPending={start.isPending}>
          {startLabel}
        </ActionButton>
      </div>
    );
  }

  return (
    <ol className="steps">
      <li>
        <h3>{strings.enrol.scan}</h3>
        <img className="qr" src={start.data.qrDataUrl} alt={strings.enrol.qrAlt} width={192} height={192} />
        <p className="field-hint">{strings.enrol.manual}</p>
        <code className="secret" data-testid="totp-secret">
          {start.data.secret}
        </code>
      </li>
      <li>
        <h3>{strings.enrol.confirmLead}</h3>
        <Form
          className="form"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            confirm.mutate();
          }}
        >
          <TextInput
            label={strings.fields.code}
            name="code"
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            validate={sixDigits}
            className="field-code"
            isRequired
            requiredMessage={strings.required.code}
          />
          <FormStatus pending={confirm.isPending} error={confirm.error} />
          <ActionButton type="submit" className="button button-primary" isPending={confirm.isPending}>
            {strings.enrol.confirm}
          </ActionButton>
        </Form>
      </li>
    </ol>
  );
}
