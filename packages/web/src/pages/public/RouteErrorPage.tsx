import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { strings } from '../../strings';

/**
 * Shown when a page fails to load or render, for example a code chunk that could not be fetched
 * after an update. Plain markup, so it works even when the rest of the app cannot.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="main">
      <div className="page page-narrow">
        <h1>{notFound ? strings.notFound.title : strings.errors.unexpected}</h1>
        <p className="lead">{notFound ? strings.notFound.body : strings.errors.server}</p>
        <p>
          <a href="/">{strings.notFound.home}</a> · <Link to="/help">{strings.shell.needHelp}</Link>
        </p>
      </div>
    </main>
  );
}
