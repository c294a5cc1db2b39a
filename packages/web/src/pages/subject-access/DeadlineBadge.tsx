import { Badge } from '../../components/Badge';
import { sarStrings as t } from './subject-access-strings';
import type { SarSummary } from './subject-access-types';

const OPEN = new Set(['received', 'in_preparation', 'pack_ready']);

/** Overdue (red), due today or soon (amber), days left; nothing once the request is closed. */
export function DeadlineBadge({ request }: { request: SarSummary }) {
  if (!OPEN.has(request.status)) return null;
  if (request.overdue) return <Badge tone="bad">{`${t.list.overdue}: ${t.list.daysOver(-request.daysLeft)}`}</Badge>;
  if (request.daysLeft === 0) return <Badge tone="waiting">{t.list.dueToday}</Badge>;
  return <Badge tone={request.daysLeft <= 7 ? 'waiting' : 'neutral'}>{t.list.daysLeft(request.daysLeft)}</Badge>;
}

export function StatusBadge({ status }: { status: string }) {
  const tone = status === 'delivered' ? 'good' : status === 'pack_ready' ? 'info' : 'neutral';
  return <Badge tone={tone}>{t.status[status] ?? status}</Badge>;
}
