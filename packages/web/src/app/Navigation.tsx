import { NavLink } from 'react-router';
import type { Me } from '../api/types';
import { portalNav } from '../pages/portal/portal-nav';
import { journalNav } from '../pages/journal/journal-nav';
import { frameNav } from '../pages/frame/frame-nav';
import { templateNav } from '../pages/record/template-nav';
import { searchNav } from '../pages/record/search-nav';
import { ccrtCategoriesNav } from '../pages/record/formulation-nav';
import { lettersNav } from '../pages/letters/letters-nav';
import { subjectAccessNav } from '../pages/subject-access/subject-access-nav';
import { measuresNav } from '../pages/measures/measures-nav';
import { siteAdminNav } from '../pages/site-admin/site-admin-nav';
import { intakeQueueNav } from '../pages/intake-queue/intake-queue-nav';
import { resultsNav } from '../pages/results/results-nav';
import { patternsNav } from '../pages/patterns/patterns-nav';
import { questionnairesNav } from '../pages/questionnaires/questionnaires-nav';
import { useMyQuestionnaires } from '../pages/questionnaires/questionnaires-api';
import { strings } from '../strings';
import { hasRole } from './current-user';
import { SignOutButton } from './SignOutButton';
import { safeguardingShellStrings } from './safeguarding-shell-strings';
import { useOpenAlerts } from './use-open-alerts';

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** The links a person’s roles give them; someone with several roles sees each role’s links. */
export function navItemsFor(me: Me, openQuestionnaires = 0): NavItem[] {
  if (me.session.stage !== 'active') return [];
  const items: NavItem[] = [{ to: '/', label: strings.shell.home, end: true }];
  if (hasRole(me, 'therapist')) items.push({ to: '/clients', label: strings.shell.myClients });
  // safeguarding (staff) links: begin
  if (hasRole(me, 'therapist', 'admin', 'supervisor')) {
    items.push({ to: '/alerts', label: safeguardingShellStrings.alerts });
  }
  // safeguarding (staff) links: end
  // intake queue (admin, therapist) links: begin
  if (hasRole(me, 'admin', 'therapist')) items.push({ to: intakeQueueNav.to, label: intakeQueueNav.label });
  // intake queue (admin, therapist) links: end
  // frame (therapist) links: begin
  if (hasRole(me, 'therapist')) {
    items.push({ to: '/calendar', label: frameNav.calendar }, { to: '/breaks', label: frameNav.breaks });
    items.push({ to: '/frame/settings', label: frameNav.settings });
    items.push({ to: searchNav.to, label: searchNav.label });
  } else if (hasRole(me, 'admin')) {
    items.push({ to: '/breaks', label: frameNav.breaks });
  }
  if (hasRole(me, 'admin')) items.push({ to: '/admin/rooms', label: frameNav.rooms });
  // frame (therapist) links: end
  // portal (client) links: begin
  if (hasRole(me, 'client')) items.push({ to: portalNav.to, label: portalNav.label });
  // portal (client) links: end
  // questionnaires (client) links: begin
  if (hasRole(me, 'client')) {
    items.push({ to: questionnairesNav.to, label: questionnairesNav.label(openQuestionnaires) });
  }
  // questionnaires (client) links: end
  // journal (client) links: begin
  if (hasRole(me, 'client')) items.push({ to: journalNav.to, label: journalNav.label });
  // journal (client) links: end
  if (hasRole(me, 'admin')) {
    items.push(
      { to: '/admin/people', label: strings.shell.people },
      { to: '/admin/invitations', label: strings.shell.invitations },
      { to: '/admin/outbox', label: strings.shell.outbox },
      { to: '/admin/audit', label: strings.shell.audit },
      { to: templateNav.to, label: templateNav.label },
      { to: ccrtCategoriesNav.to, label: ccrtCategoriesNav.label },
    );
    items.push({ to: measuresNav.to, label: measuresNav.label });
    items.push({ to: '/admin/safeguarding', label: safeguardingShellStrings.settings });
  }
  // letters (admin) links: begin
  if (hasRole(me, 'admin')) {
    items.push(
      { to: lettersNav.letterhead.to, label: lettersNav.letterhead.label },
      { to: lettersNav.templates.to, label: lettersNav.templates.label },
    );
  }
  // letters (admin) links: end
  // subject access links: begin
  if (hasRole(me, 'admin')) items.push(subjectAccessNav.admin);
  if (hasRole(me, 'therapist')) items.push(subjectAccessNav.therapist);
  // subject access links: end
  // public site links: begin
  if (hasRole(me, 'therapist')) items.push({ to: siteAdminNav.therapist.to, label: siteAdminNav.therapist.label });
  if (hasRole(me, 'admin')) items.push({ to: siteAdminNav.admin.to, label: siteAdminNav.admin.label });
  // public site links: end
  // results links: begin
  if (hasRole(me, 'client')) items.push(resultsNav.progress);
  if (hasRole(me, 'admin')) items.push(resultsNav.report);
  // results links: end
  // patterns (client) links: begin
  if (hasRole(me, 'client')) items.push(patternsNav);
  // patterns (client) links: end
  items.push({ to: '/account', label: strings.shell.account });
  return items;
}

export function Navigation({ me, open, id }: { me: Me; open: boolean; id: string }) {
  const isClient = me.session.stage === 'active' && hasRole(me, 'client');
  const questionnaires = useMyQuestionnaires(isClient);
  const staff = hasRole(me, 'therapist', 'admin', 'supervisor') && me.session.stage === 'active';
  const openAlerts = useOpenAlerts(staff).data?.open ?? 0;
  const items = navItemsFor(me, questionnaires.data?.questionnaires.length ?? 0).map((item) =>
    item.to === '/alerts' && openAlerts > 0
      ? { ...item, label: safeguardingShellStrings.alertsWithCount(openAlerts) }
      : item,
  );
  return (
    <nav id={id} className="site-nav" aria-label={strings.shell.mainNav} data-open={open}>
      <ul className="nav-list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="nav-link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
      <div className="nav-account">
        <span className="nav-who">{strings.shell.signedInAs(me.user.displayName)}</span>
        <SignOutButton className="button button-quiet nav-signout" />
      </div>
    </nav>
  );
}
