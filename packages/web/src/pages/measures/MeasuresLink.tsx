import { Link } from 'react-router';
import { measuresLinkStrings as t } from './measures-nav';

/** On a client's page and their notes: the way to their questionnaire results. */
export function MeasuresLink({ clientId }: { clientId: string }) {
  return (
    // Classes of the main stylesheet only: this sits in other areas' chunks.
    <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/measures`}>
      {t.link}
    </Link>
  );
}
