import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, LoadError, Loading } from '../../components/States';
import { Button } from 'react-aria-components';
import { EntryListItem } from './EntryListItem';
import { useEntries, useTags } from './journal-api';
import { groupByMonth } from './journal-format';
import { journalStrings as s } from './journal-strings';
import { TagManager } from './TagManager';
import { TimelineFilters } from './TimelineFilters';
import { useTimelineFilters } from './timeline-filters';
import { WriteChoices } from './WriteChoices';

/** A message another page left for this one (an entry deleted). */
function useArrivalMessage(): string | null {
  const state: unknown = useLocation().state;
  if (state && typeof state === 'object' && 'message' in state && typeof state.message === 'string') {
    return state.message;
  }
  return null;
}

/**
 * The client's journal: start writing, then every entry, newest first and grouped by month, with
 * search and filters. Pages are small so the first screen arrives quickly on a slow connection; the
 * entries and the tags are asked for at the same time.
 */
export function TimelinePage() {
  const { filters, active, change, clear } = useTimelineFilters();
  const entries = useEntries(filters);
  const tags = useTags();
  const arrival = useArrivalMessage();
  const list = useRef<HTMLDivElement>(null);

  const rows = entries.data?.pages.flatMap((page) => page.entries) ?? [];
  const groups = groupByMonth(rows);
  const searching = entries.isPlaceholderData;

  // Keyboard and screen-reader users carry on from the first entry that has just arrived (the
  // "Load more" button itself may be gone).
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const index = focusFrom.current;
    if (index === null || rows.length <= index) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLAnchorElement>('a.journal-entry-link')[index]?.focus();
  }, [rows.length]);
  const loadMore = () => {
    focusFrom.current = rows.length;
    void entries.fetchNextPage();
  };

  return (
    <Page title={s.timeline.title} lead={s.timeline.lead}>
      <FormStatus success={arrival} />
      <div className="stack">
        <WriteChoices />
        <TimelineFilters filters={filters} active={active} tags={tags.data ?? []} onChange={change} onClear={clear} />
        <div className="journal-timeline" ref={list} aria-busy={searching || entries.isPending || undefined}>
          {entries.isPending ? <Loading /> : null}
          {entries.isError && rows.length === 0 ? (
            <LoadError error={entries.error} onRetry={() => void entries.refetch()} />
          ) : null}
          {entries.isSuccess ? (
            <p className="journal-count muted" role="status">
              {rows.length > 0 ? s.timeline.shown(rows.length, entries.hasNextPage) : ''}
            </p>
          ) : null}
          {entries.isSuccess && rows.length === 0 ? (
            active ? (
              <Empty
                action={
                  <Button className="button button-secondary" onPress={clear}>
                    {s.timeline.clear}
                  </Button>
                }
              >
                {s.timeline.emptyFiltered}
              </Empty>
            ) : (
              <Empty>{s.timeline.emptyAll}</Empty>
            )
          ) : null}
          {groups.map((group, index) => (
            <section
              key={`${group.key}-${index}`}
              className="journal-month"
              aria-labelledby={`journal-month-${group.key}-${index}`}
            >
              <h2 id={`journal-month-${group.key}-${index}`} className="journal-month-heading">
                {group.label}
              </h2>
              <ul className="item-list journal-list" aria-label={s.timeline.entriesLabel(group.label)}>
                {group.entries.map((entry) => (
                  <EntryListItem key={entry.id} entry={entry} />
                ))}
              </ul>
            </section>
          ))}
          {entries.isFetchNextPageError ? <LoadError error={entries.error} /> : null}
          {entries.hasNextPage && !searching ? (
            <div className="button-row journal-more">
              <ActionButton
                className="button button-secondary"
                isPending={entries.isFetchingNextPage}
                onPress={loadMore}
              >
                {s.timeline.loadMore}
              </ActionButton>
              <span className="form-status" role="status">
                {entries.isFetchingNextPage ? s.timeline.loadingMore : ''}
              </span>
            </div>
          ) : null}
        </div>
        {tags.data && tags.data.length > 0 ? <TagManager tags={tags.data} /> : null}
      </div>
    </Page>
  );
}
