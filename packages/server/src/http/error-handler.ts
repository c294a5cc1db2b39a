import type { FastifyError, FastifyInstance } from 'fastify';
import { AccessDeniedError, HttpError } from '../access/errors.js';

/**
 * Every error leaves as `{ error, message, fields? }` with a message a person can act on. Bad input
 * is a 4xx, never a 5xx; a 5xx says only that something went wrong and gives the request id.
 */
interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
}

function fieldName(issue: ValidationIssue, context: string | undefined): string {
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const missing = issue.params?.missingProperty;
  const extra = issue.params?.additionalProperty;
  const name = [path, typeof missing === 'string' ? missing : typeof extra === 'string' ? extra : '']
    .filter(Boolean)
    .join('.');
  return name || (context === 'body' ? 'the request body' : (context ?? 'the request'));
}

export function describeIssue(issue: ValidationIssue, context?: string): { field: string; message: string } {
  const field = fieldName(issue, context);
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'required':
      return { field, message: `${field} is required.` };
    case 'additionalProperties':
      return { field, message: `${field} is not something this form accepts.` };
    case 'minLength':
      return { field, message: `${field} must be at least ${String(p.limit)} characters.` };
    case 'maxLength':
      return { field, message: `${field} must be at most ${String(p.limit)} characters.` };
    case 'format':
      return {
        field,
        message:
          p.format === 'email' ? `${field} must be an e-mail address.` : `${field} is not a valid ${String(p.format)}.`,
      };
    case 'enum':
    case 'anyOf':
    case 'const':
      return { field, message: `${field} is not one of the allowed values.` };
    case 'type':
      return {
        field,
        message: `${field} must be ${String(p.type) === 'object' ? 'an object' : `a ${String(p.type)}`}.`,
      };
    case 'pattern':
      return { field, message: `${field} is not in the expected form.` };
    case 'minimum':
    case 'maximum':
      return {
        field,
        message: `${field} must be ${issue.keyword === 'minimum' ? 'at least' : 'at most'} ${String(p.limit)}.`,
      };
    case 'minItems':
    case 'maxItems':
      return {
        field,
        message: `${field} must have ${issue.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)} items.`,
      };
    default:
      return { field, message: `${field} ${issue.message ?? 'is not valid'}.` };
  }
}

/**
 * One message per field: a value that fits none of a union's choices is reported once for each choice
 * and once for the union ("reason is not one of the allowed values." five times over); the first says
 * it, and for a `string | null` field it is the useful one ("must be at most 500 characters").
 */
function firstPerField(fields: { field: string; message: string }[]): { field: string; message: string }[] {
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.field) && seen.add(f.field));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const fields = firstPerField(
        error.validation.map((issue) => describeIssue(issue as ValidationIssue, error.validationContext)),
      );
      return reply.status(400).send({
        error: 'invalid_request',
        message: fields.map((f) => f.message).join(' '),
        fields,
      });
    }
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send({ error: error.code, message: error.message });
    }
    if (error instanceof AccessDeniedError) {
      return reply
        .status(error.statusCode)
        .send({ error: error.statusCode === 404 ? 'not_found' : 'forbidden', message: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const messages: Record<string, string> = {
        FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the request as application/json.',
        FST_ERR_CTP_BODY_TOO_LARGE: 'The request is too large.',
        FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; send a JSON object.',
        FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
      };
      const message =
        messages[error.code] ??
        (error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' ? 'The request length is wrong.' : undefined);
      return reply.status(status).send({
        error: status === 415 ? 'unsupported_media_type' : status === 413 ? 'too_large' : 'bad_request',
        message:
          message ??
          (error.message.includes('JSON') ? 'The request body is not valid JSON.' : 'The request could not be read.'),
      });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({
      error: 'internal',
      message: `Something went wrong on our side. Nothing you saved has been lost. If it keeps happening, quote reference ${request.id}.`,
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: 'not_found', message: `There is nothing at ${request.method} ${request.url.split('?')[0]}.` });
  });
}
