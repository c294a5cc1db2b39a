import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Tag } from '../../api/journal-types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { useFocusRescue } from '../../components/use-focus-rescue';
import { useDeleteTag } from './journal-api';
import { journalStrings as s } from './journal-strings';

function TagItem({ tag, onDeleted }: { tag: Tag; onDeleted: (message: string) => void }) {
  const remove = useDeleteTag();
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title" dir="auto">
          {tag.name}
        </p>
        <p className="item-meta">{s.tags.count(tag.count)}</p>
      </div>
      <div className="item-actions">
        <ConfirmDialog
          trigger={
            <Button className="button button-quiet" aria-label={s.tags.deleteFor(tag.name)}>
              {s.tags.deleteTag}
            </Button>
          }
          title={s.tags.deleteTitle}
          body={<p>{s.tags.deleteBody(tag.name, tag.count)}</p>}
          confirmLabel={s.tags.deleteTag}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={(close) =>
            remove.mutate(tag.id, {
              onSuccess: () => {
                close();
                onDeleted(s.tags.deleted(tag.name));
              },
            })
          }
        />
      </div>
    </li>
  );
}

/** The person's tags with how often each is used; deleting one takes it off its entries. */
export function TagManager({ tags }: { tags: Tag[] }) {
  const [status, setStatus] = useState<string | null>(null);
  const { target, rescue } = useFocusRescue<HTMLElement>();
  return (
    <details className="card journal-tag-manager">
      <summary ref={target}>
        {s.tags.manageHeading} ({tags.length})
      </summary>
      <div className="stack-small">
        <p className="muted">{s.tags.manageLead}</p>
        <FormStatus success={status} />
        {tags.length === 0 ? (
          <p>{s.tags.none}</p>
        ) : (
          <ul className="item-list" aria-label={s.tags.listLabel}>
            {tags.map((tag) => (
              <TagItem
                key={tag.id}
                tag={tag}
                onDeleted={(message) => {
                  setStatus(message);
                  rescue();
                }}
              />
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
