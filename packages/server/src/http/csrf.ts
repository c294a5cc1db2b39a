import type { FastifyInstance } from 'fastify';

/**
 * CSRF defence in depth on top of SameSite=Strict cookies: every state-changing API request must
 * carry the `X-Undercurrent-CSRF: 1` header (which a cross-site form cannot send and a cross-site
 * script cannot add without a CORS preflight we never grant), and an Origin, when sent, must be ours.
 */
export const CSRF_HEADER = 'x-undercurrent-csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installCsrfProtection(app: FastifyInstance, publicOrigin: string): void {
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== publicOrigin && origin !== `${request.protocol}://${request.host}`) {
      return reply
        .status(403)
        .send({ error: 'forbidden', message: 'This request came from another site and was refused.' });
    }
    if (request.headers[CSRF_HEADER] !== '1') {
      return reply.status(403).send({
        error: 'forbidden',
        message: 'This request is missing its anti-forgery header and was refused. Reload the page and try again.',
      });
    }
  });
}
