import { useMutation } from '@tanstack/react-query';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { MfaConfirmResponse } from '../../api/types';
import { FormStatus } from '../../components/FormStatus';
import { TextInput } from '../../components/TextInput';
import { describeUserAgent } from '../../lib/user-agent';
import { passkeyProblem } from '../../lib/webauthn-errors';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';
import { useFieldErrors } from '../../components/use-field-errors';

type PasskeyAdded = MfaConfirmResponse & { id: string };

/** Names and registers a passkey on this device (or a security key). */
export function PasskeyAdd({ buttonLabel, onAdded }: { buttonLabel: string; onAdded: (r: PasskeyAdded) => void }) {
  const [name, setName] = useState(() => describeUserAgent(navigator.userAgent));
  const add = useMutation({
    mutationFn: async () => {
      const optionsJSON = await api<PublicKeyCredentialCreationOptionsJSON>('/api/me/mfa/passkeys/options', {
        method: 'POST',
      });
      const response = await startRegistration({ optionsJSON });
      return api<PasskeyAdded>('/api/me/mfa/passkeys', { method: 'POST', body: { name: name.trim(), response } });
    },
    onSuccess: (result) => {
      setName(describeUserAgent(navigator.userAgent));
      onAdded(result);
    },
  });
  const problem = add.error && !(add.error instanceof ApiError) ? passkeyProblem(add.error) : null;
  const error = problem
    ? new ApiError(
        0,
        'passkey',
        problem === 'cancelled'
          ? strings.security.passkeyCancelled
          : problem === 'already_registered'
            ? strings.security.passkeyAlreadyRegistered
            : strings.security.passkeyFailed,
      )
    : add.error;

  const errors = useFieldErrors(add.error);

  return (
    <Form
      className="form"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <TextInput
        label={strings.fields.passkeyName}
        name="name"
        value={name}
        onChange={setName}
        description={strings.fields.passkeyNameHint}
        maxLength={100}
        className="field-medium"
        isRequired
        requiredMessage={strings.required.passkeyName}
      />
      <FormStatus pending={add.isPending} error={error} />
      <ActionButton type="submit" className="button button-secondary" isPending={add.isPending}>
        {buttonLabel}
      </ActionButton>
    </Form>
  );
}
