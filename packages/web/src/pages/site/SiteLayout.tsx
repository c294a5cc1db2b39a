import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { useMe } from '../../api/queries';
import { Page } from '../../components/Page';
import { LoadError, Loading } from '../../components/States';
import { ContactDetails } from './ContactDetails';
import { prefetchForPath, useSite } from './site-api';
import { SiteSlug, sitePath } from './site-context';
import { siteStrings } from './site-strings';

/**
 * The frame of a practice's public pages: its name, its own navigation (published pages, the
 * therapists, the reflection), a link to crisis help that is always there, and its contact details at
 * the foot. `slug` is given at "/" (the instance's only practice); otherwise it comes from the address.
 */
export function SiteLayout({ slug: given, children }: { slug?: string; children?: React.ReactNode }) {
  const params = useParams();
  const slug = given ?? params.slug ?? '';
  const site = useSite(slug);
  const me = useMe();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const rest = pathname.startsWith(`/p/${slug}/`) ? pathname.slice(`/p/${slug}/`.length) : '';
  useEffect(() => prefetchForPath(queryClient, slug, rest), [queryClient, slug, rest]);
  if (site.isPending) return <Loading label={siteStrings.loading} />;
  if (site.isError) {
    return (
      <Page title={siteStrings.pageMissing}>
        <LoadError error={site.error} onRetry={() => void site.refetch()} />
        <p>
          <Link to="/help">{siteStrings.crisisLink}</Link>
        </p>
      </Page>
    );
  }
  const { practice, pages, contact } = site.data;
  return (
    <SiteSlug.Provider value={slug}>
      <div className="site">
        <div className="site-bar">
          <p className="site-name">
            <Link to={sitePath(slug)}>{practice.name}</Link>
          </p>
          <nav aria-label={siteStrings.siteNav} className="site-nav-public">
            <ul>
              <li>
                <NavLink to={sitePath(slug)} end>
                  {siteStrings.home}
                </NavLink>
              </li>
              {pages.map((page) => (
                <li key={page.slug}>
                  <NavLink to={sitePath(slug, page.slug)}>{page.title}</NavLink>
                </li>
              ))}
              <li>
                <NavLink to={sitePath(slug, 'therapists')}>{siteStrings.therapists}</NavLink>
              </li>
              <li>
                <NavLink to={sitePath(slug, 'is-this-right-for-me')}>{siteStrings.reflection}</NavLink>
              </li>
            </ul>
          </nav>
          {!me.data ? (
            <p className="site-sign-in">
              <Link to="/sign-in">{siteStrings.signIn}</Link> <span>({siteStrings.signInNote})</span>
            </p>
          ) : null}
        </div>
        <p className="site-crisis">
          {siteStrings.crisisNote}{' '}
          <Link to="/help" className="site-crisis-link">
            {siteStrings.crisisLink}
          </Link>
        </p>
        <div className="site-body">{children ?? <Outlet />}</div>
        <ContactDetails contact={contact} headingId="site-contact-heading" />
      </div>
    </SiteSlug.Provider>
  );
}
