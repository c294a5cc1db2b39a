import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { useMySeries } from './results-api';
import { resultsStrings as s } from './results-strings';
import { ResultsChart } from './ResultsChart';

/** /progress — the client's own charts of the questionnaires their therapist shares with them. */
export function MyProgressPage() {
  const query = useMySeries();
  const charted = query.data?.series.filter((x) => x.points.length > 0) ?? [];
  return (
    <Page title={s.portal.title} lead={s.portal.lead}>
      <QueryStatus query={query} />
      {query.data && charted.length === 0 ? <Empty>{s.portal.empty}</Empty> : null}
      <div className="stack">
        {charted.map((series) => (
          <section
            key={series.instrumentId}
            className="card stack-small"
            aria-labelledby={`mine-${series.instrumentId}`}
          >
            <h2 id={`mine-${series.instrumentId}`}>{series.name}</h2>
            <ResultsChart series={series} sessionDates={query.data?.sessionDates ?? []} />
          </section>
        ))}
      </div>
    </Page>
  );
}
