import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Entry, Tag } from '../../api/journal-types';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { useFocusRescue } from '../../components/use-focus-rescue';
import { useCreateTag, useSetEntryTags, useTags } from './journal-api';
import { journalStrings as s } from './journal-strings';

const MAX_TAGS = 30;
const MAX_TAG_LENGTH = 60;

/** Tags compare as a person reads them: "Mother", "mother" and "mother " are one tag. */
export const sameTagName = (a: string, b: string) =>
  a.normalize('NFKC').trim().toLocaleLowerCase() === b.normalize('NFKC').trim().toLocaleLowerCase();

/** The tags the person has used that this entry has not, those matching what they typed first. */
function suggestionsFor(all: Tag[], onEntry: string[], typed: string): Tag[] {
  const needle = typed.normalize('NFKC').trim().toLocaleLowerCase();
  return all
    .filter((tag) => !onEntry.includes(tag.id))
    .filter((tag) => !needle || tag.name.normalize('NFKC').toLocaleLowerCase().includes(needle))
    .slice(0, 8);
}

/** The entry's tags: remove one, add one the person has used before, or make a new one. */
export function EntryTags({ entry }: { entry: Entry }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const tags = useTags();
  const create = useCreateTag();
  const setTags = useSetEntryTags(entry.id);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { target, rescue } = useFocusRescue<HTMLHeadingElement>();
  const onEntry = entry.tags.map((tag) => tag.id);
  const pending = create.isPending || setTags.isPending;
  const suggestions = suggestionsFor(tags.data ?? [], onEntry, name);

  const apply = (tagIds: string[], message: string, after?: () => void) => {
    setProblem(null);
    setTags.mutate(tagIds, {
      onSuccess: () => {
        setStatus(message);
        after?.();
      },
    });
  };

  const add = (tag: { id: string; name: string }) => {
    if (onEntry.includes(tag.id)) {
      setName('');
      return;
    }
    if (onEntry.length >= MAX_TAGS) {
      setProblem(s.tags.tooMany);
      return;
    }
    apply([...onEntry, tag.id], s.tags.added(tag.name), () => {
      setName('');
      input.current?.focus();
    });
  };

  const submit = () => {
    const typed = name.trim();
    if (!typed) {
      setProblem(s.tags.addHint);
      return;
    }
    if ([...typed].length > MAX_TAG_LENGTH) {
      setProblem(s.tags.tooLong);
      return;
    }
    const known = (tags.data ?? []).find((tag) => sameTagName(tag.name, typed));
    if (known) return add(known);
    setProblem(null);
    create.mutate(typed, { onSuccess: (tag) => add(tag) });
  };

  return (
    <section className="card journal-side journal-entry-tags" aria-labelledby="journal-tags">
      <h2 id="journal-tags" ref={target} tabIndex={-1}>
        {s.tags.onEntry}
      </h2>
      {entry.tags.length === 0 ? (
        <p className="muted">{s.tags.noneOnEntry}</p>
      ) : (
        <ul className="journal-tags journal-tags-editable" aria-label={s.tags.onEntry}>
          {entry.tags.map((tag) => (
            <li key={tag.id} className="journal-tag">
              <span dir="auto">{tag.name}</span>
              <Button
                className="journal-tag-remove"
                aria-label={s.tags.remove(tag.name)}
                isDisabled={pending}
                onPress={() =>
                  apply(
                    onEntry.filter((id) => id !== tag.id),
                    s.tags.removed(tag.name),
                    rescue,
                  )
                }
              >
                <span aria-hidden="true">×</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="journal-tag-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending) submit();
        }}
      >
        <div className="field" data-invalid={problem ? true : undefined}>
          <label className="field-label" htmlFor={inputId}>
            {s.tags.add}
          </label>
          <p className="field-hint" id={`${inputId}-hint`}>
            {s.tags.addHint}
          </p>
          <div className="journal-tag-input">
            <input
              ref={input}
              id={inputId}
              className="field-input"
              type="text"
              name="tag"
              dir="auto"
              autoComplete="off"
              enterKeyHint="done"
              maxLength={MAX_TAG_LENGTH * 2}
              value={name}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
              onChange={(event) => {
                setName(event.target.value);
                setProblem(null);
              }}
            />
            <ActionButton type="submit" className="button button-secondary" isPending={pending}>
              {s.tags.addButton}
            </ActionButton>
          </div>
          {problem ? (
            <p className="field-error" id={`${inputId}-error`}>
              {problem}
            </p>
          ) : null}
        </div>
        {suggestions.length > 0 ? (
          <div className="journal-suggestions" role="group" aria-label={s.tags.suggestions}>
            {suggestions.map((tag) => (
              <Button
                key={tag.id}
                className="journal-suggestion"
                aria-label={s.tags.addExisting(tag.name)}
                isDisabled={pending}
                onPress={() => add(tag)}
              >
                <span aria-hidden="true">+ </span>
                <span dir="auto">{tag.name}</span>
              </Button>
            ))}
          </div>
        ) : null}
        <FormStatus pending={pending} success={status} error={create.error ?? setTags.error} />
      </form>
    </section>
  );
}
