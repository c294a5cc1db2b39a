import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDate, formatDateTime } from '../../lib/format';
import { fhirExportHref, useResults } from './measures-api';
import { QuestionnaireRequestsPanel } from './QuestionnaireRequestsPanel';
import { measuresStrings as t } from './measures-strings';
import type { MeasureResult } from './measures-types';
import { ClientCharts } from '../results/ClientCharts';
import { EpisodeOutcomes } from '../results/EpisodeOutcomes';

function totalText(r: MeasureResult): string {
  return r.total === null ? t.results.noScore : t.results.outOf(r.total, r.range.max);
}

function casenessText(r: MeasureResult): string {
  if (r.caseness === null) return t.results.noCutoff;
  return r.caseness ? t.results.case(r.cutoffLabel) : t.results.notCase;
}

function notesText(r: MeasureResult): string {
  if (r.total === null && r.noScoreReason) return t.results.noScoreBecause(r.noScoreReason);
  return r.prorated ? t.results.prorated(r.missing) : '';
}

function Flags({ results }: { results: MeasureResult[] }) {
  const flagged = results.filter((r) => r.flags.length > 0);
  if (flagged.length === 0) return null;
  return (
    <section className="notice notice-warning measure-flags" aria-labelledby="attention-heading">
      <h2 id="attention-heading">{t.results.attention}</h2>
      <ul>
        {flagged.flatMap((r) =>
          r.flags.map((f) => (
            <li key={`${r.id}:${f.id}`}>
              <strong>
                {r.instrument.name}, {formatDate(r.completedOn)}:
              </strong>{' '}
              {t.results.flag(f, r.instrument.name)}
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

function ResultsTable({ results }: { results: MeasureResult[] }) {
  const copyrights = new Map(
    results.map((r) => [
      r.instrument.version === null ? r.instrument.name : `${r.instrument.name} (v${r.instrument.version})`,
      r.instrument.copyright,
    ]),
  );
  return (
    <>
      <table className="table table-stack measure-table">
        <caption className="visually-hidden">{t.results.heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.results.date}</th>
            <th scope="col">{t.results.instrument}</th>
            <th scope="col">{t.results.total}</th>
            <th scope="col">{t.results.band}</th>
            <th scope="col">{t.results.caseness}</th>
            <th scope="col">{t.results.notes}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id}>
              <td data-label={t.results.date}>
                <time dateTime={r.completedOn}>{formatDate(r.completedOn)}</time>
              </td>
              <td data-label={t.results.instrument}>
                {r.instrument.name}
                {r.instrument.version !== null ? ` (v${r.instrument.version})` : ''}
              </td>
              <td data-label={t.results.total}>
                {totalText(r)}
                {r.flags.length > 0 ? (
                  <>
                    {' '}
                    <Badge tone="bad">{t.results.flagBadge}</Badge>
                  </>
                ) : null}
              </td>
              <td data-label={t.results.band}>{r.band ?? t.results.noCutoff}</td>
              <td data-label={t.results.caseness}>{casenessText(r)}</td>
              <td data-label={t.results.notes}>
                {notesText(r)}
                <span className="measure-entered">
                  {t.results.entered(r.enteredBy.displayName, formatDateTime(r.enteredAt))}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="copyright-heading" className="stack-small">
        <h3 id="copyright-heading">{t.results.copyrightHeading}</h3>
        <ul className="measure-copyrights">
          {[...copyrights].map(([name, line]) => (
            <li key={name} className="measure-copyright">
              {t.results.copyrightOf(name, line)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** /clients/:clientId/measures — a client's questionnaire results, and the ways to add and export them. */
export function MeasuresPage() {
  const { clientId = '' } = useParams();
  const results = useResults(clientId);
  const name = results.data?.client.displayName ?? '';
  const notFound = results.error instanceof ApiError && (results.error.status === 404 || results.error.status === 403);
  const base = `/clients/${encodeURIComponent(clientId)}`;
  return (
    <Page
      title={t.results.title(name)}
      lead={notFound ? undefined : t.results.lead}
      actions={
        <>
          <Link className="button button-quiet" to={base}>
            {t.results.back}
          </Link>
          {results.data ? (
            <Link className="button button-primary" to={`${base}/measures/enter`}>
              {t.results.enter}
            </Link>
          ) : null}
        </>
      }
    >
      <QueryStatus query={results} />
      {results.data ? (
        <div className="stack">
          <Flags results={results.data.results} />
          <ClientCharts clientId={clientId} clientName={name} />
          <EpisodeOutcomes clientId={clientId} />
          <section className="stack-small" aria-labelledby="results-heading">
            <h2 id="results-heading">{t.results.heading}</h2>
            {results.data.results.length === 0 ? (
              <Empty>{t.results.empty}</Empty>
            ) : (
              <ResultsTable results={results.data.results} />
            )}
          </section>
          {results.data.results.length > 0 ? (
            <div className="button-row">
              <a className="button button-secondary" href={fhirExportHref(clientId)} download>
                {t.results.fhir}
              </a>
            </div>
          ) : null}
          <QuestionnaireRequestsPanel clientId={clientId} />
        </div>
      ) : null}
    </Page>
  );
}
