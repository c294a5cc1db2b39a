import type { AppContext } from '../context.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PRACTICE, seedDemoPractice } from './demo-practice.js';

/**
 * Demo mode's first step: on an empty database, seed the demo practice; on one that already holds
 * it, carry on; on one that holds a real (non-demo) practice, refuse — demo mode relaxes things a
 * real practice must never relax (staff may skip two-step verification), so it never runs on real data.
 */
export class DemoRefusedError extends Error {}

export type DemoDecision = 'seed' | 'ready';

export function demoDecision(practices: readonly { name: string; isDemo: boolean }[]): DemoDecision {
  const real = practices.filter((p) => !p.isDemo);
  if (real.length > 0) {
    throw new DemoRefusedError(
      `Demo mode will not start on this database: it holds ${real.length === 1 ? 'a real practice' : 'real practices'} ` +
        `(${real.map((p) => p.name).join(', ')}). Use \`npm start\` for it, or run the demo with its own data ` +
        'directory (the default, ./demo-data) or its own DATABASE_URL.',
    );
  }
  return practices.length === 0 ? 'seed' : 'ready';
}

export async function prepareDemo(ctx: AppContext): Promise<{ seeded: boolean }> {
  const decision = demoDecision(await ctx.access.listPractices());
  if (decision === 'seed') await seedDemoPractice(ctx);
  return { seeded: decision === 'seed' };
}

const ROLE_LABEL = {
  admin: 'Administrator',
  therapist: 'Therapist',
  supervisor: 'Supervisor',
  client: 'Client',
} as const;

export function signInDetails(publicUrl: string, seeded: boolean): string {
  const width = Math.max(...DEMO_PEOPLE.map((p) => p.displayName.length));
  const therapists = new Map(DEMO_PEOPLE.map((p) => [p.key, p.displayName]));
  const rows = DEMO_PEOPLE.map((p) => {
    const role = ROLE_LABEL[p.roles[0] ?? 'client'];
    const note = p.therapist ? `  (sees ${therapists.get(p.therapist)})` : '';
    return `    ${role.padEnd(14)} ${p.displayName.padEnd(width)}  ${p.email}${note}`;
  });
  return [
    '',
    `  Undercurrent demo — ${DEMO_PRACTICE.name}${seeded ? ' (just created)' : ''}`,
    '',
    `  Open ${publicUrl} and sign in as any of these people.`,
    `  The password for every demo account is:  ${DEMO_PASSWORD}`,
    '',
    ...rows,
    '',
    '  Everyone and everything here is invented. Demo staff accounts may skip two-step verification;',
    '  a real practice never can. Stop with Ctrl+C; the demo data stays in its data directory.',
    '',
  ].join('\n');
}
