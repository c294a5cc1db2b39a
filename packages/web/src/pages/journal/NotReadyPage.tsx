import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { NotReadyItem } from '../../api/journal-types';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { useFocusRescue } from '../../components/use-focus-rescue';
import { Words } from './EntryText';
import { useAddNotReady, useDeleteNotReady, useNotReady, useUpdateNotReady } from './journal-api';
import { dayLong } from './journal-format';
import { journalStrings as s } from './journal-strings';

interface TextBoxProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  autoFocus?: boolean;
  rows?: number;
}

/** A labelled text area whose words may be in any script (dir="auto"). */
function TextBox({ id, label, hint, value, onChange, error, autoFocus, rows = 3 }: TextBoxProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        className="field-input journal-textarea"
        dir="auto"
        rows={rows}
        value={value}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function AddForm() {
  const id = useId();
  const box = useRef<HTMLFormElement>(null);
  const add = useAddNotReady();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="not-ready-add">
      <h2 id="not-ready-add">{s.notReady.addHeading}</h2>
      <form
        ref={box}
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (add.isPending) return;
          if (!text.trim()) {
            setProblem(s.notReady.required);
            box.current?.querySelector('textarea')?.focus();
            return;
          }
          setStatus(null);
          add.mutate(text, {
            onSuccess: () => {
              setText('');
              setStatus(s.notReady.added);
              // Ready for the next thing, if there is one.
              box.current?.querySelector('textarea')?.focus();
            },
          });
        }}
      >
        <TextBox
          id={id}
          label={s.notReady.text}
          hint={s.notReady.textHint}
          value={text}
          onChange={(value) => {
            setText(value);
            setProblem(null);
            setStatus(null);
          }}
          error={problem}
        />
        <FormStatus pending={add.isPending} success={status} error={add.error} />
        <div className="button-row">
          <ActionButton type="submit" className="button button-primary" isPending={add.isPending}>
            {s.notReady.add}
          </ActionButton>
        </div>
      </form>
    </section>
  );
}

function ItemEditor({
  item,
  number,
  onDone,
}: {
  item: NotReadyItem;
  number: number;
  onDone: (saved: boolean) => void;
}) {
  const id = useId();
  const update = useUpdateNotReady(item.id);
  const [text, setText] = useState(item.text);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="form journal-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (update.isPending) return;
        if (!text.trim()) {
          setProblem(s.notReady.required);
          return;
        }
        update.mutate(text, { onSuccess: () => onDone(true) });
      }}
    >
      <TextBox
        id={id}
        label={s.notReady.editLabel(number)}
        value={text}
        onChange={(value) => {
          setText(value);
          setProblem(null);
        }}
        error={problem}
        autoFocus
        rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
      />
      <FormStatus pending={update.isPending} error={update.error} />
      <div className="button-row">
        <ActionButton type="submit" className="button button-primary" isPending={update.isPending}>
          {s.notReady.save}
        </ActionButton>
        <Button className="button button-quiet" onPress={() => onDone(false)} isDisabled={update.isPending}>
          {s.notReady.cancel}
        </Button>
      </div>
    </form>
  );
}

function Item({ item, number, onChange }: { item: NotReadyItem; number: number; onChange: (message: string) => void }) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const remove = useDeleteNotReady(item.id);
  const changed = item.updatedAt !== item.createdAt;
  if (editing) {
    return (
      <li className="item">
        <div className="item-main">
          <ItemEditor
            item={item}
            number={number}
            onDone={(saved) => {
              setEditing(false);
              if (saved) onChange(s.notReady.saved);
              // Back to where the person started editing.
              window.setTimeout(() => editButton.current?.focus(), 0);
            }}
          />
        </div>
      </li>
    );
  }
  return (
    <li className="item">
      <div className="item-main">
        <Words text={item.text} />
        <p className="item-meta">
          <time dateTime={item.createdAt}>{s.notReady.addedOn(dayLong(item.createdAt))}</time>
          {changed ? `, ${s.notReady.changedOn(dayLong(item.updatedAt))}` : ''}
        </p>
      </div>
      <div className="item-actions">
        <Button
          ref={editButton}
          className="button button-quiet"
          aria-label={s.notReady.editFor(number)}
          onPress={() => setEditing(true)}
        >
          {s.notReady.edit}
        </Button>
        <ConfirmDialog
          trigger={
            <Button className="button button-quiet" aria-label={s.notReady.removeFor(number)}>
              {s.notReady.remove}
            </Button>
          }
          title={s.notReady.removeTitle}
          body={<p>{s.notReady.removeBody}</p>}
          confirmLabel={s.notReady.remove}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={(close) =>
            remove.mutate(undefined, {
              onSuccess: () => {
                close();
                onChange(s.notReady.removed);
              },
            })
          }
        />
      </div>
    </li>
  );
}

/**
 * The "not ready to talk about yet" list: the client's alone. The server lets no staff role read it
 * through any route; the page says so plainly.
 */
export function NotReadyPage() {
  const items = useNotReady();
  const [status, setStatus] = useState<string | null>(null);
  const { target, rescue } = useFocusRescue<HTMLHeadingElement>();
  const list = [...(items.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Page title={s.notReady.title} lead={s.notReady.lead} narrow>
      <div className="notice notice-info journal-only-you">
        <p>
          <strong>{s.notReady.privacy}</strong>
        </p>
      </div>
      <div className="stack">
        <AddForm />
        <section className="stack-small" aria-labelledby="not-ready-list">
          <h2 id="not-ready-list" ref={target} tabIndex={-1}>
            {s.notReady.listHeading}
          </h2>
          <FormStatus success={status} />
          <QueryStatus query={items} />
          {items.data && list.length === 0 ? <Empty>{s.notReady.empty}</Empty> : null}
          {list.length > 0 ? (
            <ul className="item-list" aria-label={s.notReady.listLabel}>
              {list.map((item, index) => (
                <Item
                  key={item.id}
                  item={item}
                  number={index + 1}
                  onChange={(message) => {
                    setStatus(message);
                    rescue();
                  }}
                />
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
