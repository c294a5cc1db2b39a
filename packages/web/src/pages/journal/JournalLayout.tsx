import { NavLink, Outlet } from 'react-router';
import { journalPaths } from './journal-paths';
import { journalStrings as s } from './journal-strings';

const LINKS = [
  { to: journalPaths.timeline, label: s.navTimeline, end: true },
  { to: journalPaths.notReady, label: s.navNotReady },
  { to: journalPaths.export, label: s.navExport },
];

/** The client's journal: its pages share a small sub-navigation, as the sessions pages do. */
export function JournalLayout() {
  return (
    <div className="journal">
      <nav className="subnav journal-subnav" aria-label={s.subnav}>
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
    </div>
  );
}
