import type { Scoped } from '../../access/access-layer.js';
import { loadAvailability } from './availability-record.js';
import { EMPTY_PROFILE, type ProfileContent, type PublicProfile } from './public-site-schemas.js';

/**
 * Published profiles as the public sees them: the published version only (never a draft), of active
 * therapists, with the availability worked out from their frame now and the photo's public address.
 */
export async function publishedProfiles(tx: Scoped, slug: string, therapistId?: string): Promise<PublicProfile[]> {
  const result = await tx.query<{ therapist_id: string; name: string; published: ProfileContent }>(
    `SELECT u.id AS therapist_id, u.display_name AS name, p.published
       FROM therapist_profiles p
       JOIN users u ON u.practice_id = p.practice_id AND u.id = p.therapist_id AND u.status = 'active'
       JOIN memberships m ON m.practice_id = u.practice_id AND m.user_id = u.id AND m.role = 'therapist'
      WHERE p.published IS NOT NULL AND ($1::uuid IS NULL OR u.id = $1::uuid)
      ORDER BY u.display_name`,
    [therapistId ?? null],
  );
  const availability = await loadAvailability(
    tx,
    result.rows.map((row) => row.therapist_id),
  );
  return result.rows.map((row) => {
    const content = { ...EMPTY_PROFILE, ...row.published };
    return {
      id: row.therapist_id,
      name: row.name,
      approach: content.approach,
      training: content.training,
      registrations: content.registrations.map((r) => ({
        body: r.body === 'other' ? (r.otherName ?? 'Other') : r.body,
        number: r.number,
      })),
      specialisms: content.specialisms,
      languages: content.languages,
      formats: content.formats,
      feePence: content.feePence,
      concessions: content.concessions,
      availability: availability.get(row.therapist_id) ?? { kind: 'ask', statement: 'Please ask the practice.' },
      availabilityNote: content.availabilityNote,
      photo: content.photoId ? { url: photoUrl(slug, content.photoId), alt: content.photoAlt } : null,
      gender: publicGender(content),
    };
  });
}

/** The gender a therapist chose to show, in words; null when they prefer not to say. */
export function publicGender(content: ProfileContent): PublicProfile['gender'] {
  if (content.gender === 'woman') return { kind: 'woman', words: 'Woman' };
  if (content.gender === 'man') return { kind: 'man', words: 'Man' };
  const described = (content.genderDescribed ?? '').trim();
  if (content.gender === 'self_described' && described) return { kind: 'self_described', words: described };
  return null;
}

/** Outside /api (no session, cacheable): the id names one upload, never changed, so it is cached for a year. */
export function photoUrl(slug: string, photoId: string): string {
  return `/media/${slug}/photos/${photoId}`;
}
