import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noteRoutes } from './note-routes.js';
import { processNoteRoutes } from './process-note-routes.js';

/** The clinical record: progress notes (signing, amendments, history), the note template, process notes. */
export const recordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await noteRoutes(app, {});
  await processNoteRoutes(app, {});
};
