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
});
