import { describe, expect, it } from 'vitest';
import { fillPlaceholders, PLACEHOLDERS, placeholderProblems, type PlaceholderValues } from './placeholders.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';

const VALUES = Object.fromEntries(PLACEHOLDERS.map((p) => [p.name, `<${p.name}>`])) as PlaceholderValues;

describe('placeholders', () => {
  it('fills every known placeholder, with or without spaces inside the braces', () => {
    expect(fillPlaceholders('Dear {{recipient.name}}, re {{ client.name }} on {{today}}.', VALUES)).toBe(
      'Dear <recipient.name>, re <client.name> on <today>.',
    );
  });

  it('finds nothing wrong in the built-in templates', () => {
    for (const template of DEFAULT_TEMPLATES) {
      expect(placeholderProblems(template.subject, 'subject')).toEqual([]);
      expect(placeholderProblems(template.body, 'body')).toEqual([]);
    }
  });

  it('names an unknown placeholder once, however often it appears', () => {
    expect(placeholderProblems('{{client.nmae}} and {{client.nmae}}', 'body')).toEqual([
      {
        field: 'body',
        message:
          '“{{client.nmae}}” is not a placeholder we know. Use one of the listed placeholders, such as {{client.name}}.',
      },
    ]);
  });

  it('names empty, unclosed and unopened placeholders', () => {
    expect(placeholderProblems('Hello {{ }}', 'body')[0]?.message).toContain('“{{ }}” is an empty placeholder');
    expect(placeholderProblems('Dear {{recipient.name', 'body')[0]?.message).toContain(
      '“{{recipient.name” has a placeholder that is not closed',
    );
    expect(placeholderProblems('Dear client.name}} x', 'subject')).toEqual([
      {
        field: 'subject',
        message: expect.stringContaining(
          '“Dear client.name}}” has a placeholder that is not closed or opened properly',
        ),
      },
    ]);
    expect(placeholderProblems('{{{client.name}}}', 'body').length).toBeGreaterThan(0);
  });

  it('lets single braces through as ordinary text', () => {
    expect(placeholderProblems('A set {a, b} is fine', 'body')).toEqual([]);
  });
});
