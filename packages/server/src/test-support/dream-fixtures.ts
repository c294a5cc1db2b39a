import { codeDream, type DreamCode, type DreamCodeCorrection } from '@undercurrent/clinical';

/** A dream the coder reads as a chase (aggression) felt with fear (emotion), with "the way home" in it. */
export const CHASE_DREAM = 'A man chased me through the dark forest. I was terrified and could not find the way home.';

export const WAY_HOME = 'the way home';

/**
 * A therapist's corrections of the chase dream's automatic codes: the chase read as a verbal threat
 * the dreamer witnessed, the fear removed, and a failure of the dreamer's added, resting on
 * "the way home". Returns the two automatic codes it corrects too.
 */
export function chaseCorrections(automatic: readonly DreamCode[] = codeDream(CHASE_DREAM)): {
  chase: DreamCode;
  fear: DreamCode;
  corrections: DreamCodeCorrection[];
} {
  const chase = automatic.find((c) => c.category === 'aggression');
  const fear = automatic.find((c) => c.category === 'emotion');
  if (!chase || !fear) throw new Error('the coder no longer finds the chase and the fear in the chase dream');
  const at = CHASE_DREAM.indexOf(WAY_HOME);
  return {
    chase,
    fear,
    corrections: [
      { action: 'change', id: chase.id, code: { category: 'aggression', level: 2, dreamerRole: 'witness' } },
      { action: 'remove', id: fear.id },
      {
        action: 'add',
        id: 't1',
        code: { category: 'failure', dreamerInvolved: true },
        evidence: [{ start: at, end: at + WAY_HOME.length, text: WAY_HOME }],
      },
    ],
  };
}
