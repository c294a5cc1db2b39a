import { lazy, Suspense, type ReactNode } from 'react';
import { usePractices } from '../api/queries';
import { Loading } from '../components/States';

const RootSiteHome = lazy(() => import('../pages/site').then((m) => ({ default: m.RootSiteHome })));

/**
 * "/" for someone not signed in: when this instance serves exactly one practice, that practice's
 * public home (its own lazy chunk); otherwise `fallback` (the way to sign in, or to first-run setup).
 */
export function SignedOutHome({ fallback }: { fallback: ReactNode }) {
  const practices = usePractices();
  if (practices.isPending) return <Loading />;
  const only = practices.data?.practices.length === 1 ? practices.data.practices[0] : undefined;
  if (!only) return <>{fallback}</>;
  return (
    <Suspense fallback={<Loading />}>
      <RootSiteHome slug={only.slug} />
    </Suspense>
  );
}
