import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/queries';
import { sessionEnded } from '../api/session-ended';
import type { Role } from '../api/types';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/States';
import { strings } from '../strings';
import { hasRole, useCurrentUser } from './current-user';
import { SignedOutHome } from './SignedOutHome';

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
