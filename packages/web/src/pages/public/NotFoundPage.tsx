import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { strings } from '../../strings';

export function NotFoundPage() {
  return (
    <Page title={strings.notFound.title} lead={strings.notFound.body}>
      <p>
        <Link to="/">{strings.notFound.home}</Link>
      </p>
    </Page>
  );
}
