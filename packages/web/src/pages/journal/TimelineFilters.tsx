import { useEffect, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { EntryKind, Tag } from '../../api/journal-types';
import { SelectField } from '../../components/SelectField';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import type { EntryFilters, SharingFilter } from './journal-api';
import { journalStrings as s } from './journal-strings';

const KIND_OPTIONS: { value: EntryKind | ''; label: string }[] = [
  { value: '', label: s.timeline.anyKind },
  ...(Object.keys(s.kinds) as EntryKind[]).map((kind) => ({ value: kind, label: s.kinds[kind] })),
];

const SHARING_OPTIONS: { value: SharingFilter | ''; label: string }[] = [
  { value: '', label: s.timeline.anySharing },
  ...(Object.keys(s.timeline.sharingOptions) as SharingFilter[]).map((value) => ({
    value,
    label: s.timeline.sharingOptions[value],
  })),
];

interface TimelineFiltersProps {
  filters: EntryFilters;
  active: boolean;
  tags: Tag[];
  onChange: (next: Partial<EntryFilters>) => void;
  onClear: () => void;
}

/**
 * Search (as the person types, once they pause) and the three filters. Each change shows the
 * matching entries in place; nothing moves the person elsewhere.
 */
export function TimelineFilters({ filters, active, tags, onChange, onClear }: TimelineFiltersProps) {
  const searchId = useId();
  const chosen = [filters.kind, filters.sharing, filters.tag].filter(Boolean).length;
  // Open at first when a filter is in the address; after that the person opens and closes it.
  const [openAtFirst] = useState(chosen > 0);
  const [text, setText] = useState(filters.q ?? '');
  const typed = useDebouncedValue(text, 400);
  // The address is the truth: Back, or "Clear filters", puts its words back in the box.
  useEffect(
    () => setText((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? ''))),
    [filters.q],
  );
  useEffect(() => {
    if (typed.trim() !== (filters.q ?? '')) onChange({ q: typed });
    // Only a pause in typing sends the words; a change of address is handled above.
  }, [typed]);
  const tagOptions = [
    { value: '', label: s.timeline.anyTag },
    ...tags.map((tag) => ({ value: tag.id, label: tag.name })),
  ];
  // A tag that has since been deleted still shows as chosen, rather than silently changing the list.
  if (filters.tag && !tags.some((tag) => tag.id === filters.tag)) tagOptions.push({ value: filters.tag, label: '—' });
  return (
    <form
      className="card journal-filters"
      role="search"
      aria-label={s.timeline.filtersHeading}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: text });
      }}
    >
      <div className="field journal-search">
        <label className="field-label" htmlFor={searchId}>
          {s.timeline.search}
        </label>
        <p className="field-hint" id={`${searchId}-hint`}>
          {s.timeline.searchHint}
        </p>
        <input
          id={searchId}
          className="field-input"
          type="search"
          name="q"
          dir="auto"
          enterKeyHint="search"
          autoComplete="off"
          maxLength={200}
          value={text}
          aria-describedby={`${searchId}-hint`}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <details className="journal-filter-more" open={openAtFirst}>
        <summary>{chosen > 0 ? s.timeline.filtersOn(chosen) : s.timeline.filtersMore}</summary>
        <div className="journal-filter-row">
          <SelectField
            label={s.timeline.kind}
            name="kind"
            value={filters.kind ?? ''}
            onChange={(value) => onChange({ kind: value || undefined })}
            options={KIND_OPTIONS}
          />
          <SelectField
            label={s.timeline.sharing}
            name="sharing"
            value={filters.sharing ?? ''}
            onChange={(value) => onChange({ sharing: value || undefined })}
            options={SHARING_OPTIONS}
          />
          {tags.length > 0 || filters.tag ? (
            <SelectField
              label={s.timeline.tag}
              name="tag"
              value={filters.tag ?? ''}
              onChange={(value) => onChange({ tag: value || undefined })}
              options={tagOptions}
            />
          ) : null}
        </div>
      </details>
      {active ? (
        <Button
          className="button button-quiet"
          onPress={() => {
            setText('');
            onClear();
          }}
        >
          {s.timeline.clear}
        </Button>
      ) : null}
    </form>
  );
}
