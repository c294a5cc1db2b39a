import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { useMe, usePractices } from '../api/queries';
import { strings } from '../strings';
import { Logo } from './Logo';
import { Navigation } from './Navigation';
import { SignOutButton } from './SignOutButton';
import { hasRole } from './current-user';
import { HelpPanel } from './HelpPanel';
import { safeguardingShellStrings } from './safeguarding-shell-strings';

const NAV_ID = 'site-nav';

/** The frame around every page: skip link, demo banner, header with help link and navigation, footer. */
export function AppShell() {
  const me = useMe();
  const practices = usePractices();
  const location = useLocation();
  const navigation = useNavigation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  useEffect(() => setMenuOpen(false), [location.pathname]);

  const who = me.data ?? null;
  // Until both steps of signing in (and, for staff, enrolment) are done there is nowhere to go.
  const fullySignedIn = who?.session.stage === 'active';
  const list = practices.data?.practices ?? [];
  const demo =
    practices.data?.demoMode ||
    who?.demoMode ||
    who?.practice.isDemo ||
    (!who && list.length > 0 && list.every((p) => p.isDemo));

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {strings.shell.skipToContent}
      </a>
      {demo ? (
        <div className="demo-banner" role="note">
          <strong>{strings.shell.demoBanner}</strong> <span>{strings.shell.demoDetail}</span>
        </div>
      ) : null}
      <header
        className="site-header"
        onKeyDown={(event) => {
          // Escape folds the open menu away and returns to its button, as people expect of a menu.
          if (event.key === 'Escape' && menuOpen) {
            setMenuOpen(false);
            menuButton.current?.focus();
          }
        }}
      >
        <div className="header-bar">
          <Link className="brand" to="/">
            <Logo />
            <span className="brand-name">{strings.product}</span>
            {who ? <span className="brand-practice">{who.practice.name}</span> : null}
          </Link>
          <div className="header-tools">
            <Link className="help-link" to="/help">
              <span className="help-dot" aria-hidden="true" />
              {strings.shell.needHelp}
            </Link>
            {fullySignedIn && hasRole(who, 'client') ? (
              <Link className="safety-plan-link" to="/my/safety-plan">
                {safeguardingShellStrings.mySafetyPlan}
              </Link>
            ) : null}
            {who && !fullySignedIn ? <SignOutButton /> : null}
            {fullySignedIn ? (
              <Button
                className="button button-quiet nav-toggle"
                ref={menuButton}
                aria-expanded={menuOpen}
                aria-controls={NAV_ID}
                onPress={() => setMenuOpen((open) => !open)}
              >
                {strings.shell.menu}
              </Button>
            ) : null}
          </div>
        </div>
        {who && fullySignedIn ? <Navigation me={who} open={menuOpen} id={NAV_ID} /> : null}
      </header>
      <div className="route-progress" data-active={navigation.state === 'loading'} aria-hidden="true" />
      <main id="main" className="main" tabIndex={-1}>
        {fullySignedIn && hasRole(who, 'client') ? <HelpPanel /> : null}
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>{strings.shell.footer}</p>
          <p>
            <Link to="/help">{strings.shell.needHelp}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
