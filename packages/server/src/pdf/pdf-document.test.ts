import { describe, expect, it } from 'vitest';
import { pdfText } from '../test-support/pdf-text.js';
import { renderPdf } from './pdf-document.js';

describe('renderPdf', () => {
  it('writes a tagged PDF whose text, title and page count a PDF reader finds', async () => {
    const pdf = await renderPdf({
      title: 'Letter to Dr Patel',
      author: 'Riverside Therapy',
      letterhead: { name: 'Riverside Therapy', lines: ['1 River Street', 'London N1 1AA'] },
      footer: 'Confidential',
      blocks: [
        { kind: 'heading', level: 1, text: 'Re: Ms Priya Nair' },
        { kind: 'fields', rows: [['Date of birth', '1 March 1990']] },
        { kind: 'paragraph', text: 'Line one\r\nline two\u0007' },
        { kind: 'meta', text: 'Written by Dr Ruth Mensah' },
        { kind: 'pageBreak' },
        { kind: 'paragraph', text: 'Ελληνικά · Русский · naïve café' },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/MarkInfo');
    expect(raw).toContain('/StructTreeRoot');
    const read = await pdfText(pdf);
    expect(read.title).toBe('Letter to Dr Patel');
    expect(read.pages).toHaveLength(2);
    expect(read.pages[0]).toContain('Riverside Therapy');
    expect(read.pages[0]).toContain('Re: Ms Priya Nair');
    expect(read.pages[0]).toContain('Date of birth: 1 March 1990');
    expect(read.pages[0]).toContain('Line one');
    expect(read.pages[0]).not.toContain('\u0007');
    expect(read.pages[0]).toContain('Confidential · Page 1 of 2');
    expect(read.pages[1]).toContain('Ελληνικά · Русский · naïve café');
    expect(read.pages[1]).toContain('Page 2 of 2');
  });

  it('flows long text over as many pages as it needs', async () => {
    const paragraph = 'The same dream again, the house by the sea with the door that will not close. '.repeat(40);
    const pdf = await renderPdf({
      title: 'Long',
      author: 'Test',
      blocks: Array.from({ length: 12 }, () => ({ kind: 'paragraph' as const, text: paragraph })),
    });
    const read = await pdfText(pdf);
    expect(read.pages.length).toBeGreaterThan(3);
    expect(read.pages.at(-1)).toContain(`Page ${read.pages.length} of ${read.pages.length}`);
  });

  it('keeps lines together, right-aligned when asked (a letter’s date and address)', async () => {
    const pdf = await renderPdf({
      title: 'Letter',
      author: 'Test',
      blocks: [
        { kind: 'lines', lines: ['6 December 2026'], align: 'right' },
        { kind: 'lines', lines: ['Dr Anna Patel', 'Canal Street Surgery', 'London N1 2BB'] },
        { kind: 'lines', lines: [] },
        { kind: 'paragraph', text: 'Dear Dr Patel,' },
      ],
    });
    const read = await pdfText(pdf);
    expect(read.pages[0]).toMatch(
      /6 December 2026\s+Dr Anna Patel\s+Canal Street Surgery\s+London N1 2BB\s+Dear Dr Patel,/,
    );
    // The date sits at the right margin: pdf.js places its text beyond the middle of the page.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
      .promise;
    const page = await document.getPage(1);
    const items = (await page.getTextContent()).items.filter((i) => 'str' in i);
    const date = items.find((i) => 'str' in i && i.str === '6 December 2026');
    const name = items.find((i) => 'str' in i && i.str === 'Dr Anna Patel');
    expect(date && 'transform' in date ? (date.transform[4] as number) : 0).toBeGreaterThan(300);
    expect(name && 'transform' in name ? (name.transform[4] as number) : 999).toBeLessThan(100);
    await document.destroy();
  });
});
