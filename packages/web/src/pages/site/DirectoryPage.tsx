import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { EnquireLink } from './EnquireLink';
import { TherapistFacts } from './TherapistFacts';
import { useDirectory } from './site-api';
import { sitePath, useSiteSlug } from './site-context';
import { siteStrings } from './site-strings';

/** The practice's therapists: each published profile in brief, with a link to the whole profile. */
export function DirectoryPage() {
  const slug = useSiteSlug();
  const query = useDirectory(slug);
  const s = siteStrings.directory;
  return (
    <Page title={s.title} lead={s.lead}>
      <QueryStatus query={query} />
      {query.data && query.data.therapists.length === 0 ? <Empty>{s.empty}</Empty> : null}
      {query.data && query.data.therapists.length > 0 ? (
        <ul className="directory" aria-label={s.listLabel}>
          {query.data.therapists.map((profile) => (
            <li key={profile.id} className="directory-card">
              {profile.photo ? (
                <img
                  className="directory-photo"
                  src={profile.photo.url}
                  alt={profile.photo.alt}
                  width={96}
                  height={96}
                />
              ) : null}
              <div>
                <h2>
                  <Link to={sitePath(slug, `therapists/${profile.id}`)}>{profile.name}</Link>
                </h2>
                {profile.specialisms.length > 0 ? (
                  <p className="directory-specialisms">{profile.specialisms.join(' · ')}</p>
                ) : null}
                <TherapistFacts profile={profile} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {query.data ? <EnquireLink slug={slug} /> : null}
    </Page>
  );
}
