import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { EnquireLink } from './EnquireLink';
import { PageText } from './PageText';
import { useSite } from './site-api';
import { sitePath, useSiteSlug } from './site-context';
import { siteStrings } from './site-strings';

/** A practice's public home page: its published home text, or its name and where to go next. */
export function SiteHomePage() {
  const slug = useSiteSlug();
  const site = useSite(slug);
  if (!site.data) return null;
  const { home, practice } = site.data;
  return (
    <Page title={home?.title ?? practice.name} lead={home ? undefined : siteStrings.homeFallbackLead}>
      {home ? <PageText text={home.body} /> : null}
      {!home ? (
        <ul className="site-next">
          <li>
            <Link to={sitePath(slug, 'therapists')}>{siteStrings.therapists}</Link>
          </li>
          <li>
            <Link to={sitePath(slug, 'is-this-right-for-me')}>{siteStrings.reflection}</Link>
          </li>
        </ul>
      ) : null}
      <EnquireLink slug={slug} />
    </Page>
  );
}
