import { Link } from 'react-router';
import { recordNavStrings as t } from './record-nav-strings';

/** On a client's page (frame): the way to their progress notes, their case formulation and the patterns tab. */
export function SessionNotesLink({ clientId }: { clientId: string }) {
  return (
    // Classes of the main stylesheet only: this sits in the frame's chunk, not this area's.
    <div className="button-row">
      <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/notes`}>
        {t.link}
      </Link>
      <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/formulation`}>
        {t.formulation}
      </Link>
      <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/patterns`}>
        {t.patterns}
      </Link>
    </div>
  );
}
