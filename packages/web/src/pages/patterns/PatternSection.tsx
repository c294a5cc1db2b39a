import type { ReactNode } from 'react';
import { How } from './PassageLinks';

/**
 * The one scaffold of every patterns section: the heading, the lead or caution, the chart with its
 * table beside it (the same numbers, for those who do not read the picture), how it was found, and
 * whatever follows (cards, passage links). With `empty` set, only the heading and that sentence.
 */
export function PatternSection(props: {
  id: string;
  heading: string;
  lead?: ReactNode;
  caution?: string | null;
  empty?: string | null;
  chart?: ReactNode;
  table?: ReactNode;
  how?: string;
  children?: ReactNode;
}) {
  const headingId = `${props.id}-heading`;
  return (
    <section className="stack-small pattern-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.heading}</h2>
      {props.lead ? <p className="muted">{props.lead}</p> : null}
      {props.empty ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <>
          {props.caution ? <p className="pattern-caution">{props.caution}</p> : null}
          {props.chart || props.table ? (
            <div className="pattern-chart-table">
              {props.chart ? <figure className="pattern-figure">{props.chart}</figure> : null}
              {props.table ? <div className="pattern-table-wrap">{props.table}</div> : null}
            </div>
          ) : null}
          {props.how ? <How text={props.how} /> : null}
          {props.children}
        </>
      )}
    </section>
  );
}
