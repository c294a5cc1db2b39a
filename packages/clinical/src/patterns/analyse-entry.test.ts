import { describe, expect, it } from 'vitest';
import { analyseEntry } from './analyse-entry.js';
import { ANALYSIS_VERSION } from './types.js';
import type { EntryAnalysis, PatternEntry } from './types.js';

const entry = (text: string, over: Partial<PatternEntry> = {}): PatternEntry => ({
  id: 'e1',
  kind: 'journal',
  date: '2026-03-02',
  text,
  source: 'shared',
  ...over,
});
const analyse = (text: string) => analyseEntry(entry(text));
const figuresOf = (a: EntryAnalysis) => a.figures.map((f) => f.figure);

describe('sentences and offsets', () => {
  it('splits sentences and gives offsets into the text as written', () => {
    const text = 'I rang Mum.  She didn’t answer!\nI felt  so alone.';
    const a = analyse(text);
    expect(a.version).toBe(ANALYSIS_VERSION);
    expect(a.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'I rang Mum.',
      'She didn’t answer!',
      'I felt  so alone.',
    ]);
    for (const m of [...a.figures, ...a.feelings, ...a.interactions]) expect(text.slice(m.start, m.end)).toBe(m.term);
  });

  it('handles an empty passage', () => {
    const a = analyse('');
    expect(a.sentences).toEqual([]);
    expect(a.figures).toEqual([]);
    expect(a.terms).toEqual({});
  });
});

describe('figures', () => {
  it('resolves kinship and role terms to figures', () => {
    expect(figuresOf(analyse('My mum and my dad came round, then my line manager called.'))).toEqual([
      'mother',
      'father',
      'boss',
    ]);
    expect(figuresOf(analyse('Dad was late again.'))).toEqual(['father']);
  });

  it("does not count someone else's relation", () => {
    expect(figuresOf(analyse('His mother was furious with him.'))).toEqual([]);
    expect(figuresOf(analyse("Sarah's dad drove us home."))).toEqual(['name:sarah']);
    expect(figuresOf(analyse('My mother-in-law phoned.'))).toEqual([]);
  });

  it("reads the therapist's notes as being about the client's people", () => {
    const note = analyseEntry(
      entry("Client spoke about their boss. The client's mother rang.", { kind: 'session_note', source: 'therapist' }),
    );
    expect(figuresOf(note)).toEqual(['boss', 'mother']);
    expect(figuresOf(analyse('I spoke about their boss.'))).toEqual([]);
  });

  it('does not take a capitalised first word for a name unless it acts', () => {
    expect(figuresOf(analyse('Tonight my boss rang.'))).toEqual(['boss']);
    expect(figuresOf(analyse('Sarah rang.'))).toEqual(['name:sarah']);
  });

  it('finds names, and ties a name to its role', () => {
    const a = analyse('My sister Anna rang. Later Mark, my boss, emailed.');
    expect(a.aliases).toEqual([
      { name: 'anna', figure: 'sister' },
      { name: 'mark', figure: 'boss' },
    ]);
    expect(figuresOf(analyse('I went to London with Jake.'))).toEqual(['name:jake']);
  });

  it('follows a pronoun back to the figure of an earlier sentence', () => {
    const a = analyse('My mother phoned. She shouted at me.');
    expect(a.figures.map((f) => [f.figure, f.via, f.sentence])).toEqual([
      ['mother', 'role', 0],
      ['mother', 'pronoun', 1],
    ]);
    expect(a.interactions[0]).toMatchObject({ kind: 'attack', agent: 'mother', target: 'self' });
  });
});

describe('feelings', () => {
  it('finds the emotion families', () => {
    const a = analyse('I was furious, then scared, then just sad and confused. Later I felt ashamed and guilty.');
    expect(a.feelings.map((f) => f.family)).toEqual(['anger', 'fear', 'sadness', 'confusion', 'shame', 'guilt']);
    expect(a.feelings.every((f) => !f.negated)).toBe(true);
  });

  it('marks a negated feeling and keeps "not sure" as confusion', () => {
    const a = analyse("I wasn't angry with her. I'm not sure what I want.");
    expect(a.feelings.map((f) => [f.family, f.negated])).toEqual([
      ['anger', true],
      ['confusion', false],
    ]);
  });

  it('needs a feeling verb for everyday words like "low"', () => {
    expect(analyse('The sun was low over the sea.').feelings.map((f) => f.family)).toEqual([]);
    expect(analyse('I woke up feeling low.').feelings.map((f) => f.family)).toEqual(['sadness']);
  });
});

describe('interactions', () => {
  it('says who did what to whom', () => {
    expect(analyse('My boss ignored me in the meeting.').interactions[0]).toMatchObject({
      kind: 'ignore',
      agent: 'boss',
      target: 'self',
    });
    expect(analyse('I was criticised by my dad.').interactions[0]).toMatchObject({
      kind: 'criticise',
      agent: 'father',
      target: 'self',
    });
  });

  it('reads withheld care as ignoring, and drops a negated attack', () => {
    expect(analyse('Dad never listened to me.').interactions[0]).toMatchObject({
      kind: 'ignore',
      withheld: true,
      agent: 'father',
    });
    expect(analyse('Emma never replies to my messages.').interactions.map((i) => i.kind)).toEqual(['ignore']);
    expect(analyse("My boss didn't shout at me.").interactions).toEqual([]);
  });

  it('needs a person in the sentence, and does not read nouns or reflexives as acts', () => {
    expect(analyse('I need some help with the boiler.').interactions).toEqual([]);
    expect(analyse('My sister rejected my offer of help.').interactions.map((i) => i.kind)).toEqual(['reject']);
    expect(analyse('I blame myself for everything.').interactions).toEqual([]);
    expect(analyse('My boss left early.').interactions).toEqual([]);
    expect(analyse('When I was seven my dad left and never came back.').interactions.map((i) => i.kind)).toContain(
      'leave',
    );
  });
});

describe('childhood cues, therapy references and theme candidates', () => {
  it('finds childhood cues per sentence', () => {
    const a = analyse('When I was little we lived by the sea. Now I live in a city. At primary school I hid.');
    expect(a.childhood).toEqual([
      { cues: ['when-i-was-young'], sentence: 0 },
      { cues: ['school-years'], sentence: 2 },
    ]);
  });

  it('finds references to the therapist and the therapy, and the therapist by name', () => {
    const a = analyseEntry(entry('I thought about my therapist. Dr Hale seemed tired in the session.'), {
      therapistNames: ['Dr Hale'],
    });
    expect(a.therapyReferences.map((r) => r.term)).toEqual(['therapist', 'session', 'Dr Hale']);
    expect(a.figures).toEqual([]);
  });

  it('collects content words and two-word phrases with their sentences, never background words', () => {
    const a = analyse('The job interview went badly. Another job interview tomorrow.');
    expect(a.terms['job interview']).toEqual([0, 1]);
    expect(a.terms.interview).toEqual([0, 1]);
    expect(a.terms.tomorrow).toBeUndefined();
    expect(a.terms.the).toBeUndefined();
  });
});
