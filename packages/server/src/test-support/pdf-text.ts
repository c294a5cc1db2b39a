import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF the way a PDF reader does (Mozilla's pdf.js, an independent implementation) and gives
 * back each page's text, lines joined by newlines, plus the document's title and language — so tests
 * check what a person would see, not the bytes we wrote.
 */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: string[]; title: string | undefined; text: string }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(text);
  }
  const meta = await document.getMetadata();
  const info = meta.info as { Title?: string };
  await document.destroy();
  return { pages, title: info.Title, text: pages.join('\n') };
}
