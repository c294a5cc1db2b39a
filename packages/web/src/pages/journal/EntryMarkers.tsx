import type { EntrySummary, SharingState } from '../../api/journal-types';
import { Badge, type BadgeTone } from '../../components/Badge';
import { journalStrings as s } from './journal-strings';

/** Who can see an entry, in one word: Private, Shared, To bring or Withdrawn. */
export function sharingMarker(sharing: { state: SharingState; bringNext: boolean }): { tone: BadgeTone; text: string } {
  if (sharing.state === 'shared') {
    return sharing.bringNext ? { tone: 'waiting', text: s.markers.toBring } : { tone: 'info', text: s.markers.shared };
  }
  if (sharing.state === 'withdrawn') return { tone: 'neutral', text: s.markers.withdrawn };
  return { tone: 'neutral', text: s.markers.private };
}

export function SharingBadge({ sharing }: { sharing: { state: SharingState; bringNext: boolean } }) {
  const marker = sharingMarker(sharing);
  return (
    <span className="journal-marker" data-sharing={sharing.state} data-bring={sharing.bringNext || undefined}>
      <Badge tone={marker.tone}>{marker.text}</Badge>
    </span>
  );
}

type Flags = Pick<EntrySummary, 'kind' | 'nightmare' | 'lucid' | 'dreamPeriod' | 'conflictOf'>;

/** A dream's flags (nightmare, lucid, a nap) and a conflict copy's note, as small badges. */
export function EntryFlags({ entry }: { entry: Flags }) {
  const flags: string[] = [];
  if (entry.kind === 'dream' && entry.nightmare) flags.push(s.markers.nightmare);
  if (entry.kind === 'dream' && entry.lucid) flags.push(s.markers.lucid);
  if (entry.kind === 'dream' && entry.dreamPeriod === 'nap') flags.push(s.markers.nap);
  if (entry.conflictOf) flags.push(s.markers.copy);
  if (flags.length === 0) return null;
  return (
    <span className="badge-row journal-flags">
      {flags.map((flag) => (
        <Badge key={flag} tone="info">
          {flag}
        </Badge>
      ))}
    </span>
  );
}

/** An entry's tags, as quiet chips. */
export function TagChips({ tags, label }: { tags: { id: string; name: string }[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="journal-tags" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.id} className="journal-tag" dir="auto">
          {tag.name}
        </li>
      ))}
    </ul>
  );
}
