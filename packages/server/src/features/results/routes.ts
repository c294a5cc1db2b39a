import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFrameFieldErrors } from '../frame/episodes-field-errors.js';
import { episodeSummaryRoute } from './episode-summary.js';
import { mySeriesRoute } from './my-series.js';
import { getReportCsvRoute } from './report-csv.js';
import { getReportRoute } from './report-get.js';
import { getSeriesRoute } from './series-get.js';
import { putShareRoute } from './share-put.js';

/**
 * Results: a client's questionnaire charts (the therapist's, and the client's own of the instruments
 * shared with them), the outcome of each treatment episode, and the practice's outcome report. Each
 * route lives in its own file.
 */
export const resultsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    installFrameFieldErrors(scope);
    const routes: FastifyPluginAsyncTypebox[] = [
      getSeriesRoute,
      putShareRoute,
      mySeriesRoute,
      episodeSummaryRoute,
      getReportRoute,
      getReportCsvRoute,
    ];
    for (const route of routes) await route(scope, {});
  });
};
