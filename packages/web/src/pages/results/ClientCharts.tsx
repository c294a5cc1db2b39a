import { Switch } from 'react-aria-components';
import { QueryStatus, Empty } from '../../components/States';
import { useClientSeries, useShareChart } from './results-api';
import { resultsStrings as s } from './results-strings';
import { ResultsChart } from './ResultsChart';
import type { InstrumentSeries } from './results-types';
import '../../styles/results.css';

function ShareSwitch({
  clientId,
  clientName,
  series,
}: {
  clientId: string;
  clientName: string;
  series: InstrumentSeries;
}) {
  const share = useShareChart(clientId);
  return (
    <div className="results-share">
      <Switch
        className="switch"
        isSelected={series.shared}
        isDisabled={share.isPending}
        onChange={(shared) => share.mutate({ instrumentId: series.instrumentId, shared })}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        {s.therapist.share(clientName)}
      </Switch>
      <p className="muted results-share-state" aria-live="polite">
        {share.isError ? s.therapist.shareFailed : series.shared ? s.therapist.shared : s.therapist.notShared}
      </p>
    </div>
  );
}

/** The therapist's charts of a client's questionnaires, one per instrument, each with its share switch. */
export function ClientCharts({ clientId, clientName }: { clientId: string; clientName: string }) {
  const query = useClientSeries(clientId);
  const charted = query.data?.series.filter((x) => x.points.length > 0) ?? [];
  return (
    <section className="stack-small" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{s.therapist.heading}</h2>
      <QueryStatus query={query} />
      {query.data && charted.length === 0 ? <Empty>{s.therapist.empty}</Empty> : null}
      {charted.map((series) => (
        <section
          key={series.instrumentId}
          className="card stack-small"
          aria-labelledby={`chart-${series.instrumentId}`}
        >
          <h3 id={`chart-${series.instrumentId}`}>{series.name}</h3>
          <ShareSwitch clientId={clientId} clientName={clientName} series={series} />
          <ResultsChart series={series} sessionDates={query.data?.sessionDates ?? []} />
        </section>
      ))}
    </section>
  );
}
