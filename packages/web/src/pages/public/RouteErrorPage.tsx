import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { strings } from '../../strings';

/** A page's code could not be fetched: offline, or an update replaced it since this tab opened. */
function couldNotLoad(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  const message = error instanceof Error ? error.message : '';
  return /dynamically imported module|module script failed|Failed to fetch|error loading dynamically/i.test(message);
}

/**
 * Shown when a page fails to load or render, for example a code chunk that could not be fetched
 * (no connection, or an update since the tab was opened). Inside the app's frame (`inShell`) the
 * header, navigation and help link stay; at the very top it is plain markup, so it works even when
 * the rest of the app cannot.
 */
export function RouteErrorPage({ inShell = false }: { inShell?: boolean }) {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? strings.notFound.title : strings.routeError.title;
  useEffect(() => {
    document.title = `${title} · ${strings.titleSuffix}`;
  }, [title]);
  const content = (
    <div className="page page-narrow">
      <h1>{title}</h1>
      <p className="lead">
        {notFound
          ? strings.notFound.body
          : couldNotLoad(error)
            ? strings.routeError.offline
            : strings.routeError.failed}
      </p>
      {notFound ? null : (
        <p>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            {strings.routeError.reload}
          </button>
        </p>
      )}
      <p>
        <a href="/">{strings.notFound.home}</a> · <Link to="/help">{strings.shell.needHelp}</Link>
      </p>
    </div>
  );
  if (inShell) return content;
  return (
    <main id="main" className="main">
      {content}
    </main>
  );
}
