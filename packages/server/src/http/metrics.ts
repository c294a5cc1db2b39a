import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import client from 'prom-client';

/**
 * Prometheus metrics, not public by default: GET /api/metrics answers only with
 * `Authorization: Bearer <UNDERCURRENT_METRICS_TOKEN>`, and 404 when no token is configured.
 */
export function installMetrics(app: FastifyInstance, token: string | undefined): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'undercurrent_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
  const expected = token ? crypto.createHash('sha256').update(token).digest() : undefined;
  app.get(
    '/api/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (needs the metrics bearer token)',
        security: [{ bearer: [] }],
        response: { 200: Type.String(), 404: Type.Ref('ErrorResponse') },
      },
    },
    async (request, reply) => {
      const given = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      const matches =
        expected !== undefined && crypto.timingSafeEqual(crypto.createHash('sha256').update(given).digest(), expected);
      if (!matches) return reply.status(404).send({ error: 'not_found', message: 'There is nothing here.' });
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
