import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { assertNoProblems } from '../frame/episodes-field-errors.js';
import { NoteSettings } from './record-schemas.js';
import { loadNoteSettings, noteSettingsProblems, saveNoteSettings } from './settings-record.js';

/**
 * PUT /api/record/note-settings (admin): saves the practice's note template (built-in fields can be
 * turned off or relabelled, not removed; the practice's own fields are custom_<slug>) and the
 * late-signing threshold. Notes already written keep their text whatever the template says.
 */
export const putNoteSettingsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/record/note-settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['record'],
        summary: "Save the practice's progress-note template",
        body: NoteSettings,
        response: withErrors({ 200: NoteSettings }),
      },
    },
    async (request) => {
      assertNoProblems(noteSettingsProblems(request.body), 'invalid_settings');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        await saveNoteSettings(tx, request.body, selfId(tx));
        tx.audit({
          action: 'record.note_settings_changed',
          subjectType: 'note_settings',
          subjectId: tx.actor.practiceId,
          details: {
            fields: request.body.fields.length,
            enabled: request.body.fields.filter((f) => f.enabled).length,
            lateAfterHours: request.body.lateAfterHours,
          },
        });
        return loadNoteSettings(tx);
      });
    },
  );
};
