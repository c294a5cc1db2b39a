import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { buildOutcomeReport } from './report-build.js';
import { OutcomeReport, ReportRange } from './results-schemas.js';

/**
 * GET /api/results/report?from&to (admin): the practice outcome report of the episodes that ended in
 * the range (or all of them) — numbers and percentages recovered, reliably improved, reliably
 * recovered and deteriorated, and paired-data completeness. Figures only: no client is named.
 */
export const getReportRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/results/report',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['results'],
        summary: 'The practice outcome report (figures only)',
        querystring: ReportRange,
        response: withErrors({ 200: OutcomeReport }),
      },
    },
    async (request) => {
      const admin = actorOf(request);
      const report = await buildOutcomeReport(app.ctx.access, admin, request.query);
      await app.ctx.access.run(admin, async (tx) => {
        tx.audit({
          action: 'results.report_viewed',
          subjectType: 'practice',
          subjectId: admin.practiceId,
          details: { from: report.from, to: report.to, episodes: report.episodes },
        });
      });
      return report;
    },
  );
};
