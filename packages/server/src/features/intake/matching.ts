/**
 * Matching (issue 8, part 5): the practice's therapists ranked for one person, each with the reasons
 * shown in words. Pure — no I/O — so the ranking can be tested and explained.
 *
 * What counts, in order of weight: whether the therapist has space when the person can come
 * (availability overlap), whether they work in the format the person wants, in their language, with
 * what brings them (specialism), of the gender they asked for (when they asked, and only as far as the
 * therapist chose to say), and within the fee range the person gave. A therapist is never
 * hidden for a mismatch: the person sees everyone, best fits first, with what fits and what does not.
 */
export type Format = 'in_person' | 'online';
export type PartOfDay = 'morning' | 'afternoon' | 'evening';

export interface IntakePreferences {
  formats: Format[];
  /** Monday = 1 … Sunday = 7; empty means any day. */
  days: number[];
  /** Empty means any part of the day. */
  parts: PartOfDay[];
  language: string | null;
  therapistGender: 'woman' | 'man' | null;
  feeMaxPence: number | null;
  /** Words the person picked for what brings them (matched against specialisms). */
  topics: string[];
}

export interface Candidate {
  id: string;
  name: string;
  formats: Format[];
  languages: string[];
  specialisms: string[];
  feePence: number | null;
  concessions: string;
  /** What the therapist says of their gender on their profile; null when they prefer not to say. */
  gender: { kind: 'woman' | 'man' | 'self_described'; words: string } | null;
  /** For each part of the day, the weekdays on which a whole session still fits. */
  free: Record<PartOfDay, number[]>;
}

export interface Reason {
  fits: boolean;
  text: string;
}

export interface Ranked {
  id: string;
  name: string;
  score: number;
  reasons: Reason[];
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FORMAT_WORDS: Record<Format, string> = { in_person: 'in person', online: 'online' };
const pounds = (pence: number) => `£${(pence / 100).toFixed(pence % 100 === 0 ? 0 : 2)}`;
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The (weekday, part) pairs the person can come and the therapist has space. */
export function overlap(preferences: IntakePreferences, free: Candidate['free']): { day: number; part: PartOfDay }[] {
  const parts: PartOfDay[] = preferences.parts.length ? preferences.parts : ['morning', 'afternoon', 'evening'];
  const result: { day: number; part: PartOfDay }[] = [];
  for (const part of parts) {
    for (const day of free[part]) {
      if (preferences.days.length === 0 || preferences.days.includes(day)) result.push({ day, part });
    }
  }
  return result.sort((a, b) => a.day - b.day);
}

export function rankTherapists(preferences: IntakePreferences, candidates: Candidate[]): Ranked[] {
  const ranked = candidates.map((c) => {
    const reasons: Reason[] = [];
    let score = 0;

    const times = overlap(preferences, c.free);
    if (times.length > 0) {
      // Outweighs every other reason together (20 + 15 + 10 + 25 + 10): space when they can come comes first.
      score += 100;
      const first = times.slice(0, 3).map((t) => `${DAY_NAMES[t.day - 1]} ${t.part}s`);
      reasons.push({ fits: true, text: `Has space when you can come (${first.join(', ')}).` });
    } else {
      reasons.push({ fits: false, text: 'No space at present at the times you gave.' });
    }

    const wanted = preferences.formats;
    if (wanted.length === 0 || wanted.some((f) => c.formats.includes(f))) {
      score += 20;
      const shared = (wanted.length ? wanted : c.formats).filter((f) => c.formats.includes(f));
      reasons.push({
        fits: true,
        text: shared.length ? `Works ${shared.map((f) => FORMAT_WORDS[f]).join(' and ')}.` : 'Ask about format.',
      });
    } else {
      reasons.push({ fits: false, text: `Does not work ${wanted.map((f) => FORMAT_WORDS[f]).join(' or ')}.` });
    }

    if (preferences.language) {
      if (c.languages.some((l) => same(l, preferences.language ?? ''))) {
        score += 15;
        reasons.push({ fits: true, text: `Works in ${preferences.language}.` });
      } else {
        reasons.push({ fits: false, text: `Does not work in ${preferences.language}.` });
      }
    }

    const gender = genderReason(preferences.therapistGender, c.gender);
    if (gender) {
      if (gender.fits) score += 10;
      reasons.push(gender);
    }

    const topics = preferences.topics.filter((t) => c.specialisms.some((s) => same(s, t)));
    if (topics.length > 0) {
      score += 10 + 5 * Math.min(topics.length, 3);
      reasons.push({ fits: true, text: `Has particular experience with ${topics.join(', ').toLowerCase()}.` });
    }

    if (preferences.feeMaxPence !== null && c.feePence !== null) {
      if (c.feePence <= preferences.feeMaxPence) {
        score += 10;
        reasons.push({ fits: true, text: `Fee ${pounds(c.feePence)}, within what you gave.` });
      } else if (c.concessions.trim()) {
        score += 5;
        reasons.push({ fits: false, text: `Fee ${pounds(c.feePence)}; reduced fees may be possible — ask.` });
      } else {
        reasons.push({ fits: false, text: `Fee ${pounds(c.feePence)}, above what you gave.` });
      }
    }
    return { id: c.id, name: c.name, score, reasons };
  });
  return ranked.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

/** Whether a therapist is of the gender the person asked for, as far as the therapist has said. */
export function genderReason(wanted: IntakePreferences['therapistGender'], gender: Candidate['gender']): Reason | null {
  if (wanted === null) return null;
  if (gender === null) return { fits: false, text: 'Has not said their gender on their profile.' };
  if (gender.kind === wanted) return { fits: true, text: `Is a ${wanted}, as you asked.` };
  if (gender.kind === 'self_described') {
    return { fits: false, text: `Describes their gender as “${gender.words}”; you asked for a ${wanted}.` };
  }
  return { fits: false, text: `Is a ${gender.kind}; you asked for a ${wanted}.` };
}
