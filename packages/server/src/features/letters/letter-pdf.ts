import { renderPdf, type PdfBlock } from '../../pdf/pdf-document.js';
import type { LetterContent } from './letter-record.js';
import { letterheadLines } from './letterhead-record.js';
import type { Letterhead } from './letters-schemas.js';

/**
 * A letter as a PDF: the practice's letterhead, the date at the right, the recipient's name and
 * address, the subject, the body (a blank line starts a paragraph), and the therapist's name under
 * it. A draft says so at the top and in every page's footer.
 */
export interface LetterPdfInput {
  letterhead: Letterhead;
  /** The date printed on the letter, e.g. "6 December 2026". */
  date: string;
  content: LetterContent;
  authorName: string;
  draft: boolean;
}

export function letterPdf(input: LetterPdfInput): Promise<Buffer> {
  const { letterhead, content } = input;
  const paragraphs = content.body
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p !== '');
  const blocks: PdfBlock[] = [
    ...(input.draft
      ? [{ kind: 'heading', level: 2, text: 'DRAFT — not filed in the record, not to be sent' } as const]
      : []),
    { kind: 'lines', lines: [input.date], align: 'right' },
    { kind: 'lines', lines: [content.recipientName, ...content.recipientAddress.split('\n').filter((l) => l.trim())] },
    ...(content.subject ? [{ kind: 'heading', level: 3, text: content.subject } as const] : []),
    ...paragraphs.map((text) => ({ kind: 'paragraph', text }) as const),
    { kind: 'lines', lines: ['', input.authorName, letterhead.name] },
  ];
  const footer = [input.draft ? 'DRAFT' : '', letterhead.footer].filter((s) => s !== '').join(' · ');
  return renderPdf({
    title: content.subject || `Letter to ${content.recipientName}`,
    author: letterhead.name,
    ...(content.subject ? { subject: content.subject } : {}),
    letterhead: { name: letterhead.name, lines: letterheadLines(letterhead) },
    ...(footer ? { footer } : {}),
    blocks,
  });
}
