import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFrameFieldErrors } from '../frame/episodes-field-errors.js';
import { amendNoteRoute } from './notes-amend.js';
import { createNoteRoute } from './notes-create.js';
import { deleteNoteRoute } from './notes-delete.js';
import { getNoteRoute } from './notes-get.js';
import { listNotesRoute } from './notes-list.js';
import { saveNoteRoute } from './notes-save.js';
import { signNoteRoute } from './notes-sign.js';
import { noteVersionsRoute } from './notes-versions.js';
import { getNoteSettingsRoute } from './settings-get.js';
import { putNoteSettingsRoute } from './settings-put.js';

/**
 * Progress notes: list, create, read, save a draft, sign, amend, history; the note template. Each
 * route lives in its own file; they share a scope whose error handler answers field problems (the
 * template) with their fields.
 */
export const noteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    installFrameFieldErrors(scope);
    const routes: FastifyPluginAsyncTypebox[] = [
      listNotesRoute,
      createNoteRoute,
      getNoteRoute,
      saveNoteRoute,
      signNoteRoute,
      amendNoteRoute,
      noteVersionsRoute,
      deleteNoteRoute,
      getNoteSettingsRoute,
      putNoteSettingsRoute,
      (await import('./notes-search.js')).searchNotesRoute,
    ];
    for (const route of routes) await route(scope, {});
  });
};
