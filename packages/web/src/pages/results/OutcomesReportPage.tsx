import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { reportCsvHref, useOutcomeReport } from './results-api';
import { resultsStrings as s } from './results-strings';
import type { OutcomeRate, OutcomeReport } from './results-types';

function DateInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
}) {
  const id = useId();
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="field-input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type RateKey = 'pairedDataCompleteness' | 'recovered' | 'reliablyImproved' | 'reliablyRecovered' | 'deteriorated';
type CountKey = 'episodes' | 'finishedCourse' | 'casesAtStart';
const ROWS: ({ kind: 'count'; key: CountKey } | { kind: 'rate'; key: RateKey })[] = [
  { kind: 'count', key: 'episodes' },
  { kind: 'count', key: 'finishedCourse' },
  { kind: 'rate', key: 'pairedDataCompleteness' },
  { kind: 'count', key: 'casesAtStart' },
  { kind: 'rate', key: 'recovered' },
  { kind: 'rate', key: 'reliablyImproved' },
  { kind: 'rate', key: 'reliablyRecovered' },
  { kind: 'rate', key: 'deteriorated' },
];

function Figures({ report }: { report: OutcomeReport }) {
  return (
    <table className="table table-stack results-report">
      <caption className="visually-hidden">{s.report.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{s.report.measure}</th>
          <th scope="col">{s.report.count}</th>
          <th scope="col">{s.report.outOf}</th>
          <th scope="col">{s.report.percentage}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => {
          const rate: OutcomeRate | null = row.kind === 'rate' ? report[row.key] : null;
          return (
            <tr key={row.key}>
              <th scope="row" data-label={s.report.measure}>
                {s.report.rows[row.key]}
              </th>
              <td data-label={s.report.count}>{rate ? rate.count : report[row.key as CountKey]}</td>
              <td data-label={s.report.outOf}>{rate ? rate.denominator : s.report.none}</td>
              <td data-label={s.report.percentage}>{rate ? s.report.percent(rate.percentage) : s.report.none}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** /admin/outcomes — the practice outcome report: figures for a date range of endings, and its CSV. */
export function OutcomesReportPage() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [draftFrom, setDraftFrom] = useState(from);
  const [draftTo, setDraftTo] = useState(to);
  const [error, setError] = useState<string | null>(null);
  const report = useOutcomeReport(from, to);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draftFrom && draftTo && draftFrom > draftTo) {
      setError(s.report.rangeOrder);
      return;
    }
    setError(null);
    const next = new URLSearchParams();
    if (draftFrom) next.set('from', draftFrom);
    if (draftTo) next.set('to', draftTo);
    setParams(next);
  };

  return (
    <Page title={s.report.title} lead={s.report.lead}>
      <div className="stack">
        <form className="results-range" onSubmit={submit} noValidate>
          <DateInput label={s.report.from} value={draftFrom} onChange={setDraftFrom} />
          <DateInput label={s.report.to} value={draftTo} onChange={setDraftTo} error={error} />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {s.report.show}
            </button>
          </div>
        </form>
        <QueryStatus query={report} />
        {report.data ? (
          <>
            <h2>{s.report.caption}</h2>
            <Figures report={report.data} />
            <p className="muted">{s.report.note}</p>
            <div className="button-row">
              <a className="button button-secondary" href={reportCsvHref(from, to)} download>
                {s.report.download}
              </a>
            </div>
          </>
        ) : null}
      </div>
    </Page>
  );
}
