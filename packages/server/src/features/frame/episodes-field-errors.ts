import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../access/errors.js';
import { FieldError } from '../../accounts/field-error.js';

/**
 * Refusals about fields of a form, several at once ("the end is before the start", "that zone does
 * not exist"): answered as `{ error, message, fields: [{ field, message }] }` like request
 * validation, so the web app shows each message beside its field.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class FieldsError extends HttpError {
  constructor(
    readonly fields: FieldProblem[],
    code = 'invalid_request',
    statusCode = 400,
  ) {
    super(statusCode, fields.map((f) => f.message).join(' '), code);
  }
}

/** Throws a FieldsError when there are problems. */
export function assertNoProblems(problems: FieldProblem[], code = 'invalid_request'): void {
  if (problems.length > 0) throw new FieldsError(problems, code);
}

/** Answers FieldsError and FieldError with their fields; every other error goes to the app's handler. */
export function installFrameFieldErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof FieldsError) {
      return reply.status(error.statusCode).send({ error: error.code, message: error.message, fields: error.fields });
    }
    if (error instanceof FieldError) {
      return reply
        .status(error.statusCode)
        .send({ error: error.code, message: error.message, fields: [{ field: error.field, message: error.message }] });
    }
    throw error;
  });
}
