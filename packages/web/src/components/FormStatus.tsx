import { useLayoutEffect, useRef, useState } from 'react';
import { messageOf } from '../api/errors';
import { strings } from '../strings';

interface FormStatusProps {
  pending?: boolean;
  pendingText?: string;
  error?: unknown;
  success?: string | null;
}

/**
 * The status of a form, told politely to screen readers (sending, saved) and, when something went
 * wrong, an alert with the server’s own message. The live region is always in the page, so changes
 * in it are announced. When the same message already shows under a field of this form, the alert is
 * still announced but not shown a second time.
 */
export function FormStatus({ pending, pendingText, error, success }: FormStatusProps) {
  const status = pending ? (pendingText ?? strings.common.sending) : (success ?? '');
  const alert = useRef<HTMLDivElement>(null);
  const [shownAtField, setShownAtField] = useState(false);
  const message = error && !pending ? messageOf(error) : null;

  useLayoutEffect(() => {
    const form = alert.current?.closest('form');
    const atField =
      !!message &&
      !!form &&
      Array.from(form.querySelectorAll('.field-error')).some((el) => el.textContent?.trim() === message.trim());
    setShownAtField(atField);
  }, [message, error]);

  return (
    <>
      <div className={success && !pending ? 'notice notice-success' : 'form-status'} role="status">
        {status}
      </div>
      {message ? (
        <div
          ref={alert}
          className={shownAtField ? 'notice notice-error visually-hidden' : 'notice notice-error'}
          role="alert"
        >
          {message}
        </div>
      ) : null}
    </>
  );
}
