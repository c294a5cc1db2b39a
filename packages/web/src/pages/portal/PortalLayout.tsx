import { NavLink, Outlet } from 'react-router';
import { portalStrings as s } from './portal-strings';

const LINKS = [
  { to: '/sessions', label: s.navSessions, end: true },
  { to: '/sessions/away', label: s.navAway },
  { to: '/sessions/charges', label: s.navCharges },
];

/** The client's sessions area: its pages share a small sub-navigation, as the account pages do. */
export function PortalLayout() {
  return (
    <>
      <nav className="subnav" aria-label={s.subnav}>
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
