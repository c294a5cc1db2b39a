import type { AppContext } from '../context.js';
import { practiceWithEveryRole, scopedQuery } from './fixtures.js';
import { EMPTY_PROFILE, type ProfileContent } from '../features/public-site/public-site-schemas.js';

/** A practice with one person in each role, its slug, and a publishable profile draft. */
export async function publicWorld(ctx: AppContext) {
  const world = await practiceWithEveryRole(ctx, 'Riverside Therapy');
  const [row] = await scopedQuery<{ slug: string }>(ctx, world.practiceId, 'SELECT slug FROM practices WHERE id = $1', [
    world.practiceId,
  ]);
  return { ...world, slug: row?.slug ?? '' };
}

export const READY_PROFILE: ProfileContent = {
  ...EMPTY_PROFILE,
  approach: 'I work psychodynamically with adults, at the pace each person sets.',
  training: 'MA in Psychoanalytic Psychotherapy.',
  registrations: [{ body: 'UKCP', number: 'UKCP-12345' }],
  specialisms: ['Anxiety', 'Loss'],
  languages: ['English', 'Welsh'],
  formats: ['in_person', 'online'],
  feePence: 7000,
  concessions: 'Two reduced-fee places.',
};

/** The smallest valid PNG (1 × 1, transparent). */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** The first bytes of a JPEG (the type is read from these). */
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
