import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, messageOf, sessionProblem, toApiError } from './errors';
import { strings } from '../strings';

describe('toApiError', () => {
  it('keeps the server’s code, message and fields', () => {
    const error = toApiError(400, {
      error: 'invalid_request',
      message: 'email must be an e-mail address.',
      fields: [{ field: 'email', message: 'email must be an e-mail address.' }, { nonsense: true }],
    });
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe('email must be an e-mail address.');
    expect(error.fields).toEqual([{ field: 'email', message: 'email must be an e-mail address.' }]);
  });

  it('falls back to a message a person can act on when the body is not ours', () => {
    expect(toApiError(502, '<html>Bad gateway</html>').message).toBe(strings.errors.server);
    expect(toApiError(429, null).message).toBe(strings.errors.tooMany);
    expect(toApiError(403, { error: 'forbidden', message: '  ' }).message).toBe(strings.errors.forbidden);
    expect(toApiError(418, {}).code).toBe('unknown');
  });
});

describe('fieldErrors', () => {
  it('maps API field paths onto form field names', () => {
    const error = new ApiError(400, 'invalid_request', 'x', [
      { field: 'admin.email', message: 'Bad e-mail.' },
      { field: 'practiceName', message: 'Too long.' },
      { field: 'admin.displayName', message: 'Required.' },
    ]);
    expect(fieldErrors(error, { 'admin.displayName': 'yourName' })).toEqual({
      email: 'Bad e-mail.',
      practiceName: 'Too long.',
      yourName: 'Required.',
    });
  });

  it('joins two messages for one field and ignores anything that is not an ApiError', () => {
    const error = new ApiError(400, 'invalid_request', 'x', [
      { field: 'password', message: 'Too short.' },
      { field: 'password', message: 'Too common.' },
    ]);
    expect(fieldErrors(error)).toEqual({ password: 'Too short. Too common.' });
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});

describe('sessionProblem', () => {
  it('routes each 401 to the place that resolves it', () => {
    expect(sessionProblem(new ApiError(401, 'unauthenticated', ''))).toBe('signed_out');
    expect(sessionProblem(new ApiError(401, 'session_mfa_required', ''))).toBe('mfa_required');
    expect(sessionProblem(new ApiError(401, 'session_mfa_enrolment', ''))).toBe('mfa_enrolment');
  });

  it('leaves wrong passwords and other failures to the form', () => {
    expect(sessionProblem(new ApiError(401, 'invalid_credentials', ''))).toBeNull();
    expect(sessionProblem(new ApiError(403, 'forbidden', ''))).toBeNull();
    expect(sessionProblem(new Error('x'))).toBeNull();
  });
});

describe('messageOf', () => {
  it('never shows a raw exception to a person', () => {
    expect(messageOf(new TypeError('undefined is not a function'))).toBe(strings.errors.unexpected);
    expect(messageOf(new ApiError(409, 'conflict', 'Already invited.'))).toBe('Already invited.');
  });
});
