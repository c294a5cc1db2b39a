import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { dreamCodesGetRoute } from './dream-codes-get.js';
import { dreamCorrectionsClearRoute } from './dream-corrections-clear.js';
import { dreamCorrectionsSaveRoute } from './dream-corrections-save.js';
import { dreamsListRoute } from './dreams-list.js';
import { confirmEpisodeRoute } from './episodes-confirm.js';
import { deleteEpisodeRoute } from './episodes-delete.js';
import { ownPatternsRoute } from './own-get.js';
import { ownSettingsGetRoute } from './own-settings-get.js';
import { ownSettingsPutRoute } from './own-settings-put.js';
import { staffPatternsRoute } from './patterns-get.js';

/**
 * The pattern aids (issue 7): the therapist's view of a client (shared entries and their own notes),
 * confirmed relationship episodes, the therapist's corrections of dream codes, and the client's own private view. Each route lives in its own file.
 */
export const patternsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const routes: FastifyPluginAsyncTypebox[] = [
    staffPatternsRoute,
    confirmEpisodeRoute,
    deleteEpisodeRoute,
    ownSettingsGetRoute,
    ownSettingsPutRoute,
    ownPatternsRoute,
    dreamsListRoute,
    dreamCodesGetRoute,
    dreamCorrectionsSaveRoute,
    dreamCorrectionsClearRoute,
  ];
  for (const route of routes) await route(app, {});
};
