import type { FastifyInstance } from 'fastify';

/**
 * PostgreSQL text cannot hold the NUL character (U+0000), though JSON can carry one ("\u0000"). A
 * request whose body, query or path parameters hold one is refused before its route runs, as bad
 * input (400) naming the field — rather than failing at the database as a 500. Nobody types it.
 */
const NUL = '\u0000';

function fieldWithNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const name = path ? `${path}.${key}` : key;
    if (key.includes(NUL)) return path || 'the request body';
    const found = fieldWithNul(child, name, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function installNulRefusal(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const found = fieldWithNul(request.body, '') ?? fieldWithNul(request.query, '') ?? fieldWithNul(request.params, '');
    if (found === undefined) return;
    const field = found || 'the request body';
    const message = `${field} contains a character that cannot be stored (a NUL character). Remove it and try again.`;
    return reply.status(400).send({ error: 'invalid_request', message, fields: [{ field, message }] });
  });
}
