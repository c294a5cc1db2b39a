import { createHash } from 'node:crypto';
import type { AccessLayer } from '../../access/access-layer.js';
import { systemActor } from '../../access/actor.js';
import type { PackScope } from './pack-section.js';
import { PACK_SECTIONS } from './pack-sections/index.js';

/**
 * The pack as one JSON document (docs/ARCHITECTURE.md, "Subject access"): what was asked, of whom,
 * when and by whom it was prepared, and the sections in order, each `{ key, title, data }`.
 * `formatVersion` changes only when a section's data changes shape; new sections may appear.
 */
export const PACK_FORMAT = 'undercurrent/subject-access-pack';
export const PACK_FORMAT_VERSION = 1;

export interface PackDocument {
  format: typeof PACK_FORMAT;
  formatVersion: number;
  practice: { name: string; timeZone: string };
  request: { id: string; receivedOn: string; dueOn: string; channel: string; requester: string };
  client: { id: string; displayName: string };
  version: number;
  preparedAt: string;
  preparedBy: string;
  sections: { key: string; title: string; data: unknown }[];
}

/**
 * Reads every section as the system actor: the one reader that row-level security lets see the
 * client's whole record (progress notes are otherwise their authors' and carers'). Only process notes
 * their author included are read; nothing is decrypted that the pack does not hold.
 */
export async function assembleSections(
  access: AccessLayer,
  scope: PackScope,
  requestId?: string,
): Promise<PackDocument['sections']> {
  return access.run(systemActor(scope.practiceId, requestId), async (tx) => {
    const sections: PackDocument['sections'] = [];
    for (const section of PACK_SECTIONS) {
      sections.push({ key: section.key, title: section.title, data: await section.assemble(tx, scope) });
    }
    return sections;
  });
}

/** The document's bytes as stored and downloaded, and their SHA-256 (hex). */
export function serialisePack(document: PackDocument): { json: string; sha256: string; byteSize: number } {
  const json = `${JSON.stringify(document, null, 2)}\n`;
  const bytes = Buffer.from(json, 'utf8');
  return { json, sha256: createHash('sha256').update(bytes).digest('hex'), byteSize: bytes.length };
}

export const sha256Of = (json: string) => createHash('sha256').update(Buffer.from(json, 'utf8')).digest('hex');
