import { describe, expect, it } from 'vitest';
import { analyseEntry } from './analyse-entry.js';
import { CLIENT_VIEW, STAFF_VIEW, foldAll } from './fold.js';
import { summarisePatterns } from './summarise.js';
import type { PatternEntry } from './types.js';

let n = 0;
const e = (date: string, text: string, over: Partial<PatternEntry> = {}): PatternEntry => ({
  id: `e${++n}`,
  kind: 'journal',
  date,
  text,
  source: 'shared',
  ...over,
});

const record: PatternEntry[] = [
  e('2024-01-10', 'When I was little my dad criticised everything I did. I was so angry with him.'),
  e('2024-02-14', 'As a child I was scared of my father. He shouted at me and I felt angry and small.'),
  e('2024-03-03', 'Growing up, Dad criticised my school reports and I was furious.'),
  e('2024-04-20', 'My boss criticised my report today and I was angry all afternoon.'),
  e('2024-05-11', 'My boss shouted at me in the meeting. I felt so angry.'),
  e('2024-06-02', 'I worked in the garden all morning and felt calm.'),
  e('2024-07-09', 'The garden is full of roses now, and I was happy there.'),
  e('2024-08-15', 'I cut back the roses in the garden.'),
  e('2024-09-01', 'I told my therapist about the garden and she smiled.'),
  e('2024-09-02', 'I dreamt my therapist was moving away.', { kind: 'dream' }),
  e('2024-09-03', 'Felt protective of her today, and sleepy in the session.', {
    kind: 'countertransference',
    source: 'therapist',
  }),
  e('2024-10-12', 'My sister Anna hugged me and I cried.'),
  e('2024-11-30', 'Anna rang and we laughed about Mum.'),
  e('2024-12-01', 'My mother ignored me at dinner and I felt ashamed.', { source: 'private' }),
];
const analyses = record.map((entry) => analyseEntry(entry));

describe('summarisePatterns', () => {
  const summary = summarisePatterns(foldAll(analyses), { themes: { minEntries: 3 } });

  it('finds a recurring theme, with its months, trend, citations and how', () => {
    const garden = summary.themes.find((t) => t.terms.includes('garden'))!;
    expect(garden.entries).toBe(4);
    expect(garden.firstSeen).toBe('2024-06-02');
    expect(garden.lastSeen).toBe('2024-09-01');
    expect(garden.byMonth.map((m) => m.month)).toEqual(['2024-06', '2024-07', '2024-08', '2024-09']);
    expect(garden.citations[0]).toMatchObject({ date: '2024-09-01' });
    expect(garden.how).toContain('comes up in 4 entries of 14 since June 2024');
    for (const c of garden.citations) {
      const text = record.find((r) => r.id === c.entryId)!.text.slice(c.start, c.end);
      expect(text.toLowerCase()).toContain('garden');
    }
  });

  it('maps people with their feelings and interactions, a name tied to its role', () => {
    const father = summary.people.find((p) => p.figure === 'father')!;
    expect(father.entries).toBe(3);
    expect(father.pastSentences).toBeGreaterThanOrEqual(3);
    expect(father.feelings[0]).toMatchObject({ id: 'anger' });
    expect(father.interactions.map((i) => i.id)).toContain('criticise');
    expect(father.how).toMatch(/^father: mentioned in 3 entries since January 2024; appears with anger in 3 entries/);
    const sister = summary.people.find((p) => p.figure === 'sister')!;
    expect(sister.names).toEqual(['anna']);
    expect(sister.entries).toBe(2);
    expect(sister.label).toBe('sister (Anna)');
  });

  it('finds the echo of father then in boss now, citing both sides', () => {
    const echo = summary.echoes.find((x) => x.id === 'father~boss')!;
    expect(echo.similarity).toBeGreaterThan(0.6);
    expect(echo.shared).toEqual(expect.arrayContaining(['anger', 'criticise']));
    expect(echo.past.citations.length).toBeGreaterThan(0);
    expect(echo.present.citations.map((c) => c.date)).toEqual(['2024-05-11', '2024-04-20']);
    expect(echo.how).toContain('offered for reflection');
  });

  it('puts transference markers and countertransference on one timeline', () => {
    expect(summary.transference.map((m) => [m.date, m.marker])).toEqual([
      ['2024-09-01', 'client-reference'],
      ['2024-09-02', 'client-reference'],
      ['2024-09-03', 'countertransference'],
    ]);
    expect(summary.transference[1]!.how).toBe('The client\'s dream mentions "therapist".');
  });

  it('offers CCRT candidates with suggested clusters, and summarises confirmed episodes', () => {
    const c = summary.ccrtCandidates.find((x) => x.date === '2024-04-20')!;
    expect(c).toMatchObject({ figure: 'boss', interaction: 'criticise', response: { feeling: 'anger' } });
    expect(c.suggested).toEqual({ RO: ['ro-rejecting-opposing'], RS: ['rs-oppose-hurt'] });
    const confirmed = summarisePatterns(foldAll(analyses), {
      confirmedEpisodes: [{ id: c.id, W: ['w-loved-understood'], RO: c.suggested.RO, RS: c.suggested.RS }],
    });
    expect(confirmed.ccrt.scoredEpisodes).toBe(1);
    expect(confirmed.ccrt.RO.balance.negativeShare).toBe(1);
    expect(confirmed.ccrt.enoughEpisodes).toBe(false);
  });

  it('exposes defensive functioning from rated notes', () => {
    const s = summarisePatterns(foldAll(analyses), {
      ratedOccasions: [
        { at: '2024-01-10', ratings: ['denial', 'projection'] },
        { at: '2024-02-14', ratings: ['humour'] },
      ],
    });
    expect(s.defensiveFunctioning.trend.map((p) => p.odf)).toEqual([3, 7]);
    expect(s.defensiveFunctioning.overall).toBeCloseTo(13 / 3, 6);
  });

  it('keeps views apart: no private entry for staff, no therapist note for the client', () => {
    const staff = JSON.stringify(summarisePatterns(foldAll(analyses, STAFF_VIEW)));
    const client = JSON.stringify(summarisePatterns(foldAll(analyses, CLIENT_VIEW)));
    const privateId = record.find((r) => r.source === 'private')!.id;
    const therapistId = record.find((r) => r.source === 'therapist')!.id;
    expect(staff).not.toContain(`"entryId":"${privateId}"`);
    expect(client).toContain(`"entryId":"${privateId}"`);
    expect(client).not.toContain(`"entryId":"${therapistId}"`);
  });

  it('is calm about an empty record and never phrases a diagnosis', () => {
    const empty = summarisePatterns(foldAll([]));
    expect(empty).toMatchObject({ entries: 0, firstDate: null, themes: [], people: [], echoes: [], transference: [] });
    const { caution, ...observations } = summary;
    expect(caution).toContain('not findings or a diagnosis');
    const text = JSON.stringify(observations).toLowerCase();
    for (const word of ['diagnos', 'disorder', 'patholog', 'symptom of']) expect(text).not.toContain(word);
  });
});
