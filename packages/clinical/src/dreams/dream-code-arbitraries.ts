/**
 * fast-check generators of Hall–Van de Castle codes, for the property tests. Test support only.
 */
import fc from 'fast-check';
import type { DreamCodeContent } from './dream-codes.js';
import { EMOTIONS } from './dream-codes.js';

export const dreamCodeContent: fc.Arbitrary<DreamCodeContent> = fc.oneof(
  fc.record({
    category: fc.constant('character' as const),
    kind: fc.constantFrom('human' as const, 'animal' as const, 'creature' as const),
    sex: fc.constantFrom('male' as const, 'female' as const, 'indefinite' as const),
    identity: fc.constantFrom('family' as const, 'relative' as const, 'friend' as const, 'known' as const, 'prominent' as const, 'stranger' as const),
    dead: fc.boolean(),
    imaginary: fc.boolean(),
  }),
  fc.record({
    category: fc.constant('aggression' as const),
    level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const, 7 as const, 8 as const),
    dreamerRole: fc.constantFrom('aggressor' as const, 'victim' as const, 'reciprocal' as const, 'witness' as const),
  }),
  fc.record({
    category: fc.constant('friendliness' as const),
    level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const, 7 as const),
    dreamerRole: fc.constantFrom('befriender' as const, 'befriended' as const, 'mutual' as const, 'witness' as const),
  }),
  fc.record({
    category: fc.constant('sexuality' as const),
    level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const),
    dreamerRole: fc.constantFrom('initiator' as const, 'recipient' as const, 'mutual' as const, 'witness' as const),
  }),
  fc.record({ category: fc.constant('emotion' as const), emotion: fc.constantFrom(...EMOTIONS), dreamerFeels: fc.boolean() }),
  fc.record({
    category: fc.constant('setting' as const),
    place: fc.constantFrom('indoor' as const, 'outdoor' as const, 'ambiguous' as const),
    familiarity: fc.constantFrom('familiar' as const, 'unfamiliar' as const, 'distorted' as const, 'geographical' as const, 'questionable' as const),
  }),
  fc.record({ category: fc.constantFrom('success' as const, 'failure' as const), dreamerInvolved: fc.boolean() }),
  fc.record({
    category: fc.constant('misfortune' as const),
    level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const),
    dreamerInvolved: fc.boolean(),
  }),
  fc.record({ category: fc.constant('good-fortune' as const), dreamerInvolved: fc.boolean() }),
  fc.record({
    category: fc.constant('body-part' as const),
    region: fc.constantFrom('head' as const, 'extremities' as const, 'torso' as const, 'anatomy' as const, 'sex-organs' as const),
  }),
);

export const dreamSeries = fc.array(fc.array(dreamCodeContent, { maxLength: 12 }), { maxLength: 30 });
