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
 * in it are announced.
 */
export function FormStatus({ pending, pendingText, error, success }: FormStatusProps) {
  const status = pending ? (pendingText ?? strings.common.sending) : (success ?? '');
  return (
    <>
      <div className={success && !pending ? 'notice notice-success' : 'form-status'} role="status">
        {status}
      </div>
      {error && !pending ? (
        <div className="notice notice-error" role="alert">
          {messageOf(error)}
        </div>
      ) : null}
    </>
  );
}
