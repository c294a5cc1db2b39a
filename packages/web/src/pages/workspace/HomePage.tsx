import { Link } from 'react-router';
import { hasRole, useCurrentUser } from '../../app/current-user';
import { Page } from '../../components/Page';
import { portalNav } from '../portal/portal-nav';
import { strings } from '../../strings';
import { ClientList } from './ClientList';

function Card({ to, title, children }: { to: string; title: string; children: string }) {
  return (
    <li className="link-card">
      <Link to={to} className="link-card-link">
        <span className="link-card-title">{title}</span>
        <span className="link-card-text">{children}</span>
      </Link>
    </li>
  );
}

/** The start page: what each of the person’s roles needs first. */
export function HomePage() {
  const me = useCurrentUser();
  const admin = hasRole(me, 'admin');
  const therapist = hasRole(me, 'therapist');
  const client = hasRole(me, 'client');
  const lead = admin
    ? strings.home.adminLead
    : therapist
      ? strings.clients.lead
      : client
        ? strings.home.clientLead
        : strings.home.supervisorLead;

  return (
    <Page title={strings.home.greeting(me.user.displayName)} lead={lead}>
      <div className="stack">
        {admin ? (
          <ul className="link-cards">
            <Card to="/admin/people" title={strings.shell.people}>
              {strings.home.peopleCard}
            </Card>
            <Card to="/admin/invitations" title={strings.shell.invitations}>
              {strings.home.invitationsCard}
            </Card>
            <Card to="/admin/outbox" title={strings.shell.outbox}>
              {strings.home.outboxCard}
            </Card>
            <Card to="/admin/audit" title={strings.shell.audit}>
              {strings.home.auditCard}
            </Card>
          </ul>
        ) : null}
        {therapist ? (
          <section aria-labelledby="home-clients" className="stack-small">
            <div className="section-heading">
              <h2 id="home-clients">{strings.clients.title}</h2>
              <Link className="button button-primary" to="/clients/invite">
                {strings.clients.invite}
              </Link>
            </div>
            <ClientList />
          </section>
        ) : null}
        {!admin && !therapist ? (
          <ul className="link-cards">
            {client ? (
              <Card to={portalNav.to} title={portalNav.label}>
                {strings.home.sessionsCard}
              </Card>
            ) : null}
            <Card to="/account" title={strings.shell.account}>
              {strings.home.accountCard}
            </Card>
            {client ? (
              <Card to="/help" title={strings.shell.needHelp}>
                {strings.home.helpCard}
              </Card>
            ) : null}
          </ul>
        ) : null}
      </div>
    </Page>
  );
}
