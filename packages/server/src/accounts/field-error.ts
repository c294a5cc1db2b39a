import type { FastifyInstance } from 'fastify';
import { HttpError } from '../access/errors.js';

/**
 * A refusal about one field of a form ("that is not your current password", "this password is too
 * easy to guess"): answered as `{ error, message, fields: [{ field, message }] }` so the web app can
 * show the message beside the field, the same shape validation errors have.
 */
export class FieldError extends HttpError {
  constructor(
    statusCode: number,
    readonly field: string,
    message: string,
    code: string,
  ) {
    super(statusCode, message, code);
  }
}

/** Answers FieldErrors with their field; hands every other error on to the app's error handler. */
export function installFieldErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof FieldError) {
      return reply
        .status(error.statusCode)
        .send({ error: error.code, message: error.message, fields: [{ field: error.field, message: error.message }] });
    }
    throw error;
  });
}
