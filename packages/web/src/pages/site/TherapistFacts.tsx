import type { PublicProfile } from './site-types';
import { siteStrings } from './site-strings';

/** The short facts of a profile: where, languages, fee, availability (shared by the list and the profile). */
export function TherapistFacts({ profile }: { profile: PublicProfile }) {
  const s = siteStrings.profile;
  return (
    <dl className="therapist-facts">
      <div>
        <dt>{s.availability}</dt>
        <dd>
          {profile.availability.statement}
          {profile.availabilityNote ? ` ${profile.availabilityNote}` : ''}
        </dd>
      </div>
      {profile.formats.length > 0 ? (
        <div>
          <dt>{s.formats}</dt>
          <dd>{profile.formats.map((f) => siteStrings.formats[f]).join(', ')}</dd>
        </div>
      ) : null}
      {profile.languages.length > 0 ? (
        <div>
          <dt>{s.languages}</dt>
          <dd>{profile.languages.join(', ')}</dd>
        </div>
      ) : null}
      {profile.gender ? (
        <div>
          <dt>{s.gender}</dt>
          <dd>{profile.gender.words}</dd>
        </div>
      ) : null}
      <div>
        <dt>{s.fee}</dt>
        <dd>{profile.feePence === null ? s.feeAsk : s.feePerSession(siteStrings.money(profile.feePence))}</dd>
      </div>
    </dl>
  );
}
