import { describe, expect, it } from 'vitest';
import { inlineText, isSafeHref, pageTextProblems, parseInline, parsePageText, MAX_PAGE_TEXT } from './page-text.js';

describe('page text (the public pages’ safe formatting)', () => {
  it('reads paragraphs, headings, lists, bold and links', () => {
    const blocks = parsePageText(
      '## How it works\n\nWe meet **weekly**,\nat the same time.\n\n- Free association\n- Dreams\n\n1. First\n2. Second\n\n### Contact\nSee [our fees](/p/x/fees) or [e-mail us](mailto:a@b.example).',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'How it works' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'We meet ' },
          { type: 'strong', children: [{ type: 'text', text: 'weekly' }] },
          { type: 'text', text: ', at the same time.' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'Free association' }], [{ type: 'text', text: 'Dreams' }]],
      },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'First' }], [{ type: 'text', text: 'Second' }]] },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'Contact' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'See ' },
          { type: 'link', href: '/p/x/fees', children: [{ type: 'text', text: 'our fees' }] },
          { type: 'text', text: ' or ' },
          { type: 'link', href: 'mailto:a@b.example', children: [{ type: 'text', text: 'e-mail us' }] },
          { type: 'text', text: '.' },
        ],
      },
    ]);
  });

  it('keeps HTML as plain text: a script or an event handler is never a node of its own', () => {
    const source = '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> **<b>bold</b>**';
    const blocks = parsePageText(source);
    expect(JSON.stringify(blocks)).not.toContain('"type":"html"');
    expect(blocks[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }] });
    const second = blocks[1];
    expect(second?.type).toBe('paragraph');
    expect(second?.type === 'paragraph' ? inlineText(second.children) : '').toBe(
      '<img src=x onerror="alert(2)"> <b>bold</b>',
    );
  });

  it('never makes a link of a javascript:, data: or protocol-relative address', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>',
      '//evil.example',
      'vbscript:x',
    ]) {
      expect(isSafeHref(href)).toBe(false);
      expect(parseInline(`[click](${href})`).some((n) => n.type === 'link')).toBe(false);
      expect(pageTextProblems(`[click](${href})`)).toHaveLength(1);
    }
    expect(parseInline('[x](https://example.org/a" onmouseover="y)').some((n) => n.type === 'link')).toBe(false);
    for (const href of ['https://www.nhs.uk', 'mailto:hello@practice.example', 'tel:+44 20 7946 0000', '/help']) {
      expect(isSafeHref(href)).toBe(true);
    }
  });

  it('tells the author which line holds a link that will not work, and when a page is too long', () => {
    expect(pageTextProblems('fine\n[bad](ftp://x)')[0]?.message).toContain('Line 2');
    expect(pageTextProblems('x'.repeat(MAX_PAGE_TEXT + 1))[0]?.message).toContain('the most is');
    expect(pageTextProblems('## Fine\n\n[ok](/help)')).toEqual([]);
  });

  it('leaves unmatched markers as they are', () => {
    expect(parseInline('a ** b [c] (d)')).toEqual([{ type: 'text', text: 'a ** b [c] (d)' }]);
    expect(parsePageText('')).toEqual([]);
    expect(parsePageText('#### four hashes')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '#### four hashes' }] },
    ]);
  });
});
