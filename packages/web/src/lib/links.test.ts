import { describe, expect, it } from 'vitest';
import { splitLinks } from './links';

describe('splitLinks', () => {
  it('finds an invitation link inside an e-mail body', () => {
    const body = 'Hello Sam,\n\nAccept here: http://localhost:4100/invite/abc.def_-1\n\nThanks.';
    expect(splitLinks(body)).toEqual([
      { kind: 'text', text: 'Hello Sam,\n\nAccept here: ' },
      {
        kind: 'link',
        href: 'http://localhost:4100/invite/abc.def_-1',
        text: 'http://localhost:4100/invite/abc.def_-1',
      },
      { kind: 'text', text: '\n\nThanks.' },
    ]);
  });

  it('leaves trailing punctuation outside the link', () => {
    expect(splitLinks('Go to https://example.org/reset/x.')).toEqual([
      { kind: 'text', text: 'Go to ' },
      { kind: 'link', href: 'https://example.org/reset/x', text: 'https://example.org/reset/x' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never turns other schemes into links', () => {
    expect(splitLinks('javascript:alert(1) and mailto:a@b.c')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) and mailto:a@b.c' },
    ]);
    expect(splitLinks('')).toEqual([]);
  });
});
