import { SiteHomePage } from './SiteHomePage';
import { SiteLayout } from './SiteLayout';

/** "/" for a signed-out visitor when the instance serves one practice: that practice's public home. */
export function RootSiteHome({ slug }: { slug: string }) {
  return (
    <SiteLayout slug={slug}>
      <SiteHomePage />
    </SiteLayout>
  );
}
