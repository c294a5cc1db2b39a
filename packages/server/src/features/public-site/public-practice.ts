import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../access/errors.js';
import type { Actor } from '../../access/actor.js';
import { requestActor } from '../../http/authenticate.js';
import { PerAddressLimit } from '../../http/per-address-limit.js';

/**
 * The practice a public address names by its slug, and the actor public reads run as: that
 * practice's system actor (no person), so row-level security still keeps every other practice out,
 * and the routes themselves return only what is published. Public reads are not audited (they carry
 * nothing private); a per-address limit keeps one client from flooding this node.
 */
export const PUBLIC_READS_PER_MINUTE = 600;

export const NO_SUCH_PRACTICE = 'There is no practice at this address. Check the link, or start from the home page.';

export interface PublicPractice {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  actor: Actor;
}

export function publicReadLimit(): (request: FastifyRequest, reply: FastifyReply) => void {
  const limit = new PerAddressLimit(PUBLIC_READS_PER_MINUTE, 60_000);
  return (request, reply) => {
    const wait = limit.take(request.ip);
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      throw new HttpError(
        429,
        `Too many requests from this address. Try again in ${wait} seconds.`,
        'too_many_attempts',
      );
    }
  };
}

export async function publicPractice(
  app: FastifyInstance,
  request: FastifyRequest,
  slug: string,
): Promise<PublicPractice> {
  const practices = await app.ctx.access.listPractices();
  const practice = practices.find((p) => p.slug === slug);
  if (!practice) throw new HttpError(404, NO_SUCH_PRACTICE, 'not_found');
  return { ...practice, actor: requestActor(request, practice.id) };
}
