import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { loadExport } from './export-record.js';
import { exportFileName, journalJson, journalMarkdown } from './export-format.js';

/**
 * GET /api/journal/export?format=markdown|json (client): the client's whole journal as a file to
 * download — every entry with its dream details, tags and sharing. Always an attachment, never shown
 * inline, so the client's text is never rendered as a page.
 */
export const exportJournalRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/journal/export',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Download your whole journal (Markdown or JSON)',
        querystring: Type.Object(
          { format: Type.Union([Type.Literal('markdown'), Type.Literal('json')]) },
          { additionalProperties: false },
        ),
        response: {
          ...withErrors({}),
          200: {
            description: 'The journal as a file (text/markdown or application/json)',
            content: {
              'text/markdown': { schema: Type.String() },
              'application/json': { schema: Type.Object({ version: Type.Integer() }) },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const file = await app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const data = await loadExport(tx, clientId);
        tx.audit({
          action: 'journal.exported',
          subjectType: 'journal',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { format, entries: data.entries.length },
        });
        return format === 'json'
          ? { name: exportFileName(data, 'json'), type: 'application/json; charset=utf-8', text: journalJson(data) }
          : { name: exportFileName(data, 'md'), type: 'text/markdown; charset=utf-8', text: journalMarkdown(data) };
      });
      return reply
        .header('Content-Type', file.type)
        .header('Content-Disposition', `attachment; filename="${file.name}"`)
        .send(Buffer.from(file.text, 'utf8'));
    },
  );
};
