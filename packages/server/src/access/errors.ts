import type { AuditInput } from '../audit/audit-event.js';

/** A request refused by policy. The access layer records it in the audit log after rolling back. */
export class AccessDeniedError extends Error {
  readonly statusCode: number;
  constructor(
    message: string,
    readonly event: AuditInput,
    statusCode = 403,
  ) {
    super(message);
    this.statusCode = statusCode;
  }
}

/** An error whose message is written for the person who sees it. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = 'error',
  ) {
    super(message);
  }
}
