import { Link } from 'react-router';
import { InvitationForm } from '../../components/invitations/InvitationForm';
import { InvitationList } from '../../components/invitations/InvitationList';
import { Page } from '../../components/Page';
import { strings } from '../../strings';

const CLIENT_ONLY = ['client'] as const;

/** A therapist invites a client into their care, and follows the invitations they have sent. */
export function InviteClientPage() {
  return (
    <Page title={strings.clients.invite} lead={strings.invitations.lead}>
      <div className="stack">
        <section className="card" aria-labelledby="invite-form">
          <h2 id="invite-form">{strings.invitations.formHeading}</h2>
          <p className="field-hint">{strings.invitations.noSmtpTherapist}</p>
          <InvitationForm roles={CLIENT_ONLY} />
        </section>
        <InvitationList headingId="invite-list" />
        <p>
          <Link to="/clients">{strings.common.backTo(strings.clients.title.toLowerCase())}</Link>
        </p>
      </div>
    </Page>
  );
}
