/**
 * Childhood cues: words that place a passage in the client's past. Our own list, matched on the
 * lower-case sentence. Each cue has an id so an observation can say which cue it saw.
 */

export interface ChildhoodCue {
  id: string;
  /** en-GB description for the `how` text. */
  label: string;
  pattern: RegExp;
}

export const CHILDHOOD_CUES: readonly ChildhoodCue[] = [
  {
    id: 'when-i-was-young',
    label: '"when I was little" and the like',
    pattern:
      /\bwhen (?:i|we) (?:was|were) (?:little|young|small|a (?:child|kid|boy|girl|teenager)|kids|children|teenagers|\d{1,2}|(?:six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|five|four|three))\b/,
  },
  {
    id: 'as-a-child',
    label: '"as a child"',
    pattern: /\bas (?:(?:a|little) )?(?:child|kid|boy|girl|teenager|kids|children|teenagers)\b/,
  },
  { id: 'growing-up', label: 'growing up', pattern: /\b(?:growing up|grew up|brought up|raised me)\b/ },
  {
    id: 'childhood',
    label: 'childhood',
    pattern: /\b(?:childhood|boyhood|girlhood|my teens|teenage years|adolescence)\b/,
  },
  {
    id: 'school-years',
    label: 'school years',
    pattern:
      /\b(?:primary school|secondary school|junior school|infant school|nursery|boarding school|sixth form|year (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})|school holidays|school reports?|parents'? evenings?|at school back|in school back|school run|playground)\b/,
  },
  {
    id: 'parents-house',
    label: "the parents' house",
    pattern:
      /\b(?:my parents'? (?:house|home|place|flat)|(?:the|our) (?:old )?family home|the house i grew up in|my old bedroom|my childhood (?:home|bedroom|room)|(?:grandma|granny|nan|gran)'s house)\b/,
  },
  {
    id: 'back-then',
    label: '"back then" with an age',
    pattern:
      /\b(?:back then|years ago|as a little one|at (?:the )?age (?:of )?(?:\d{1,2}|[a-z]+)|aged (?:\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)|(?:until|since|before) i was (?:\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|little|small)|i was only (?:\d{1,2}|a (?:child|kid)))\b/,
  },
];

/** The cues a sentence carries (ids), in list order. */
export function childhoodCuesIn(sentence: string): string[] {
  const lower = sentence.toLowerCase().replace(/’/g, "'");
  return CHILDHOOD_CUES.filter((c) => c.pattern.test(lower)).map((c) => c.id);
}
