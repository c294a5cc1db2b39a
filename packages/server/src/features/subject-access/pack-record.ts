import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { sha256Of, type PackDocument } from './pack-document.js';

/** Stored packs: encrypted JSON bound to its row, checked against its SHA-256 on every read. */
export const packContext = (id: string) => `subject_access_packs.body_enc:${id}`;

export interface StoredPack {
  id: string;
  requestId: string;
  clientId: string;
  clientName: string;
  version: number;
  sha256: string;
  json: string;
  document: PackDocument;
}

export const NO_SUCH_PACK = 'There is no such subject access pack in this practice.';

/** The pack, decrypted and verified, or a 404 refusal (audited). */
export async function requirePack(tx: Scoped, id: string, event: AuditInput): Promise<StoredPack> {
  const result = await tx.query<{
    id: string;
    request_id: string;
    client_id: string;
    client_name: string;
    version: number;
    sha256: string;
    body_enc: string;
  }>(
    `SELECT p.id, p.request_id, r.client_id, c.display_name AS client_name, p.version, p.sha256, p.body_enc
       FROM subject_access_packs p
       JOIN subject_access_requests r ON r.practice_id = p.practice_id AND r.id = p.request_id
       JOIN users c ON c.practice_id = r.practice_id AND c.id = r.client_id
      WHERE p.id = $1`,
    [id],
  );
  const row = result.rows[0];
  if (!row) refuse(tx, event, 404, 'not_found', NO_SUCH_PACK);
  const json = await tx.decrypt(packContext(row.id), row.body_enc);
  if (sha256Of(json) !== row.sha256) {
    throw new Error(`subject-access pack ${row.id} does not match its SHA-256: it was changed after it was prepared`);
  }
  return {
    id: row.id,
    requestId: row.request_id,
    clientId: row.client_id,
    clientName: row.client_name,
    version: row.version,
    sha256: row.sha256,
    json,
    document: JSON.parse(json) as PackDocument,
  };
}

/** "subject-access-priya-nair-v2.pdf": ASCII only, so every browser keeps it. */
export function packFileName(pack: StoredPack, extension: 'json' | 'pdf'): string {
  const slug =
    pack.clientName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'client';
  return `subject-access-${slug}-v${pack.version}.${extension}`;
}
