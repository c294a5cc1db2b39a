import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from './context.js';
import { featureRoutes } from './features/index.js';
import { fillShell, NO_ASSETS, readSiteAssets } from './features/public-site/first-paint/fill-shell.js';
import { createFirstPaint } from './features/public-site/first-paint/public-first-paint.js';
import { installAuthentication } from './http/authenticate.js';
import { installCsrfProtection } from './http/csrf.js';
import { installErrorHandler } from './http/error-handler.js';
import { installMetrics } from './http/metrics.js';
import { installNulRefusal } from './http/nul-characters.js';
import { ErrorResponse } from './http/schemas.js';
import { installSecurityHeaders, setSecurityHeaders } from './http/security-headers.js';
import { LOG_REDACTIONS, LOG_SERIALIZERS } from './logging.js';

/** The HTTP application, built by a factory and never listening by itself (tests use `inject`). */
export const BODY_LIMIT_BYTES = 256 * 1024;

function answerBadAddress(request: FastifyRequest, reply: FastifyReply, servedOverTls: boolean): void {
  setSecurityHeaders(request, reply, servedOverTls);
  void reply.status(400).send({
    error: 'bad_request',
    message:
      'This address is not valid: part of it is wrongly encoded. If you followed a link, copy the whole link again.',
  });
}

export async function buildApp(
  ctx: AppContext,
  options: { logger?: FastifyServerOptions['logger']; loggerInstance?: FastifyBaseLogger; serveWeb?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : {
          logger: options.logger ?? {
            level: ctx.config.logLevel,
            redact: LOG_REDACTIONS,
            serializers: LOG_SERIALIZERS,
          },
        }),
    genReqId: () => crypto.randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    // Exactly one hop, the reverse proxy: the client's address is the one it adds to X-Forwarded-For;
    // anything before that entry was written by the client and would let it pick its own address.
    trustProxy: ctx.config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    routerOptions: { maxParamLength: 200 },
    // An address the router cannot decode (a link cut short or mangled in copying) is answered like any
    // other bad input: the usual shape, a message a person can act on, and the usual headers.
    frameworkErrors: (_error, request, reply) =>
      answerBadAddress(request as FastifyRequest, reply as FastifyReply, ctx.config.publicUrl.startsWith('https://')),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('ctx', ctx);
  // Only JSON bodies: text/plain and anything else is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.addSchema(ErrorResponse);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Undercurrent API',
        version: ctx.version,
        description:
          'The API behind the Undercurrent web app. Sessions are cookies; every state-changing request needs ' +
          'the header `X-Undercurrent-CSRF: 1`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: ctx.cookie.name },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });

  await app.register(cookie);
  installErrorHandler(app);
  installNulRefusal(app);
  installSecurityHeaders(app, ctx.config.publicUrl.startsWith('https://'));
  installCsrfProtection(app, new URL(ctx.config.publicUrl).origin);
  installAuthentication(app, ctx.access, ctx.cookie);
  installMetrics(app, ctx.config.metricsToken);

  for (const routes of featureRoutes) await app.register(routes);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDist = ctx.config.webDistDir;
  if (options.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'))) {
    // preCompressed: the build writes .br and .gz copies of each asset (packages/web/precompress.mjs).
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, preCompressed: true });
    // Read on each request (the OS caches it), so a rebuilt web app is served without a restart.
    const indexFile = path.join(webDist, 'index.html');
    const firstPaint = createFirstPaint(app as unknown as FastifyInstance);
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const rel = decodeURIComponent(request.url.split('?')[0] ?? '/').replace(/^\/+/, '');
      if (rel.startsWith('api/')) {
        return reply.status(404).send({ error: 'not_found', message: 'There is nothing here.' });
      }
      const file = path.join(webDist, rel);
      if (rel && file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        if (rel.startsWith('assets/')) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
        return reply.sendFile(rel);
      }
      reply.header('Cache-Control', 'no-cache');
      const shell = await fs.promises.readFile(indexFile, 'utf8');
      // A public page's first paint comes from the server as HTML; the app takes over when it is ready.
      const paint = await firstPaint(request, request.url.split('?')[0] ?? '/');
      if (paint?.kind === 'notFound') reply.status(404);
      const html =
        paint?.kind === 'page' ? fillShell(shell, paint, paint.site ? readSiteAssets(webDist) : NO_ASSETS) : shell;
      return reply.type('text/html; charset=utf-8').send(html);
    });
  }

  await app.ready();
  return app as unknown as FastifyInstance;
}
