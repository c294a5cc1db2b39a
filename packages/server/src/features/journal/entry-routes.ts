import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deleteEntryRoute } from './entries-delete.js';
import { getEntryRoute } from './entries-get.js';
import { listEntriesRoute } from './entries-list.js';
import { saveEntryRoute } from './entries-save.js';
import { shareEntryRoute } from './entries-share.js';
import { setEntryTagsRoute } from './entries-tags.js';
import { withdrawEntryRoute } from './entries-withdraw.js';
import { exportJournalRoute } from './export-download.js';
import { createTagRoute } from './tags-create.js';
import { deleteTagRoute } from './tags-delete.js';
import { listTagsRoute } from './tags-list.js';

/** The client's own entries: save, read, list and search, delete, share and withdraw, tags, export. */
export const entryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const routes: FastifyPluginAsyncTypebox[] = [
    saveEntryRoute,
    getEntryRoute,
    listEntriesRoute,
    deleteEntryRoute,
    shareEntryRoute,
    withdrawEntryRoute,
    setEntryTagsRoute,
    listTagsRoute,
    createTagRoute,
    deleteTagRoute,
    exportJournalRoute,
  ];
  for (const route of routes) await route(app, {});
};
