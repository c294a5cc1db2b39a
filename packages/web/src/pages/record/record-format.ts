import type { SharedItem } from '../../api/journal-types';
import type { NoteSummary } from '../../api/record-types';
import type { BadgeTone } from '../../components/Badge';
import { formatDate } from '../../lib/format';
import { recordStrings as t } from './record-strings';

/** The badges of a note: its state, late signing, amendments. */
export function noteBadges(note: Pick<NoteSummary, 'status' | 'signedLate' | 'amendmentCount'>) {
  const badges: { tone: BadgeTone; text: string }[] = [];
  if (note.status === 'draft') badges.push({ tone: 'waiting', text: t.badges.draft });
  else if (note.signedLate) badges.push({ tone: 'bad', text: t.badges.late });
  else badges.push({ tone: 'good', text: t.badges.signed });
  if (note.amendmentCount > 0) badges.push({ tone: 'info', text: t.badges.amended });
  return badges;
}

/** How a shared entry is named in a checklist: "Dream, 12 January 2027". */
export function sharedEntryName(item: Pick<SharedItem, 'kind' | 'writtenAt' | 'sharedAt'>): string {
  return t.note.entryLabel(t.kinds[item.kind] ?? item.kind, formatDate(item.writtenAt ?? item.sharedAt));
}
