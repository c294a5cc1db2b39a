import type { Scoped } from '../../access/access-layer.js';
import type { FieldProblem } from '../frame/episodes-field-errors.js';
import { EMPTY_PROFILE, type ProfileContent, type ProfileState } from './public-site-schemas.js';

/**
 * Therapists' directory profiles: the draft each therapist edits and the version the admin published.
 * The rule: a profile edited after publishing keeps its published version live until the admin
 * publishes the change ("changes waiting"); taking a profile down removes it from the directory at once.
 */
interface ProfileRow {
  therapist_id: string;
  name: string;
  draft: ProfileContent | null;
  draft_updated_at: Date | null;
  published: ProfileContent | null;
  published_at: Date | null;
}

const SELECT_PROFILES = `
  SELECT u.id AS therapist_id, u.display_name AS name, p.draft, p.draft_updated_at, p.published, p.published_at
    FROM users u
    JOIN memberships m ON m.practice_id = u.practice_id AND m.user_id = u.id AND m.role = 'therapist'
    LEFT JOIN therapist_profiles p ON p.practice_id = u.practice_id AND p.therapist_id = u.id
   WHERE u.status = 'active'`;

function sameContent(a: ProfileContent, b: ProfileContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function toState(row: ProfileRow): ProfileState {
  const draft = { ...EMPTY_PROFILE, ...(row.draft ?? {}) };
  const published = row.published ? { ...EMPTY_PROFILE, ...row.published } : null;
  const status = !row.draft
    ? 'not_started'
    : !published
      ? 'draft'
      : sameContent(draft, published)
        ? 'published'
        : 'changes_waiting';
  return {
    therapistId: row.therapist_id,
    name: row.name,
    status,
    draft,
    draftUpdatedAt: row.draft_updated_at?.toISOString() ?? null,
    published,
    publishedAt: row.published_at?.toISOString() ?? null,
    publishProblems: publishProblems(draft),
  };
}

/** Every active therapist of the practice with their profile (or none yet), by name. */
export async function listProfiles(tx: Scoped): Promise<ProfileState[]> {
  const result = await tx.query<ProfileRow>(`${SELECT_PROFILES} ORDER BY u.display_name`, []);
  return result.rows.map(toState);
}

/** One therapist's profile state, or null when they are not an active therapist of the practice. */
export async function findProfile(tx: Scoped, therapistId: string): Promise<ProfileState | null> {
  const result = await tx.query<ProfileRow>(`${SELECT_PROFILES} AND u.id = $1`, [therapistId]);
  const row = result.rows[0];
  return row ? toState(row) : null;
}

export async function saveDraft(tx: Scoped, therapistId: string, content: ProfileContent): Promise<void> {
  await tx.query(
    `INSERT INTO therapist_profiles (practice_id, therapist_id, draft, draft_updated_at)
     VALUES (app_practice_id(), $1, $2::jsonb, now())
     ON CONFLICT (practice_id, therapist_id) DO UPDATE SET draft = EXCLUDED.draft, draft_updated_at = now()`,
    [therapistId, JSON.stringify(content)],
  );
}

const tidyList = (items: string[]) => [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];

/** The draft as it is kept: words trimmed, lists without blanks or repeats. */
export function tidyProfile(content: ProfileContent): ProfileContent {
  return {
    ...content,
    approach: content.approach.trim(),
    training: content.training.trim(),
    registrations: content.registrations.map((r) => ({
      body: r.body,
      ...(r.body === 'other' ? { otherName: (r.otherName ?? '').trim() } : {}),
      number: r.number.trim(),
    })),
    specialisms: tidyList(content.specialisms),
    languages: tidyList(content.languages),
    formats: [...new Set(content.formats)],
    concessions: content.concessions.trim(),
    availabilityNote: content.availabilityNote.trim(),
    photoAlt: content.photoAlt.trim(),
    gender: content.gender ?? 'undisclosed',
    genderDescribed: content.gender === 'self_described' ? (content.genderDescribed ?? '').trim() : '',
  };
}

/** What makes a draft impossible to save, field by field. */
export function draftProblems(content: ProfileContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  content.registrations.forEach((r, index) => {
    if (r.number.trim() === '') {
      problems.push({ field: `registrations.${index}.number`, message: 'Give the registration or membership number.' });
    }
    if (r.body === 'other' && (r.otherName ?? '').trim() === '') {
      problems.push({ field: `registrations.${index}.otherName`, message: 'Name the body you are registered with.' });
    }
  });
  if (content.gender === 'self_described' && (content.genderDescribed ?? '').trim() === '') {
    problems.push({
      field: 'genderDescribed',
      message: 'Write how you describe your gender, or choose “Prefer not to say”.',
    });
  }
  if (content.photoId !== null && content.photoAlt.trim() === '') {
    problems.push({
      field: 'photoAlt',
      message: 'Describe the photo for people who cannot see it (for example “Ruth smiling, in a green jumper”).',
    });
  }
  return problems;
}

/** What a draft still needs before the admin can publish it. */
export function publishProblems(content: ProfileContent): string[] {
  const problems: string[] = [];
  if (content.approach.trim() === '') problems.push('Say how you work (your approach).');
  if (content.registrations.length === 0) problems.push('Add at least one registration or membership.');
  if (content.formats.length === 0) problems.push('Say whether you see people in person, online or both.');
  if (content.photoId !== null && content.photoAlt.trim() === '') problems.push('Describe the photo.');
  return problems;
}

/** Photos the therapist uploaded that neither the draft nor the published version shows any more. */
export async function dropUnusedPhotos(tx: Scoped, therapistId: string): Promise<void> {
  await tx.query(
    `DELETE FROM profile_photos ph
      WHERE ph.therapist_id = $1
        AND NOT EXISTS (SELECT 1 FROM therapist_profiles t
                         WHERE t.therapist_id = ph.therapist_id
                           AND (t.draft ->> 'photoId' = ph.id::text OR t.published ->> 'photoId' = ph.id::text))`,
    [therapistId],
  );
}
