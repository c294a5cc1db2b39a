import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deleteProcessNoteRoute } from './process-note-delete.js';
import { getProcessNoteRoute } from './process-note-get.js';
import { listProcessNotesRoute } from './process-note-list.js';
import { saveProcessNoteRoute } from './process-note-save.js';

/** Process notes: their author's alone — list (per client), read, save (create or update), delete. */
export const processNoteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const routes: FastifyPluginAsyncTypebox[] = [
    listProcessNotesRoute,
    getProcessNoteRoute,
    saveProcessNoteRoute,
    deleteProcessNoteRoute,
  ];
  for (const route of routes) await route(app, {});
};
