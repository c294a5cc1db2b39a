import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { packPdf } from './pack-pdf.js';
import { packFileName, requirePack } from './pack-record.js';

/**
 * GET /api/subject-access/packs/:id/pdf (admin, who delivers it): the prepared pack as a PDF,
 * rendered from the stored JSON (checked against its SHA-256), as an attachment that no cache keeps.
 */
export const downloadPackPdfRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/subject-access/packs/:id/pdf',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Download a prepared subject access pack as PDF',
        params: Type.Object({ id: Uuid }),
        response: {
          ...withErrors({}),
          200: {
            description: 'The pack as a PDF (application/pdf, an attachment)',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const id = request.params.id.toLowerCase();
      const pack = await app.ctx.access.run(actorOf(request), async (tx) => {
        const event = {
          action: 'subject_access.pack_downloaded' as const,
          subjectType: 'subject_access_pack',
          subjectId: id,
        };
        const found = await requirePack(tx, id, event);
        tx.audit({
          ...event,
          subjectUserId: found.clientId,
          details: { format: 'pdf', version: found.version, requestId: found.requestId },
        });
        return found;
      });
      const pdf = await packPdf(pack.document, pack.sha256);
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', `attachment; filename="${packFileName(pack, 'pdf')}"`)
        .header('Cache-Control', 'no-store')
        .send(pdf);
    },
  );
};
