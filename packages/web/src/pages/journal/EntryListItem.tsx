import { Link } from 'react-router';
import type { EntrySummary } from '../../api/journal-types';
import { EntryFlags, SharingBadge, TagChips } from './EntryMarkers';
import { calendarDate, dayInMonth } from './journal-format';
import { journalPaths } from './journal-paths';
import { journalStrings as s } from './journal-strings';

function metaOf(entry: EntrySummary): string[] {
  const meta: string[] = [];
  if (entry.kind === 'check_in' && entry.mood !== null) meta.push(s.timeline.mood(entry.mood));
  if (entry.kind === 'dream' && entry.dreamtOn) meta.push(s.timeline.dreamtOn(calendarDate(entry.dreamtOn)));
  if (entry.wordCount > 0) meta.push(s.timeline.words(entry.wordCount));
  return meta;
}

/** One entry on the timeline: what kind, when, the first lines, and who can see it. */
export function EntryListItem({ entry }: { entry: EntrySummary }) {
  const kind = s.kinds[entry.kind];
  const meta = metaOf(entry);
  return (
    <li className="item journal-item">
      <div className="item-main">
        <p className="item-title journal-item-title">
          <Link className="journal-entry-link" to={journalPaths.entry(entry.id)}>
            {kind}, <time dateTime={entry.createdAt}>{dayInMonth(entry.createdAt)}</time>
          </Link>{' '}
          <SharingBadge sharing={entry.sharing} />
        </p>
        {entry.excerpt.trim() ? (
          <p className="journal-excerpt" dir="auto">
            {entry.excerpt}
          </p>
        ) : (
          <p className="journal-excerpt muted">{s.timeline.nothingWritten}</p>
        )}
        {meta.length > 0 ? <p className="item-meta">{meta.join(' · ')}</p> : null}
        <EntryFlags entry={entry} />
        <TagChips tags={entry.tags} label={s.timeline.tagsLabel} />
      </div>
    </li>
  );
}
