import type { Scoped } from '../../access/access-layer.js';
import { freeParts, type WorkingWindow } from '../public-site/availability.js';
import { publishedProfiles } from '../public-site/public-profile.js';
import type { Candidate } from './matching.js';

/**
 * The therapists a person may be matched with: those with a published directory profile (what the
 * public already sees), with the weekly space their frame leaves (working hours minus open series).
 */
export async function matchCandidates(tx: Scoped, slug: string): Promise<Candidate[]> {
  const profiles = await publishedProfiles(tx, slug);
  const ids = profiles.map((p) => p.id);
  const settings = await tx.query<{
    therapist_id: string;
    working_hours: WorkingWindow[];
    session_minutes: number;
    min_gap_minutes: number;
  }>(
    `SELECT therapist_id, working_hours, session_minutes, min_gap_minutes FROM therapist_settings
      WHERE therapist_id = ANY($1::uuid[])`,
    [ids],
  );
  const series = await tx.query<{ therapist_id: string; weekday: number; local_time: string }>(
    `SELECT e.therapist_id, s.weekday, s.local_time
       FROM session_series s JOIN episodes e ON e.practice_id = s.practice_id AND e.id = s.episode_id
      WHERE e.therapist_id = ANY($1::uuid[]) AND e.status <> 'ended' AND s.ended_at IS NULL
        AND (s.ends_on IS NULL OR s.ends_on >= current_date)`,
    [ids],
  );
  return profiles.map((p) => {
    const own = settings.rows.find((row) => row.therapist_id === p.id);
    return {
      id: p.id,
      name: p.name,
      formats: p.formats,
      languages: p.languages,
      specialisms: p.specialisms,
      feePence: p.feePence,
      concessions: p.concessions,
      gender: p.gender,
      free: freeParts({
        workingHours: own?.working_hours ?? [],
        sessionMinutes: own?.session_minutes ?? 50,
        minGapMinutes: own?.min_gap_minutes ?? 10,
        booked: series.rows
          .filter((row) => row.therapist_id === p.id)
          .map((row) => ({ weekday: row.weekday, localTime: row.local_time })),
      }),
    };
  });
}
