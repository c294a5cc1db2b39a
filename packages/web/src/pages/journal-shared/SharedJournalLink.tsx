import { Link } from 'react-router';
import { sharedNavStrings as t } from './shared-nav-strings';
import { useSharedCounts } from './shared-summary';

/** On a client's page (frame): the way to what they shared with me, with how many I have not read. */
export function SharedJournalLink({ clientId }: { clientId: string }) {
  const counts = useSharedCounts(clientId);
  return (
    // Classes of the main stylesheet only: this sits in the frame's chunk, not this area's.
    <div className="button-row">
      <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/journal`}>
        {t.link(counts?.unread ?? null)}
      </Link>
    </div>
  );
}
