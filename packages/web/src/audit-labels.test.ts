import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditStrings } from './lib/audit-strings';

/** Every audit action and subject kind the server records has plain words in the audit log screen. */
const server = (file: string) => fs.readFileSync(new URL(`../../server/src/${file}`, import.meta.url), 'utf8');

function serverSources(dir: string): string[] {
  const root = new URL(`../../server/src/${dir}/`, import.meta.url);
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) return [];
    return [fs.readFileSync(new URL(name, root), 'utf8')];
  });
}

describe('audit log labels', () => {
  it('names every action in audit/audit-event.ts', () => {
    const list = server('audit/audit-event.ts').split('AUDIT_ACTIONS = [')[1]?.split('] as const')[0] ?? '';
    const actions = [...list.matchAll(/'([a-z_.]+)'/g)].map((m) => m[1] as string);
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((action) => !auditStrings.actions[action])).toEqual([]);
  });

  it('names every subject type the server records', () => {
    const types = new Set(
      serverSources('.').flatMap((text) => [...text.matchAll(/subjectType: '([a-z_]+)'/g)].map((m) => m[1] as string)),
    );
    expect(types.size).toBeGreaterThan(10);
    expect([...types].filter((type) => !auditStrings.subjects[type])).toEqual([]);
  });
});
