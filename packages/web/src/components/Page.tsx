import { useEffect, useRef, type ReactNode } from 'react';
import { strings } from '../strings';

let firstPageShown = false;

interface PageProps {
  title: string;
  lead?: ReactNode;
  /** Buttons or links shown beside the heading. */
  actions?: ReactNode;
  /** Narrow pages (forms) read better at a shorter line length. */
  narrow?: boolean;
  children?: ReactNode;
}

/**
 * One page: sets the document title and, after a client-side navigation, moves focus to the
 * heading so screen-reader and keyboard users start at the top of the new content.
 */
export function Page({ title, lead, actions, narrow, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${strings.titleSuffix}`;
  }, [title]);

  useEffect(() => {
    if (firstPageShown) heading.current?.focus({ preventScroll: false });
    firstPageShown = true;
  }, []);

  return (
    <div className={narrow ? 'page page-narrow' : 'page'}>
      <div className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {lead ? <p className="lead">{lead}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
