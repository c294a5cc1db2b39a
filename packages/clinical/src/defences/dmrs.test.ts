import { describe, expect, it } from 'vitest';
import {
  DEFENCE_IDS,
  DMRS_DEFENCES,
  DMRS_HIERARCHY,
  DMRS_LEVELS,
  defenceById,
  dmrsLevelName,
  isDefenceId,
} from './dmrs.js';

describe('DMRS hierarchy', () => {
  it('has the seven levels with their names', () => {
    expect(DMRS_LEVELS.map((l) => `${l.level} ${l.name}`)).toEqual([
      '1 Action',
      '2 Major image-distorting',
      '3 Disavowal',
      '4 Minor image-distorting',
      '5 Other neurotic',
      '6 Obsessional',
      '7 High adaptive',
    ]);
    expect(dmrsLevelName(7)).toBe('High adaptive');
    expect(dmrsLevelName(1)).toBe('Action');
  });

  it('places each defence at its level as in the reference table', () => {
    const at = (level: number) => DMRS_DEFENCES.filter((d) => d.level === level).map((d) => d.id);
    expect(at(7)).toEqual([
      'affiliation',
      'altruism',
      'anticipation',
      'humour',
      'self-assertion',
      'self-observation',
      'sublimation',
      'suppression',
    ]);
    expect(at(6)).toEqual(['isolation-of-affect', 'intellectualisation', 'undoing']);
    expect(at(5)).toEqual(['repression', 'dissociation', 'reaction-formation', 'displacement']);
    expect(at(4)).toEqual([
      'idealisation-self',
      'idealisation-other',
      'devaluation-self',
      'devaluation-other',
      'omnipotence',
    ]);
    expect(at(3)).toEqual(['denial', 'projection', 'rationalisation', 'autistic-fantasy']);
    expect(at(2)).toEqual(['splitting-self', 'splitting-other', 'projective-identification']);
    expect(at(1)).toEqual(['acting-out', 'help-rejecting-complaining', 'passive-aggression']);
  });

  it('has one entry per id, with unique ids and labels', () => {
    expect(DMRS_DEFENCES.map((d) => d.id)).toEqual([...DEFENCE_IDS]);
    expect(new Set(DMRS_DEFENCES.map((d) => d.label)).size).toBe(DMRS_DEFENCES.length);
    expect(DMRS_DEFENCES).toHaveLength(30);
  });

  it('keeps self and other idealisation, devaluation and splitting distinct', () => {
    expect(defenceById('idealisation-self')?.label).toBe('Idealisation of self-image');
    expect(defenceById('idealisation-other')?.label).toBe('Idealisation of other’s image');
    expect(defenceById('devaluation-other')?.level).toBe(4);
    expect(defenceById('splitting-self')?.level).toBe(2);
    expect(defenceById('splitting-other')?.level).toBe(2);
  });

  it('orders the picker hierarchy from 7 down to 1, each level with its defences', () => {
    expect(DMRS_HIERARCHY.map((l) => l.level)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(DMRS_HIERARCHY[0]?.defences).toHaveLength(8);
    expect(DMRS_HIERARCHY.flatMap((l) => l.defences)).toEqual(DMRS_DEFENCES);
  });

  it('looks up ids', () => {
    expect(isDefenceId('humour')).toBe(true);
    expect(isDefenceId('humor')).toBe(false);
    expect(defenceById('nope')).toBeUndefined();
  });
});
