import type { AppContext } from '../context.js';
import { CliUsageError } from './cli-io.js';

/** The practices a command works on: the one named by --practice <slug>, or all of them. */
export interface PracticeRef {
  id: string;
  name: string;
  slug: string;
}

export async function practicesFor(ctx: AppContext, slug: string | undefined): Promise<PracticeRef[]> {
  const practices = await ctx.access.listPractices();
  if (slug === undefined) return practices;
  const found = practices.find((p) => p.slug === slug);
  if (!found) {
    const known = practices.map((p) => p.slug).join(', ');
    throw new CliUsageError(
      `There is no practice with the slug "${slug}". ${known ? `The practices here are: ${known}.` : 'There are no practices yet.'}`,
    );
  }
  return [found];
}

export function label(p: PracticeRef): string {
  return `${p.name} (${p.slug})`;
}
