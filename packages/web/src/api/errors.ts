import { strings } from '../strings';

/** An API failure in the shape the server sends: `{ error, message, fields? }`. */
export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldIssue[];

  constructor(status: number, code: string, message: string, fields: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fallbackMessage(status: number): string {
  if (status === 0) return strings.errors.network;
  if (status === 401) return strings.errors.sessionEnded;
  if (status === 403) return strings.errors.forbidden;
  if (status === 404) return strings.errors.notFound;
  if (status === 429) return strings.errors.tooMany;
  if (status >= 500) return strings.errors.server;
  return strings.errors.unexpected;
}

/** Turns a response status and its parsed body (possibly not JSON at all) into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  if (!isRecord(body)) return new ApiError(status, status >= 500 ? 'internal' : 'unknown', fallbackMessage(status));
  const code = typeof body.error === 'string' ? body.error : 'unknown';
  const message = typeof body.message === 'string' && body.message.trim() ? body.message : fallbackMessage(status);
  const fields = Array.isArray(body.fields)
    ? body.fields.filter(
        (f): f is FieldIssue => isRecord(f) && typeof f.field === 'string' && typeof f.message === 'string',
      )
    : [];
  return new ApiError(status, code, message, fields);
}

/** A message for any thrown value, suitable for a person. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return strings.errors.unexpected;
}

/**
 * Field errors keyed by the form's own field names. `aliases` maps the API's field paths (for
 * example `admin.email`) to those names; unmapped fields keep the last segment of their path.
 */
export function fieldErrors(error: unknown, aliases: Record<string, string> = {}): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const { field, message } of error.fields) {
    const name = aliases[field] ?? field.split('.').pop() ?? field;
    result[name] = result[name] ? `${result[name]} ${message}` : message;
  }
  return result;
}

export type SessionProblem = 'signed_out' | 'mfa_required' | 'mfa_enrolment';

/** Which session problem a 401 means, so the app can route to sign-in, verification or enrolment. */
export function sessionProblem(error: unknown): SessionProblem | null {
  if (!(error instanceof ApiError) || error.status !== 401) return null;
  switch (error.code) {
    case 'unauthenticated':
    case 'session_expired':
    case 'session_revoked':
      return 'signed_out';
    case 'session_mfa_required':
      return 'mfa_required';
    case 'session_mfa_enrolment':
      return 'mfa_enrolment';
    default:
      return null;
  }
}
