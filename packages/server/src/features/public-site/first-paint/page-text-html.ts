import { isSafeHref, parsePageText, type Block, type Inline } from '@undercurrent/clinical';
import { escapeHtml } from './escape-html.js';

/**
 * A public page's text as HTML, from the same parsed tree the web app renders (@undercurrent/clinical
 * page-text) and with the same elements as its PageText component: every piece of text escaped, links
 * only those the parser let through (checked again here), never any HTML taken from the text itself.
 */
function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escapeHtml(node.text);
      if (node.type === 'strong') return `<strong>${inlineHtml(node.children)}</strong>`;
      if (!isSafeHref(node.href)) return inlineHtml(node.children);
      const rel = node.href.startsWith('/') ? '' : ' rel="noopener noreferrer"';
      return `<a href="${escapeHtml(node.href)}"${rel}>${inlineHtml(node.children)}</a>`;
    })
    .join('');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const tag = block.level === 2 ? 'h2' : 'h3';
      return `<${tag}>${inlineHtml(block.children)}</${tag}>`;
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    }
    default:
      return `<p>${inlineHtml(block.children)}</p>`;
  }
}

export function pageTextHtml(text: string): string {
  return `<div class="page-text">${parsePageText(text).map(blockHtml).join('')}</div>`;
}

/** The first paragraph's plain text, cut to a length search engines show: the page's meta description. */
export function pageTextSummary(text: string, max = 160): string {
  const first = parsePageText(text).find((block) => block.type === 'paragraph');
  if (!first || first.type !== 'paragraph') return '';
  const plain = plainText(first.children).replace(/\s+/g, ' ').trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}

function plainText(nodes: Inline[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.text : plainText(node.children))).join('');
}
