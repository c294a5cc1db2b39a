/* The README's examples, run as written: each `it` starts with a README code block verbatim (bare
   expressions included, hence the rule below), then checks what the README's comments say. */
/* eslint-disable @typescript-eslint/no-unused-expressions */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as clinical from './index.js';
import {
  HVDC_NORMS,
  PHQ9,
  applyCorrections,
  ccrtSummary,
  codeContents,
  codeDream,
  dreamIndicators,
  hProfile,
  levelProfile,
  overallDefensiveFunctioning,
  reliableChange,
  score,
  talkingTherapiesOutcome,
  toFhirQuestionnaireResponse,
  toFhirScoreObservation,
} from './index.js';
import * as patterns from './patterns/index.js';
import { STAFF_VIEW, analyseEntry, foldAll, summarisePatterns } from './patterns/index.js';

describe('README examples', () => {
  it('scores a PHQ-9', () => {
    const result = score(PHQ9, { 1: 2, 2: 2, 3: 1, 4: 2, 5: 1, 6: 1, 7: 2, 8: 0, 9: 1 });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    result.total; // 12
    result.band?.label; // 'Moderate'
    result.caseness; // true (PHQ-9 ≥ 10)
    result.flags.map((f) => f.id); // ['phq9-item9'] (item 9 answered above 0)

    expect(result.total).toBe(12);
    expect(result.band?.label).toBe('Moderate');
    expect(result.caseness).toBe(true);
    expect(result.flags.map((f) => f.id)).toEqual(['phq9-item9']);
  });

  it('writes answers and their total score as FHIR R4', () => {
    const answers = { 1: 2, 2: 2, 3: null, 4: 2, 5: 1, 6: 1, 7: 2, 8: 0, 9: 'declined' as const };
    const scored = score(PHQ9, answers);
    if (!scored.ok) throw new Error(scored.errors.map((e) => e.message).join('; '));
    const qrId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    const subject = 'Patient/0b6f2d1e-93a4-4c57-9d8e-1f2a3b4c5d6e';
    const qr = toFhirQuestionnaireResponse(PHQ9, answers, { id: qrId, subject, authored: '2026-03-02' });
    qr.item[0]?.answer?.[0]?.valueCoding.code; // 'LA6570-1' (More than half the days)
    qr.item.map((i) => i.linkId).includes('3'); // false: a question left blank is left out
    const obs = toFhirScoreObservation(PHQ9, scored, {
      id: '7a2b3c4d-5e6f-4a70-8b9c-0d1e2f3a4b5c',
      subject,
      effectiveDateTime: '2026-03-02',
      derivedFrom: `urn:uuid:${qrId}`,
    });
    obs?.code.coding?.[0]?.code; // '44261-6' (PHQ-9 total score)
    obs?.valueInteger; // 13: 10 from 7 answers, prorated to 9 questions

    expect(qr.item[0]?.answer?.[0]?.valueCoding.code).toBe('LA6570-1');
    expect(qr.item.map((i) => i.linkId).includes('3')).toBe(false);
    expect(obs?.code.coding?.[0]?.code).toBe('44261-6');
    expect(obs?.valueInteger).toBe(13);
  });

  it('computes reliable change and an NHS Talking Therapies outcome', () => {
    // PHQ-9 from 18 to 9, against its published reliable change of 6 points
    const phq = reliableChange(18, 9, { reliableChangeIndex: 6 });
    phq.reliableImprovement; // true

    // Jacobson & Truax from norms: S_diff = 5 · √(2 · (1 − 0.84)) ≈ 2.83
    const jt = reliableChange(18, 9, { sdPre: 5, reliability: 0.84 });
    jt.rc; // ≈ −3.18, reliable because |RC| > 1.96

    const outcome = talkingTherapiesOutcome({
      measurements: [
        { phq9: 16, gad7: 12 },
        { phq9: 12, gad7: 9 },
        { phq9: 7, gad7: 5 },
      ],
      treatmentSessionsAttended: 6,
    });
    outcome.finishedCourse; // true (≥ 2 treatment sessions)
    outcome.recovery; // true (a case at first, on neither measure at last)
    outcome.reliableImprovement; // true (PHQ-9 fell 9 ≥ 6, GAD-7 fell 7 ≥ 4)
    outcome.reliableRecovery; // true

    expect(phq.reliableImprovement).toBe(true);
    expect(jt.sDiff).toBeCloseTo(2.83, 2);
    expect(jt.rc).toBeCloseTo(-3.18, 2);
    expect(jt.reliable).toBe(true);
    expect(outcome.finishedCourse).toBe(true);
    expect(outcome.recovery).toBe(true);
    expect(outcome.reliableImprovement).toBe(true);
    expect(outcome.reliableRecovery).toBe(true);
  });

  it('computes the ODF', () => {
    // humour (level 7), denial (3), projection (3): ODF = (7 + 3 + 3) / 3
    const odf = overallDefensiveFunctioning(['humour', 'denial', 'projection']);
    odf; // 4.333…
    overallDefensiveFunctioning([]); // null: nothing coded
    levelProfile(['humour', 'denial', 'projection']).levels[4]; // level 3, Disavowal: count 2, share 2/3

    expect(odf).toBeCloseTo(4.3333, 4);
    expect(overallDefensiveFunctioning([])).toBeNull();
    expect(levelProfile(['humour', 'denial', 'projection']).levels[4]).toEqual({
      level: 3,
      name: 'Disavowal',
      count: 2,
      share: 2 / 3,
    });
  });

  it('summarises a CCRT', () => {
    const ccrt = ccrtSummary([
      { W: ['w-close'], RO: ['ro-rejecting-opposing'], RS: ['rs-disappointed-depressed'] },
      { W: ['w-close'], RO: ['ro-helpful'], RS: ['rs-disappointed-depressed'] },
    ]);
    ccrt.W.mostFrequent[0]?.label; // 'To be close and accepting', pervasiveness 1
    ccrt.RO.balance.negativeShare; // 0.5
    ccrt.enoughEpisodes; // false: read a CCRT across about 10 episodes or more

    expect(ccrt.W.mostFrequent[0]?.label).toBe('To be close and accepting');
    expect(ccrt.W.mostFrequent[0]?.pervasiveness).toBe(1);
    expect(ccrt.RO.balance.negativeShare).toBe(0.5);
    expect(ccrt.enoughEpisodes).toBe(false);
  });

  it('codes a dream and profiles it against the norms', () => {
    const codes = codeDream('A man chased me through a dark forest. I was terrified.');
    codes.map((c) => c.category); // ['aggression', 'character', 'setting', 'emotion']
    codes[0]?.evidence[0]?.text; // 'A man chased me through a dark forest' (A6, the dreamer the victim)

    // the therapist reads the chase as a physical attack; indicators use the corrected codes
    const corrected = applyCorrections(codes, [
      { action: 'change', id: 'c1', code: { category: 'aggression', level: 7, dreamerRole: 'victim' } },
    ]);
    const indicators = dreamIndicators([codeContents(corrected.codes)]);
    indicators.proportions.aggressor.value; // 0: the dreamer is the victim
    indicators.rates.aggressionsPerCharacter.value; // 1: one aggression, one character

    const profile = hProfile(indicators, HVDC_NORMS.women);
    profile.caution; // true: one dream, and indicators need about 75

    expect(codes.map((c) => c.category)).toEqual(['aggression', 'character', 'setting', 'emotion']);
    expect(codes[0]).toMatchObject({ id: 'c1', level: 6, dreamerRole: 'victim' });
    expect(codes[0]?.evidence[0]?.text).toBe('A man chased me through a dark forest');
    expect(corrected.codes[0]).toMatchObject({ level: 7, source: 'therapist' });
    expect(indicators.proportions.aggressor.value).toBe(0);
    expect(indicators.proportions.physicalAggression.value).toBe(1);
    expect(indicators.rates.aggressionsPerCharacter.value).toBe(1);
    expect(profile.caution).toBe(true);
    expect(profile.dreams).toBe(1);
  });
});

describe('README example of the pattern aids', () => {
  it('summarises patterns in a staff view', () => {
    const journal = { kind: 'journal', source: 'shared' } as const;
    const entries = [
      { ...journal, id: 'j1', date: '2025-01-06', text: 'As a child Dad criticised me. I was angry.' },
      { ...journal, id: 'j2', date: '2025-02-03', text: 'My boss criticised me and I was angry.' },
      { ...journal, id: 'j3', date: '2025-02-10', text: 'My boss ignored me again.', source: 'private' },
    ] as const;
    const analyses = entries.map((entry) => analyseEntry(entry)); // cache these by entry id
    const summary = summarisePatterns(foldAll(analyses, STAFF_VIEW)); // private entries left out
    summary.people.find((p) => p.figure === 'boss')?.entries; // 1 (j3 is private)
    summary.ccrtCandidates[0]?.suggested.RO; // ['ro-rejecting-opposing'], for the therapist to confirm
    summary.ccrtCandidates[0]?.how; // 'A possible relationship episode: boss — "criticise" (criticised) — then anger. …'

    const everyone = summarisePatterns(foldAll(analyses), { people: { minEntries: 1 } });
    expect(everyone.people.find((p) => p.figure === 'boss')?.entries).toBe(2);
    const staff = summarisePatterns(foldAll(analyses, STAFF_VIEW), { people: { minEntries: 1 } });
    expect(staff.people.find((p) => p.figure === 'boss')?.entries).toBe(1);
    expect(summary.people.find((p) => p.figure === 'boss')).toBeUndefined(); // shown from 2 entries by default
    expect(summary.ccrtCandidates[0]?.suggested.RO).toEqual(['ro-rejecting-opposing']);
    expect(summary.ccrtCandidates[0]?.how).toMatch(
      /^A possible relationship episode: boss — "criticise" \(criticised\) — then anger\. /,
    );
  });
});

describe('README and this file agree', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const self = readFileSync(new URL(import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
  const selfLines = lines(self).join('\n');

  it('has the seven examples', () => {
    expect(blocks).toHaveLength(7);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))('runs README example %i verbatim', (_n, block) => {
    const body = lines(block).filter((l) => !l.startsWith('import '));
    expect(selfLines).toContain(body.join('\n'));
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))('exports every name README example %i imports', (_n, block) => {
    for (const [, names, entry] of block.matchAll(/import \{([^}]*)\} from '@undercurrent\/clinical(\/patterns)?';/g)) {
      for (const name of names!.split(',').map((n) => n.trim())) {
        expect(entry ? patterns : clinical, name).toHaveProperty(name);
      }
    }
  });
});
