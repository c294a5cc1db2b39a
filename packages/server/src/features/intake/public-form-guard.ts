import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../access/errors.js';
import { PerAddressLimit } from '../../http/per-address-limit.js';

/**
 * The defences of a public form that needs no account (issue 8, part 7): a per-address limit, a
 * honeypot field a person never sees, and a minimum time to fill in. Each refusal says plainly what
 * happened and what to do; none of them says anything about who is or is not a client.
 */
export const INTAKES_PER_HOUR = 5;
export const MIN_FILL_MS = 3000;

export const TOO_FAST =
  'The form was sent too quickly to have been filled in by a person. Please take a moment, check your answers and send it again.';
export const HONEYPOT =
  'The form could not be accepted because a hidden field was filled in, as automated tools do. If you are a person, reload the page and try again.';

export function publicFormLimit(max: number, windowMs: number): (request: FastifyRequest) => void {
  const limit = new PerAddressLimit(max, windowMs);
  return (request) => {
    const wait = limit.take(request.ip);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60);
      throw new HttpError(
        429,
        `Too many forms have been sent from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, ` +
          'or contact the practice by phone or e-mail.',
        'too_many_attempts',
      );
    }
  };
}

export function checkHumanFill(form: { website: string; fillMs: number }): void {
  if (form.website.trim() !== '') throw new HttpError(400, HONEYPOT, 'automated_submission');
  if (form.fillMs < MIN_FILL_MS) throw new HttpError(400, TOO_FAST, 'too_fast');
}
