import { describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENTS, builtinInstrument } from './builtin-instruments.js';
import { score } from './score.js';
import { formatDefinitionErrors, validateDefinition } from './validate-definition.js';

/* CORE-10- and WSAS-shaped definitions as a practice would import them. The wording is a
   placeholder: their copyrighted wording is NOT reproduced here. */

const CORE10_SHAPED = {
  id: 'core-10',
  name: 'CORE-10',
  title: 'CORE-10 (placeholder wording)',
  stem: 'Placeholder instruction from the licensed form.',
  answerOptions: [0, 1, 2, 3, 4].map((value) => ({ value, label: `Placeholder answer ${value}` })),
  items: Array.from({ length: 10 }, (_, i) => ({
    linkId: String(i + 1),
    text: `Placeholder item ${i + 1}`,
    ...(i === 1 || i === 2 ? { reverse: true } : {}),
  })),
  missingItemRule: { maxMissing: 1, rounding: 'half-up' },
  bands: [
    { min: 0, max: 10, label: 'Below the clinical cut-off' },
    { min: 11, max: 40, label: 'Clinical range' },
  ],
  cutoff: { score: 11, comparison: 'at-or-above', label: 'Clinical' },
  licence: { copyright: '© CORE System Trust (placeholder line)', terms: 'CC BY-ND 4.0: reproduced unaltered.' },
};

const WSAS_SHAPED = {
  id: 'wsas',
  name: 'WSAS',
  title: 'Work and Social Adjustment Scale (placeholder wording)',
  answerOptions: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((value) => ({ value, label: String(value) })),
  items: Array.from({ length: 5 }, (_, i) => ({ linkId: `w${i + 1}`, text: `Placeholder item ${i + 1}` })),
  missingItemRule: { maxMissing: 0, rounding: 'none', unverified: 'No rule known.' },
  bands: [
    { min: 0, max: 9, label: 'Subclinical' },
    { min: 10, max: 20, label: 'Significant impairment' },
    { min: 21, max: 40, label: 'Moderately severe or worse' },
  ],
  cutoff: { score: 20, comparison: 'above', label: 'Moderately severe' },
  reliableChange: { points: 8, unverified: 'placeholder' },
  licence: { copyright: 'Placeholder copyright line', terms: 'Licensed to this practice.', url: 'https://example.org' },
  unverified: ['placeholder'],
};

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

describe('validateDefinition: valid definitions', () => {
  it.each(BUILTIN_INSTRUMENTS.map((d) => [d.name, d]))('accepts the shipped %s', (_, def) => {
    const r = validateDefinition(def);
    expect(r.ok ? r.definition : r.errors).toEqual(def);
  });

  it('accepts a CORE-10-shaped definition and scores it with reverse keying and prorating', () => {
    const r = validateDefinition(CORE10_SHAPED);
    if (!r.ok) throw new Error(formatDefinitionErrors(r.errors));
    const zeros = Object.fromEntries(CORE10_SHAPED.items.map((i) => [i.linkId, 0]));
    const all0 = score(r.definition, zeros);
    expect(all0.ok && all0.total).toBe(8); // items 2 and 3 reversed: 4 each
    const oneMissing = score(r.definition, { ...zeros, 10: null });
    expect(oneMissing.ok && [oneMissing.total, oneMissing.prorated]).toEqual([9, true]); // 8 × 10/9 = 8.9 → 9
    const twoMissing = score(r.definition, { ...zeros, 9: null, 10: null });
    expect(twoMissing.ok && twoMissing.noScoreReason).toMatch(/at most 1 missing/);
    const atCutoff = score(r.definition, { ...zeros, 1: 3 });
    expect(atCutoff.ok && [atCutoff.total, atCutoff.caseness]).toEqual([11, true]);
  });

  it('accepts a WSAS-shaped definition; "above 20" is a case only from 21', () => {
    const r = validateDefinition(WSAS_SHAPED);
    if (!r.ok) throw new Error(formatDefinitionErrors(r.errors));
    const at20 = score(r.definition, { w1: 8, w2: 8, w3: 4, w4: 0, w5: 0 });
    expect(at20.ok && [at20.total, at20.caseness, at20.band?.label]).toEqual([20, false, 'Significant impairment']);
    const at21 = score(r.definition, { w1: 8, w2: 8, w3: 5, w4: 0, w5: 0 });
    expect(at21.ok && [at21.total, at21.caseness]).toEqual([21, true]);
  });

  it('returns a copy, not the object it was given', () => {
    const input = clone(WSAS_SHAPED);
    const r = validateDefinition(input);
    expect(r.ok && r.definition !== (input as unknown)).toBe(true);
  });
});

type Json = Record<string, unknown> & { items: Record<string, unknown>[] };
type Case = [string, (d: Json) => unknown, string, RegExp];

const CASES: Case[] = [
  [
    'a misspelt field',
    (d) => (d.items[1]!['revers'] = true),
    'items[1].revers',
    /"revers" is not a field of a question; the fields are: linkId, text/,
  ],
  ['a repeated linkId', (d) => (d.items[1]!['linkId'] = 'w1'), 'items[1].linkId', /repeats the linkId "w1"/],
  [
    'a fractional answer value',
    (d) => ((d['answerOptions'] as { value: number }[])[1]!.value = 1.5),
    'answerOptions[1].value',
    /whole number, not 1.5/,
  ],
  [
    'a repeated answer value',
    (d) => ((d['answerOptions'] as { value: number }[])[1]!.value = 0),
    'answerOptions[1].value',
    /repeats the value 0/,
  ],
  [
    'an item without a linkId',
    (d) => delete d.items[2]!['linkId'],
    'items[2].linkId',
    /Question 3's linkId .* is required/,
  ],
  [
    'a band without a minimum',
    (d) => delete (d['bands'] as Record<string, unknown>[])[0]!['min'],
    'bands[0].min',
    /Band 1's lowest score \(min\) is required/,
  ],
  [
    'a subscale without linkIds',
    (d) => (d['subscales'] = [{ id: 's', label: 'S' }]),
    'subscales[0].linkIds',
    /questions \(linkIds\) is required/,
  ],
  ['no licence', (d) => delete d['licence'], 'licence', /licence .*is required/],
  [
    'an empty copyright line',
    (d) => ((d['licence'] as Record<string, unknown>)['copyright'] = '  '),
    'licence.copyright',
    /must not be empty/,
  ],
  ['a number as a title', (d) => (d['title'] = 7), 'title', /must be text, not the number 7/],
  ['an id with capitals', (d) => (d['id'] = 'CORE 10'), 'id', /lower-case letters, digits and hyphens/],
  [
    'an unknown rounding',
    (d) => ((d['missingItemRule'] as Record<string, unknown>)['rounding'] = 'up'),
    'missingItemRule.rounding',
    /"half-up"/,
  ],
  [
    'a negative maxMissing',
    (d) => ((d['missingItemRule'] as Record<string, unknown>)['maxMissing'] = -1),
    'missingItemRule.maxMissing',
    /at least 0/,
  ],
  [
    'items that are not a list',
    (d) => ((d as Record<string, unknown>)['items'] = {}),
    'items',
    /must be a list, not an object/,
  ],
  ['no items', (d) => (d['items'] = []), 'items', /at least one question/],
  [
    'an item that is not an object',
    (d) => ((d['items'] as unknown[])[0] = null),
    'items[0]',
    /entry 1 must be an object, not null/,
  ],
  [
    'an item without text',
    (d) => delete d.items[0]!['text'],
    'items[0].text',
    /Question 1's wording \(text\) is required/,
  ],
  [
    '"scored" not a boolean',
    (d) => (d.items[0]!['scored'] = 'yes'),
    'items[0].scored',
    /true or false, not the string "yes"/,
  ],
  ['a code without a system', (d) => (d.items[0]!['code'] = { code: 'x' }), 'items[0].code.system', /code system/],
  ['a code that is a list', (d) => (d['code'] = []), 'code', /must be an object, not a list/],
  ['empty answer options', (d) => (d.items[0]!['answerOptions'] = []), 'items[0].answerOptions', /at least one answer/],
  [
    'an empty not-applicable label',
    (d) => (d.items[0]!['notApplicable'] = { label: '' }),
    'items[0].notApplicable.label',
    /must not be empty/,
  ],
  [
    'a band max that is not a number',
    (d) => ((d['bands'] as Record<string, unknown>[])[0]!['max'] = '9'),
    'bands[0].max',
    /must be a number/,
  ],
  [
    'an unknown cut-off comparison',
    (d) => ((d['cutoff'] as Record<string, unknown>)['comparison'] = '>='),
    'cutoff.comparison',
    /"at-or-above" or "above"/,
  ],
  [
    'a zero reliable change',
    (d) => ((d['reliableChange'] as Record<string, unknown>)['points'] = 0),
    'reliableChange.points',
    /at least/,
  ],
  ['unverified notes that are not text', (d) => (d['unverified'] = [3]), 'unverified[0]', /must be text/],
  [
    'a subscale with no questions',
    (d) => (d['subscales'] = [{ id: 's', label: 'S', linkIds: [] }]),
    'subscales[0].linkIds',
    /at least one question/,
  ],
  [
    'a subscale listing a number',
    (d) => (d['subscales'] = [{ id: 's', label: 'S', linkIds: [1] }]),
    'subscales[0].linkIds[0]',
    /must be a question linkId/,
  ],
  [
    'a flag without whenDeclined',
    (d) => (d['flags'] = [{ id: 'f', label: 'F', linkId: 'w1', atOrAbove: 1, whenUnanswered: false }]),
    'flags[0].whenDeclined',
    /required \(true or false\)/,
  ],
  [
    'a pattern with no clusters',
    (d) => (d['patterns'] = [{ id: 'p', label: 'P', endorsedAtOrAbove: 2, clusters: [] }]),
    'patterns[0].clusters',
    /at least one cluster/,
  ],
  ['a root that is a list', () => [], '', /must be a JSON object/],
  // Phase 2: ranges and references.
  [
    'a gap between bands',
    (d) => ((d['bands'] as Record<string, unknown>[])[1]!['min'] = 11),
    'bands[1].min',
    /should start at 10/,
  ],
  [
    'a band ending before it starts',
    (d) => ((d['bands'] as Record<string, unknown>[])[0]!['min'] = 12),
    'bands[0].min',
    /starts at 12, above its end 9/,
  ],
  [
    'bands not reaching the maximum',
    (d) => ((d['bands'] as Record<string, unknown>[])[2]!['max'] = 39),
    'bands[2].max',
    /highest possible total, 40/,
  ],
  [
    'a cut-off outside the range',
    (d) => ((d['cutoff'] as Record<string, unknown>)['score'] = 41),
    'cutoff.score',
    /outside the possible totals 0–40/,
  ],
  [
    'maxMissing as large as the item count',
    (d) => ((d['missingItemRule'] as Record<string, unknown>)['maxMissing'] = 5),
    'missingItemRule.maxMissing',
    /only 5 scored questions/,
  ],
  ['no answers anywhere', (d) => delete d['answerOptions'], 'items[0].answerOptions', /has no answers/],
  [
    'no scored question',
    (d) => d.items.forEach((i) => (i['scored'] = false)),
    'items',
    /At least one question must be scored/,
  ],
  [
    'a subscale naming no question',
    (d) => (d['subscales'] = [{ id: 's', label: 'S', linkIds: ['x'] }]),
    'subscales[0].linkIds[0]',
    /"x", which does not exist/,
  ],
  [
    'a subscale naming an unscored question',
    (d) => {
      d.items[4]!['scored'] = false;
      d['subscales'] = [{ id: 's', label: 'S', linkIds: ['w5'] }];
    },
    'subscales[0].linkIds[0]',
    /not scored/,
  ],
  [
    'repeated subscale ids',
    (d) =>
      (d['subscales'] = [
        { id: 's', label: 'S', linkIds: ['w1'] },
        { id: 's', label: 'T', linkIds: ['w2'] },
      ]),
    'subscales[1].id',
    /repeats the id "s"/,
  ],
  [
    'a flag on no question',
    (d) =>
      (d['flags'] = [{ id: 'f', label: 'F', linkId: 'zz', atOrAbove: 1, whenDeclined: true, whenUnanswered: false }]),
    'flags[0].linkId',
    /"zz", which does not exist/,
  ],
  [
    'a flag that is always raised',
    (d) =>
      (d['flags'] = [{ id: 'f', label: 'F', linkId: 'w1', atOrAbove: 0, whenDeclined: true, whenUnanswered: false }]),
    'flags[0].atOrAbove',
    /always or never/,
  ],
  [
    'a flag that is never raised',
    (d) =>
      (d['flags'] = [{ id: 'f', label: 'F', linkId: 'w1', atOrAbove: 9, whenDeclined: true, whenUnanswered: false }]),
    'flags[0].atOrAbove',
    /always or never/,
  ],
  [
    'a cluster needing more than it has',
    (d) =>
      (d['patterns'] = [
        {
          id: 'p',
          label: 'P',
          endorsedAtOrAbove: 2,
          clusters: [{ id: 'c', label: 'C', linkIds: ['w1'], minEndorsed: 2 }],
        },
      ]),
    'patterns[0].clusters[0].minEndorsed',
    /needs 2 endorsed but has only 1/,
  ],
  [
    'a cluster naming no question',
    (d) =>
      (d['patterns'] = [
        {
          id: 'p',
          label: 'P',
          endorsedAtOrAbove: 2,
          clusters: [{ id: 'c', label: 'C', linkIds: ['q'], minEndorsed: 1 }],
        },
      ]),
    'patterns[0].clusters[0].linkIds[0]',
    /does not exist/,
  ],
];

describe('validateDefinition: errors a person can act on, with paths', () => {
  it.each(CASES)('reports %s', (name, mutate, path, message) => {
    const def = clone(WSAS_SHAPED) as unknown as Json;
    mutate(def);
    const r = validateDefinition(name === 'a root that is a list' ? [] : def);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, formatDefinitionErrors(r.errors)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('reports every type problem at once, then ranges once the types are right', () => {
    const r = validateDefinition({ id: 'x', items: 'none' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['name', 'title', 'items', 'missingItemRule', 'bands', 'licence']);
  });

  it('formats errors as lines', () => {
    expect(
      formatDefinitionErrors([
        { path: '', message: 'Whole.' },
        { path: 'items[0].text', message: 'Missing.' },
      ]),
    ).toBe('Whole.\nitems[0].text: Missing.');
  });

  it('finds shipped instruments by id', () => {
    expect(builtinInstrument('gad-7')?.name).toBe('GAD-7');
    expect(builtinInstrument('core-10')).toBeUndefined();
  });
});
