import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { NoteSettings } from './record-schemas.js';
import { loadNoteSettings } from './settings-record.js';

/** GET /api/record/note-settings (therapist, admin): the practice's note template, or the defaults. */
export const getNoteSettingsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/note-settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin'] }),
      schema: {
        tags: ['record'],
        summary: "The practice's progress-note template and late-signing threshold",
        response: withErrors({ 200: NoteSettings }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const settings = await loadNoteSettings(tx);
        tx.audit({
          action: 'record.note_settings_viewed',
          subjectType: 'note_settings',
          subjectId: tx.actor.practiceId,
        });
        return settings;
      }),
  );
};
