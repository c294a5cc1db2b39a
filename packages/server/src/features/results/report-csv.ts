import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { buildOutcomeReport } from './report-build.js';
import { reportCsv } from './report-csv-format.js';
import { ReportRange } from './results-schemas.js';

/**
 * GET /api/results/report.csv?from&to (admin): the same figures as the report, as a CSV download
 * (columns in report-csv-format.ts). No names, ids or e-mail addresses.
 */
export const getReportCsvRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/results/report.csv',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['results'],
        summary: 'The practice outcome report as CSV (figures only)',
        querystring: ReportRange,
        response: withErrors({ 200: Type.String({ description: 'text/csv' }) }),
      },
    },
    async (request, reply) => {
      const admin = actorOf(request);
      const report = await buildOutcomeReport(app.ctx.access, admin, request.query);
      await app.ctx.access.run(admin, async (tx) => {
        tx.audit({
          action: 'results.report_exported',
          subjectType: 'practice',
          subjectId: admin.practiceId,
          details: { from: report.from, to: report.to, episodes: report.episodes },
        });
      });
      const name = `outcomes-${report.from ?? 'start'}-to-${report.to ?? 'now'}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(reportCsv(report));
    },
  );
};
