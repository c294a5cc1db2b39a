import { Badge } from '../../components/Badge';
import { sharedNavStrings as t } from './shared-nav-strings';
import { useSharedCounts } from './shared-summary';

/**
 * On a caseload row: how many shared journal entries I have not read and how many the client wants
 * to bring. Nothing when both are none (or while the counts load).
 */
export function SharedCountBadges({ clientId }: { clientId: string }) {
  const counts = useSharedCounts(clientId);
  if (!counts) return null;
  return (
    <>
      {counts.unread > 0 ? <Badge tone="info">{t.unread(counts.unread)}</Badge> : null}{' '}
      {counts.toBring > 0 ? <Badge tone="good">{t.toBring(counts.toBring)}</Badge> : null}
    </>
  );
}
