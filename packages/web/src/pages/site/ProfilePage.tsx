import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { LoadError, Loading } from '../../components/States';
import { EnquireLink } from './EnquireLink';
import { TherapistFacts } from './TherapistFacts';
import { useTherapist } from './site-api';
import { sitePath, useSiteSlug } from './site-context';
import { siteStrings } from './site-strings';

/** One therapist's published profile. */
export function ProfilePage() {
  const slug = useSiteSlug();
  const { therapistId = '' } = useParams();
  const query = useTherapist(slug, therapistId);
  const s = siteStrings.profile;
  if (query.isPending) return <Loading label={siteStrings.loading} />;
  if (query.isError) {
    return (
      <Page title={siteStrings.pageMissing}>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
        <p>
          <Link to={sitePath(slug, 'therapists')}>{s.back}</Link>
        </p>
      </Page>
    );
  }
  const profile = query.data.therapist;
  return (
    <Page title={profile.name}>
      <div className="profile">
        {profile.photo ? (
          <img className="profile-photo" src={profile.photo.url} alt={profile.photo.alt} width={200} height={200} />
        ) : null}
        <div className="profile-body">
          <TherapistFacts profile={profile} />
          <h2>{s.approach}</h2>
          <p className="profile-text">{profile.approach}</p>
          {profile.specialisms.length > 0 ? (
            <>
              <h2>{s.specialisms}</h2>
              <ul>
                {profile.specialisms.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          ) : null}
          {profile.training ? (
            <>
              <h2>{s.training}</h2>
              <p className="profile-text">{profile.training}</p>
            </>
          ) : null}
          <h2>{s.registrations}</h2>
          <ul>
            {profile.registrations.map((r) => (
              <li key={`${r.body}-${r.number}`}>{s.registration(r.body, r.number)}</li>
            ))}
          </ul>
          {profile.concessions ? (
            <>
              <h2>{s.concessions}</h2>
              <p>{profile.concessions}</p>
            </>
          ) : null}
        </div>
      </div>
      <EnquireLink slug={slug} />
      <p>
        <Link to={sitePath(slug, 'therapists')}>{s.back}</Link>
      </p>
    </Page>
  );
}
