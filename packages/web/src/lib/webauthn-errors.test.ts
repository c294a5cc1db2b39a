import { describe, expect, it } from 'vitest';
import { passkeyProblem } from './webauthn-errors';

class WebAuthnLikeError extends Error {
  code: string;
  constructor(code: string, name: string, cause?: Error) {
    super('passkey', { cause });
    this.code = code;
    this.name = name;
  }
}

describe('passkeyProblem', () => {
  it('recognises a cancelled or timed-out ceremony', () => {
    expect(passkeyProblem(new DOMException('The operation was cancelled.', 'NotAllowedError'))).toBe('cancelled');
    expect(
      passkeyProblem(
        new WebAuthnLikeError(
          'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY',
          'Error',
          new DOMException('x', 'NotAllowedError'),
        ),
      ),
    ).toBe('cancelled');
    expect(passkeyProblem(new WebAuthnLikeError('ERROR_CEREMONY_ABORTED', 'AbortError'))).toBe('cancelled');
  });

  it('recognises an authenticator that already holds a passkey for this person', () => {
    expect(
      passkeyProblem(new WebAuthnLikeError('ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED', 'InvalidStateError')),
    ).toBe('already_registered');
  });

  it('calls anything else a failure', () => {
    expect(passkeyProblem(new TypeError('boom'))).toBe('failed');
    expect(passkeyProblem('not an error')).toBe('failed');
  });
});
