export type PasskeyProblem = 'cancelled' | 'already_registered' | 'failed';

/**
 * What went wrong in a WebAuthn ceremony, in terms a person can act on: they cancelled (or the
 * browser timed out), this authenticator already holds a passkey for them, or something else.
 */
export function passkeyProblem(error: unknown): PasskeyProblem {
  if (!(error instanceof Error)) return 'failed';
  const code = (error as Error & { code?: string }).code;
  const names = [error.name, code, error.cause instanceof Error ? error.cause.name : undefined];
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || names.includes('InvalidStateError')) {
    return 'already_registered';
  }
  if (names.some((n) => n === 'NotAllowedError' || n === 'AbortError' || n === 'ERROR_CEREMONY_ABORTED')) {
    return 'cancelled';
  }
  return 'failed';
}
