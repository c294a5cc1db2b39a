import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFrameFieldErrors } from '../frame/episodes-field-errors.js';
import { getInstrumentRoute } from './instrument-get.js';
import { importInstrumentRoute } from './instrument-import.js';
import { retireInstrumentRoute } from './instrument-retire.js';
import { listInstrumentsRoute } from './instruments-list.js';
import { enterResponseRoute } from './response-enter.js';
import { exportFhirRoute } from './responses-fhir.js';
import { listResponsesRoute } from './responses-list.js';

/**
 * Outcome measures: the catalogue of questionnaires (built-in and the practice's imported, licensed
 * ones), answers entered from paper and scored on the server, and the FHIR R4 export. Each route
 * lives in its own file; they share a scope whose error handler answers problems with their fields.
 */
export const measuresRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    installFrameFieldErrors(scope);
    const routes: FastifyPluginAsyncTypebox[] = [
      listInstrumentsRoute,
      getInstrumentRoute,
      importInstrumentRoute,
      retireInstrumentRoute,
      listResponsesRoute,
      enterResponseRoute,
      exportFhirRoute,
    ];
    for (const route of routes) await route(scope, {});
  });
};
