import { NavLink, Outlet } from 'react-router';
import { useCurrentUser } from '../../app/current-user';
import { strings } from '../../strings';

const LINKS = [
  { to: '/account', label: strings.account.overview, end: true },
  { to: '/account/security', label: strings.account.security },
  { to: '/account/sessions', label: strings.account.sessions },
  { to: '/account/record-access', label: strings.account.recordAccess },
];

/** The account pages share a small sub-navigation; during enrolment there is nowhere else to go. */
export function AccountLayout() {
  const me = useCurrentUser();
  if (me.session.stage !== 'active') return <Outlet />;
  return (
    <>
      <nav className="subnav" aria-label={strings.account.nav}>
        <ul>
          {LINKS.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end} className="subnav-link">
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
