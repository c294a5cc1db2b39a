import { useParams } from 'react-router';
import { Page } from '../../components/Page';
import { LoadError, Loading } from '../../components/States';
import { PageText } from './PageText';
import { usePublicPage } from './site-api';
import { useSiteSlug } from './site-context';
import { siteStrings } from './site-strings';

/** One published page of the practice (what the therapy is, the practice, fees, accessibility, privacy). */
export function SitePage() {
  const slug = useSiteSlug();
  const { page = '' } = useParams();
  const query = usePublicPage(slug, page);
  if (query.isPending) return <Loading label={siteStrings.loading} />;
  if (query.isError) {
    return (
      <Page title={siteStrings.pageMissing}>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  return (
    <Page title={query.data.title}>
      <PageText text={query.data.body} />
    </Page>
  );
}
