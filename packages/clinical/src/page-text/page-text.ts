/**
 * The small, safe formatting the practice's public pages are written in: paragraphs (a blank line
 * between them), headings (`## ` and `### `), bulleted (`- `) and numbered (`1. `) lists, **bold**
 * and links `[words](address)`. It is parsed into a tree of plain text and a few kinds of node; the web
 * renders the tree with ordinary elements, so text is always text — no HTML in a page is ever
 * interpreted, whatever it contains. Links go only to https:, http:, mailto: and tel: addresses or to
 * a path on this site (starting with one `/`); anything else stays as words.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 2 | 3; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

export interface PageTextProblem {
  line: number;
  message: string;
}

/** The longest page body accepted (characters). */
export const MAX_PAGE_TEXT = 20_000;

const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+0-9 ()-]+|\/(?!\/)[^\s]*)$/i;

/** Whether a link address may be followed: web, e-mail, phone, or a path on this site. */
export function isSafeHref(href: string): boolean {
  return SAFE_LINK.test(href.trim()) && !/[<>"'`\\]/.test(href);
}

/** Parses a line's inline formatting: **bold** and [words](address). Unmatched markers stay as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ type: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('**', i)) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (text[i] === '[') {
      const close = text.indexOf('](', i + 1);
      const end = close >= 0 ? text.indexOf(')', close + 2) : -1;
      if (close > i + 1 && end > close + 2) {
        const words = text.slice(i + 1, close);
        const href = text.slice(close + 2, end).trim();
        if (isSafeHref(href) && !words.includes('[')) {
          flush();
          out.push({ type: 'link', href, children: parseInline(words) });
          i = end + 1;
          continue;
        }
      }
    }
    buffer += text[i];
    i += 1;
  }
  flush();
  return out;
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^(#{2,3})\s+(.*)$/;

/** Parses a page body into blocks. Never fails: anything it does not recognise is a paragraph of text. */
export function parsePageText(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      endParagraph();
      endList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      endList();
      blocks.push({
        type: 'heading',
        level: heading[1] === '##' ? 2 : 3,
        children: parseInline((heading[2] ?? '').trim()),
      });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      endParagraph();
      const ordered = numbered !== null;
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((item[1] ?? '').trim()));
      continue;
    }
    if (list) {
      // A line under a list item without a marker continues that item.
      const last = list.items[list.items.length - 1];
      if (last) {
        last.push({ type: 'text', text: ' ' }, ...parseInline(line.trim()));
        continue;
      }
    }
    paragraph.push(line.trim());
  }
  endParagraph();
  endList();
  return blocks;
}

/** What an author should fix before saving: links that would not be followed, and too much text. */
export function pageTextProblems(source: string): PageTextProblem[] {
  const problems: PageTextProblem[] = [];
  if (source.length > MAX_PAGE_TEXT) {
    problems.push({
      line: 0,
      message: `The page is ${source.length.toLocaleString('en-GB')} characters long; the most is ${MAX_PAGE_TEXT.toLocaleString('en-GB')}.`,
    });
  }
  source.split(/\r\n?|\n/).forEach((line, index) => {
    for (const match of line.matchAll(/\[([^\]]+)\]\(([^)]*)\)/g)) {
      const href = (match[2] ?? '').trim();
      if (!isSafeHref(href)) {
        problems.push({
          line: index + 1,
          message: `Line ${index + 1}: the link “${match[1] ?? ''}” goes to “${href}”. A link must start with https://, mailto:, tel: or / (a page on this site).`,
        });
      }
    }
  });
  return problems;
}

/** The plain words of some inline nodes (for titles and summaries). */
export function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : inlineText(n.children))).join('');
}
