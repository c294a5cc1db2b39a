import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * PDF documents the practice hands to people: letters and subject-access packs. Made on our own
 * server with pdfkit (no browser, no outside service), in DejaVu Sans — a font shipped in an npm
 * package that covers Latin, Greek, Cyrillic, Hebrew and Arabic letters, so a client's own words come
 * out as they wrote them (pdfkit lays right-to-left text out left to right, and emoji have no glyph:
 * both are noted in docs/ARCHITECTURE.md). The PDF is tagged (headings, paragraphs, a language and a
 * title) so a screen reader can read it, and every page carries a page count in its footer.
 */
export type PdfBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** A quiet line in smaller grey type: dates, who wrote something, a caution. */
  | { kind: 'meta'; text: string }
  /** Label: value rows, e.g. the facts of a session. */
  | { kind: 'fields'; rows: readonly (readonly [string, string])[] }
  /** Lines kept together without paragraph gaps, e.g. an address or a date; `right` for a letter's date. */
  | { kind: 'lines'; lines: readonly string[]; align?: 'left' | 'right' }
  | { kind: 'pageBreak' };

export interface PdfSpec {
  title: string;
  /** Who made it, e.g. the practice's name (document information). */
  author: string;
  subject?: string;
  /** BCP 47, e.g. en-GB. */
  lang?: string;
  /** Printed at the top of the first page: the practice's name and address lines. */
  letterhead?: { name: string; lines: readonly string[] };
  /** Printed at the foot of every page before the page count, e.g. "Confidential". */
  footer?: string;
  blocks: readonly PdfBlock[];
}

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: fs.readFileSync(path.join(fontDir, 'DejaVuSans.ttf')),
    bold: fs.readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const MARGIN = 56; // ≈ 2 cm
const INK = '#1d1d1f';
const QUIET = '#55585e';
const HEADING_SIZE = { 1: 18, 2: 14, 3: 12 } as const;

/** Control characters other than tab and newline would be drawn as boxes; a PDF has no use for them. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\r\n?/g, '\n');
}

export function renderPdf(spec: PdfSpec): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    tagged: true,
    lang: spec.lang ?? 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: spec.title,
      Author: spec.author,
      ...(spec.subject ? { Subject: spec.subject } : {}),
      Creator: 'Undercurrent',
      Producer: 'Undercurrent',
    },
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  const write = (
    tag: string,
    font: 'body' | 'bold',
    size: number,
    colour: string,
    text: string,
    gap: number,
    align: 'left' | 'right' = 'left',
  ) => {
    doc.addStructure(
      doc.struct(tag, {}, () => {
        doc.font(font).fontSize(size).fillColor(colour).text(printable(text), { width, lineGap: 2, align });
      }),
    );
    doc.moveDown(gap);
  };

  if (spec.letterhead) {
    write('H1', 'bold', 16, INK, spec.letterhead.name, 0.1);
    for (const line of spec.letterhead.lines) write('P', 'body', 9.5, QUIET, line, 0);
    doc.moveDown(1);
  }
  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'heading':
        if (block.level === 1) doc.moveDown(0.3);
        write(`H${block.level}`, 'bold', HEADING_SIZE[block.level], INK, block.text, 0.4);
        break;
      case 'paragraph':
        write('P', 'body', 10.5, INK, block.text === '' ? ' ' : block.text, 0.6);
        break;
      case 'meta':
        write('P', 'body', 9, QUIET, block.text, 0.4);
        break;
      case 'fields':
        for (const [label, value] of block.rows) {
          doc.addStructure(
            doc.struct('P', {}, () => {
              doc
                .font('bold')
                .fontSize(10)
                .fillColor(INK)
                .text(`${printable(label)}: `, { width, continued: true, lineGap: 2 })
                .font('body')
                .text(printable(value) || '—', { lineGap: 2 });
            }),
          );
        }
        doc.moveDown(0.6);
        break;
      case 'lines':
        if (block.lines.length > 0) write('P', 'body', 10.5, INK, block.lines.join('\n'), 0, block.align);
        doc.moveDown(0.8);
        break;
      case 'pageBreak':
        doc.addPage();
        break;
    }
  }

  // Footers are drawn last, once the number of pages is known, marked as page furniture.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const label = `${spec.footer ? `${spec.footer} · ` : ''}Page ${i + 1} of ${range.count}`;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('body')
      .fontSize(8.5)
      .fillColor(QUIET)
      .text(printable(label), MARGIN, doc.page.height - MARGIN, { width, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
