import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/queries';
import { sessionEnded } from '../api/session-ended';
import type { Role } from '../api/types';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/States';
import { strings } from '../strings';
import { hasRole, useCurrentUser } from './current-user';
import { SignedOutHome } from './SignedOutHome';
import { useMyPolicy } from './policy-api';

// The policy step is seen once per version by clients only: its own small chunk, not the main one.
const PolicyStep = lazy(() => import('./PolicyStep').then((m) => ({ default: m.PolicyStep })));

export const ENROLMENT_PATH = '/account/security';

/**
 * Routes for signed-in people. Nobody signed in → sign-in (coming back here afterwards), except at "/"
 * of a one-practice instance, which shows the practice's public home; second
 * step pending → verification; staff without two-step verification → enrolment, and nothing else.
 */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <Page title={strings.errors.unexpected}>
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </Page>
    );
  }
  const here = location.pathname + location.search;
  if (!me.data) {
    const toSignIn = (
      <Navigate
        to={`/sign-in?next=${encodeURIComponent(here)}`}
        replace
        state={sessionEnded() ? { sessionEnded: true } : undefined}
      />
    );
    // The start page of a one-practice instance is that practice's public home (unless a session just ended).
    if (location.pathname === '/' && !sessionEnded()) return <SignedOutHome fallback={toSignIn} />;
    return toSignIn;
  }
  const stage = me.data.session.stage;
  if (stage === 'mfa_required') return <Navigate to={`/sign-in/verify?next=${encodeURIComponent(here)}`} replace />;
  if (stage === 'mfa_enrolment' && location.pathname !== ENROLMENT_PATH)
    return <Navigate to={ENROLMENT_PATH} replace />;
  return <PolicyGate client={stage === 'active' && hasRole(me.data, 'client')} />;
}

/** Pages a client reaches before agreeing to the policy: help is never behind it (/help is public). */
const OPEN_BEFORE_AGREEING = new Set(['/my/safety-plan']);

/**
 * A client who has not agreed to the current version of the practice's safeguarding policy sees the
 * policy step in place of their page (the page itself follows once they agree); staff pass straight on.
 */
function PolicyGate({ client }: { client: boolean }) {
  const location = useLocation();
  const policy = useMyPolicy(client);
  if (!client || OPEN_BEFORE_AGREEING.has(location.pathname)) return <Outlet />;
  if (policy.isPending) return <Loading />;
  if (policy.isError) {
    return (
      <Page title={strings.errors.unexpected}>
        <LoadError error={policy.error} onRetry={() => void policy.refetch()} />
      </Page>
    );
  }
  if (policy.data.needsAgreement) {
    return (
      <Suspense fallback={<Loading />}>
        <PolicyStep policy={policy.data} />
      </Suspense>
    );
  }
  return <Outlet />;
}

/** A part of the app for some roles only; others see a plain explanation rather than an error. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const me = useCurrentUser();
  if (!hasRole(me, ...roles)) {
    return (
      <Page title={strings.noAccess.title}>
        <p>{strings.noAccess.body}</p>
      </Page>
    );
  }
  return <Outlet />;
}
