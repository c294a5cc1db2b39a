import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { ApiError, messageOf } from '../api/errors';
import { strings } from '../strings';

/** Trying the same request again helps only when the network or the server was at fault. */
function worthRetrying(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status === 408 || error.status >= 429;
}

export function Loading({ label = strings.common.loading }: { label?: string }) {
  return (
    <p className="state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{messageOf(error)}</p>
      {onRetry && worthRetrying(error) ? (
        <Button className="button button-secondary" onPress={onRetry}>
          {strings.common.tryAgain}
        </Button>
      ) : null}
    </div>
  );
}

/** What to show when a list is empty: what it is for, and what a person can do next. */
export function Empty({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p>{children}</p>
      {action}
    </div>
  );
}

/** Loading, or the load error with "Try again", for one query; nothing once it has its data. */
export function QueryStatus({
  query,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return null;
}
