import { renderPdf, type PdfBlock } from '../../pdf/pdf-document.js';
import type { PackDocument } from './pack-document.js';
import { packPrinter, words } from './pack-section.js';
import { PACK_SECTIONS } from './pack-sections/index.js';

const CHANNELS: Record<string, string> = {
  in_writing: 'In writing',
  email: 'By e-mail',
  verbally: 'Verbally',
  portal: 'Through the client portal',
  other: 'Another way',
};

/**
 * The PDF of a pack, rendered from the stored JSON (never from the live record), so the PDF and the
 * JSON always say the same: a cover page with the request, then each section on its own page.
 */
export function packPdf(document: PackDocument, sha256: string): Promise<Buffer> {
  const print = packPrinter(document.practice.timeZone);
  const cover: PdfBlock[] = [
    { kind: 'heading', level: 1, text: `Your records: ${document.client.displayName}` },
    {
      kind: 'paragraph',
      text:
        'This is a copy of the personal information the practice holds about you, prepared in answer to your ' +
        'subject access request under the UK General Data Protection Regulation (Article 15).',
    },
    {
      kind: 'fields',
      rows: [
        ['Request received', print.date(document.request.receivedOn)],
        ['Made', CHANNELS[document.request.channel] ?? words(document.request.channel)],
        ['Requested by', document.request.requester === 'client' ? 'You' : 'Someone acting on your behalf'],
        ['Response due by', print.date(document.request.dueOn)],
        ['Pack version', String(document.version)],
        ['Prepared', `${print.dateTime(document.preparedAt)} by ${document.preparedBy}`],
        ['SHA-256 of the JSON copy', sha256],
      ],
    },
    { kind: 'heading', level: 2, text: 'Contents' },
    ...document.sections.map((s, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${s.title}` })),
  ];
  const blocks: PdfBlock[] = [...cover];
  for (const [i, stored] of document.sections.entries()) {
    blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: `${i + 1}. ${stored.title}` });
    const section = PACK_SECTIONS.find((s) => s.key === stored.key);
    blocks.push(
      ...(section
        ? section.toPdf(stored.data, print)
        : [{ kind: 'paragraph' as const, text: JSON.stringify(stored.data, null, 2) }]),
    );
  }
  return renderPdf({
    title: `Subject access pack: ${document.client.displayName} (version ${document.version})`,
    author: document.practice.name,
    subject: 'Subject access request (UK GDPR Article 15)',
    lang: 'en-GB',
    letterhead: { name: document.practice.name, lines: ['Confidential: personal information'] },
    footer: 'Confidential',
    blocks,
  });
}
