import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { EntrySave, SaveResult } from './journal-schemas.js';
import { contentOfRow, contentOfSave, sameContent, sameIds, type EntryContent } from './entry-content.js';
import {
  decryptEntryText,
  decryptTags,
  findEntryRow,
  NO_SUCH_ENTRY,
  sharingOf,
  toEntry,
  type EntryRow,
} from './entry-record.js';
import { detailsTexts, entryLength, malformedMessage, tooLongMessage } from './entry-text.js';
import { insertEntry, updateEntry } from './entry-write.js';
import type { Entry } from './journal-schemas.js';
import { alertOnEntry, NO_TRIGGER } from '../safeguarding/alert-raise.js';

/** The risk-language trigger over an entry's words as saved (features/safeguarding). */
function checkEntry(tx: Scoped, clientId: string, entry: Entry | null) {
  if (!entry) return Promise.resolve(NO_TRIGGER);
  const text = [entry.body, ...detailsTexts(entry.details)].join('\n');
  return alertOnEntry(tx, { id: entry.id, clientId, text, shared: entry.sharing.state === 'shared' });
}

/** Room for 100,000 characters of any script (up to four bytes each) with JSON escaping. */
export const SAVE_BODY_LIMIT_BYTES = 1.5 * 1024 * 1024;

/**
 * PUT /api/journal/entries/:id (client): saves the whole entry as the device has it. The device made
 * the id, and names the version it edited (0 for a new entry). Over the stored version it replaces
 * the entry; if the entry was saved from elsewhere meanwhile, the same content again (a retried save)
 * changes nothing, and different content is kept as a new entry (a conflict copy) — text is never dropped.
 * Only when versions differ is the stored text decrypted, to compare.
 */
export const saveEntryRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/journal/entries/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      bodyLimit: SAVE_BODY_LIMIT_BYTES,
      schema: {
        tags: ['journal'],
        summary: 'Save an entry (versioned; a conflicting save from another device is kept as a copy)',
        params: Type.Object({ id: Uuid }),
        body: EntrySave,
        response: withErrors({ 200: SaveResult }),
      },
    },
    async (request) => {
      const id = request.params.id.toLowerCase();
      const save = request.body;
      const saved = contentOfSave(save);
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const event: AuditInput = {
          action: 'journal.entry_saved',
          subjectType: 'journal_entry',
          subjectId: id,
          subjectUserId: clientId,
        };
        const tooLong = tooLongMessage(entryLength(saved.body, saved.details));
        if (tooLong) refuse(tx, event, 400, 'too_long', tooLong);
        const malformed = malformedMessage([saved.body, ...detailsTexts(saved.details)]);
        if (malformed) refuse(tx, event, 400, 'malformed_text', malformed);
        // Twice at most: a first save racing another first save of the same id finds it on the second pass.
        for (let attempt = 0; attempt < 2; attempt++) {
          const row = await findEntryRow(tx, clientId, id, true);
          const content = await checkReferences(tx, clientId, saved, row, event);
          if (!row) {
            const created = await insertEntry(tx, clientId, id, content, null);
            if (!created) continue;
            tx.audit({
              ...event,
              action: 'journal.entry_created',
              details: { version: 1, recreated: save.baseVersion > 0 },
            });
            return { entry: created, conflictCopy: null, safeguarding: await checkEntry(tx, clientId, created) };
          }
          if (row.version === save.baseVersion) {
            if (row.kind !== content.kind) {
              refuse(
                tx,
                event,
                400,
                'kind_changed',
                'An entry cannot change its kind. Please start a new entry instead.',
              );
            }
            const kept = { tags: await decryptTags(tx, row.tags), sharing: sharingOf(row.share, row.next_session) };
            const entry = await updateEntry(tx, row, content, kept);
            tx.audit({ ...event, details: { version: entry.version } });
            return { entry, conflictCopy: null, safeguarding: await checkEntry(tx, clientId, entry) };
          }
          return conflictingSave(tx, clientId, row, content, event, save.baseVersion);
        }
        refuse(tx, event, 404, 'not_found', NO_SUCH_ENTRY);
      });
    },
  );
};

/** A save over a version that is no longer the stored one. */
async function conflictingSave(
  tx: Scoped,
  clientId: string,
  row: EntryRow,
  content: EntryContent,
  event: AuditInput,
  baseVersion: number,
) {
  const text = await decryptEntryText(tx, row);
  const stored = await toEntry(tx, row, text);
  if (sameContent(contentOfRow(row, text), content)) {
    tx.audit({ ...event, details: { version: row.version, retried: true } });
    return { entry: stored, conflictCopy: null, safeguarding: await checkEntry(tx, clientId, stored) };
  }
  const copyId = crypto.randomUUID();
  const copy = await insertEntry(tx, clientId, copyId, content, row.id);
  if (!copy) throw new Error('a new random entry id was already taken');
  tx.audit({
    ...event,
    action: 'journal.entry_conflict_copied',
    subjectId: copyId,
    details: { conflictOf: row.id, storedVersion: row.version, baseVersion },
  });
  return { entry: stored, conflictCopy: copy, safeguarding: await checkEntry(tx, clientId, copy) };
}

/**
 * Keeps only the earlier dreams that are this client's dreams (a link to a dream deleted on another
 * device, or to anything else, is dropped rather than refused: a save must never be blocked while the
 * person is writing), and refuses (400) a session that is not theirs. Skipped when they are what is
 * stored already (most saves), so the usual save costs no query for it.
 */
async function checkReferences(
  tx: Scoped,
  clientId: string,
  content: EntryContent,
  row: EntryRow | undefined,
  event: AuditInput,
): Promise<EntryContent> {
  const recurs = [...new Set(content.recursIds.map((r) => r.toLowerCase()))];
  const checkRecurs = recurs.length > 0 && !(row && sameIds(content.recursIds, row.recurs_ids));
  const appointment = content.appointmentId?.toLowerCase() ?? null;
  const checkAppointment = appointment !== null && appointment !== row?.appointment_id;
  if (!checkRecurs && !checkAppointment) return content;
  const found = await tx.query<{ dreams: string[]; appointments: number }>(
    `SELECT ARRAY(SELECT id::text FROM journal_entries
                   WHERE client_id = $1 AND kind = 'dream' AND id = ANY($2::uuid[])) AS dreams,
            (SELECT count(*)::int FROM appointments WHERE client_id = $1 AND id = $3) AS appointments`,
    [clientId, checkRecurs ? recurs : [], checkAppointment ? appointment : null],
  );
  const counts = found.rows[0];
  if (checkAppointment && counts?.appointments !== 1) {
    refuse(
      tx,
      event,
      400,
      'unknown_session',
      'The session this entry links to is not one of yours. Please choose another.',
    );
  }
  if (!checkRecurs) return content;
  const known = new Set(counts?.dreams ?? []);
  return { ...content, recursIds: recurs.filter((r) => known.has(r)) };
}
