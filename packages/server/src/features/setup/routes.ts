import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFieldErrors } from '../../accounts/field-error.js';
import { setSessionCookie } from '../../http/authenticate.js';
import { DisplayName, Email, Password, withErrors } from '../../http/schemas.js';
import { setupPractice } from './setup-practice.js';

const SetupBody = Type.Object(
  {
    practiceName: Type.String({ minLength: 1, maxLength: 200, description: 'The practice’s name as people see it' }),
    timeZone: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone; Europe/London when left out' }),
    ),
    admin: Type.Object({ displayName: DisplayName, email: Email, password: Password }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

/** First-run setup: the practice and its first administrator. */
export const setupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  installFieldErrors(app);
  app.post(
    '/api/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'First run: create the practice and its first administrator (refused once any practice exists)',
        body: SetupBody,
        response: withErrors({ 201: Type.Object({ stage: Type.Literal('mfa_enrolment') }) }),
      },
    },
    async (request, reply) => {
      const result = await setupPractice(app.ctx, {
        practiceName: request.body.practiceName,
        timeZone: request.body.timeZone,
        admin: request.body.admin,
        requestId: request.id,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, app.ctx.cookie, result.practiceId, result.session);
      return reply.status(201).send({ stage: 'mfa_enrolment' as const });
    },
  );
};
