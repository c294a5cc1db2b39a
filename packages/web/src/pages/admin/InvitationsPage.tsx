import type { Role } from '../../api/types';
import { InvitationForm } from '../../components/invitations/InvitationForm';
import { InvitationList } from '../../components/invitations/InvitationList';
import { Page } from '../../components/Page';
import { strings } from '../../strings';

/** The order an administrator most often needs them in. */
const ADMIN_ROLES: readonly Role[] = ['therapist', 'client', 'supervisor', 'admin'];

export function InvitationsPage() {
  return (
    <Page title={strings.invitations.title} lead={strings.invitations.lead}>
      <div className="stack">
        <section className="card" aria-labelledby="invite-form">
          <h2 id="invite-form">{strings.invitations.formHeading}</h2>
          <p className="field-hint">{strings.invitations.noSmtp}</p>
          <InvitationForm roles={ADMIN_ROLES} />
        </section>
        <InvitationList headingId="invitation-list" />
      </div>
    </Page>
  );
}
