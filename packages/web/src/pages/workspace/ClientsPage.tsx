import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { strings } from '../../strings';
import { ClientList } from './ClientList';

export function ClientsPage() {
  return (
    <Page
      title={strings.clients.title}
      lead={strings.clients.lead}
      actions={
        <Link className="button button-primary" to="/clients/invite">
          {strings.clients.invite}
        </Link>
      }
    >
      <ClientList />
    </Page>
  );
}
