import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Strict headers on every response: a CSP with no inline script, no caching of API answers, HSTS over TLS. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Sets the headers on one reply (also used where hooks do not run: answers the router gives itself). */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply, servedOverTls: boolean): void {
  reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  if (servedOverTls || request.protocol === 'https') {
    reply.header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  if (isPrivateLinkPage(request.url)) {
    // A person's enquiry page: its address is their only key, so it is never indexed, cached or passed on.
    reply.header('X-Robots-Tag', 'noindex, nofollow');
    reply.header('Cache-Control', 'no-store');
  }
}

/** Addresses whose path carries a private link's token (the intake's person page and its API). */
export function isPrivateLinkPage(url: string): boolean {
  return url.startsWith('/enquiry/') || url.startsWith('/api/public/intakes/');
}

export function installSecurityHeaders(app: FastifyInstance, servedOverTls: boolean): void {
  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(request, reply, servedOverTls);
    return payload;
  });
}
