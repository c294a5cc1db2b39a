import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { sharedStrings as t } from './journal-shared-strings';

/**
 * A link the therapist can cite from a session note, with a copy button. Where the clipboard is
 * refused (an older browser, a page not served over HTTPS), the link is selected for copying by hand.
 */
export function EntryReference({ path, entryId }: { path: string; entryId: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const link = `${window.location.origin}${path}`;
  const selectLink = () => input.current?.select();
  const copy = () => {
    const done = () => setStatus(t.entry.copied);
    const failed = () => {
      selectLink();
      setStatus(t.entry.copyFailed);
    };
    if (!navigator.clipboard) return failed();
    navigator.clipboard.writeText(link).then(done, failed);
  };
  return (
    <section className="card stack-small" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.entry.referenceHeading}</h2>
      <p className="field-hint" id={`${id}-hint`}>
        {t.entry.referenceHint}
      </p>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-link`}>
          {t.entry.referenceLabel}
        </label>
        <div className="shared-reference">
          <input
            ref={input}
            id={`${id}-link`}
            className="field-input shared-reference-input"
            value={link}
            readOnly
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            onFocus={selectLink}
          />
          <Button className="button button-secondary" onPress={copy}>
            {t.entry.copy}
          </Button>
        </div>
      </div>
      <p className="item-meta">
        {t.entry.entryId}: <code className="shared-entry-id">{entryId}</code>
      </p>
      <p className="form-status" role="status">
        {status}
      </p>
    </section>
  );
}
