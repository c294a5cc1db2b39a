import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { longDate, practiceTimeZone } from './letter-facts.js';
import { letterPdf } from './letter-pdf.js';
import { decryptLetter, letterEvent, requireLetter } from './letter-record.js';
import { loadLetterhead } from './letterhead-record.js';

/**
 * GET /api/letters/:id/pdf (the letter's author, or a therapist currently caring for the client):
 * the letter as a PDF to print or send. A filed letter carries the letterhead and date it was filed
 * with; a draft today's, and is marked DRAFT. The file name carries the date and the letter's short
 * id, never the client's name. Every download is audited with the client as its subject.
 */
export const downloadLetterRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/letters/:id/pdf',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['letters'],
        summary: 'A letter as a PDF',
        params: Type.Object({ id: Uuid }),
        response: {
          ...withErrors({}),
          200: {
            description: 'The letter (application/pdf)',
            content: { 'application/pdf': { schema: Type.String() } },
          },
        },
      },
    },
    async (request, reply) => {
      const file = await app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireLetter(tx, id, {
          action: 'letters.pdf_downloaded',
          subjectType: 'letter',
          subjectId: id,
        });
        const timeZone = await practiceTimeZone(tx);
        const when = row.finalised_at ?? new Date();
        const draft = row.status === 'draft';
        const pdf = await letterPdf({
          letterhead: row.letterhead ?? (await loadLetterhead(tx)),
          date: longDate(when, timeZone),
          content: await decryptLetter(tx, row),
          authorName: row.author_name,
          draft,
        });
        tx.audit({
          ...letterEvent('letters.pdf_downloaded', row),
          details: { status: row.status, version: row.version },
        });
        const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(when);
        return { pdf, name: `letter-${draft ? 'draft-' : ''}${day}-${id.slice(0, 8)}.pdf` };
      });
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', `attachment; filename="${file.name}"`)
        .header('Cache-Control', 'no-store')
        .send(file.pdf);
    },
  );
};
