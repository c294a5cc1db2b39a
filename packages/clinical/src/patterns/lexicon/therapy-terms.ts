/**
 * References to the therapist or the therapy in the client's material — candidates for
 * transference, never a judgement that transference is present. Our own list.
 */

export const THERAPY_TERMS: readonly string[] = [
  'therapist',
  'therapy',
  'counsellor',
  'counselor',
  'counselling',
  'analyst',
  'analysis',
  'psychotherapist',
  'psychotherapy',
  'session',
  'sessions',
  'consulting room',
  'the couch',
  'your room',
  'the waiting room',
  'our work',
];
