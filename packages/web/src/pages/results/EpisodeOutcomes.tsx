import { QueryStatus, Empty } from '../../components/States';
import { formatDate } from '../../lib/format';
import { useEpisodeSummaries } from './results-api';
import { resultsStrings as s } from './results-strings';
import type { EpisodeSummary } from './results-types';

function Episode({ e }: { e: EpisodeSummary }) {
  const started = formatDate(e.startedOn, '—');
  return (
    <section className="card stack-small" aria-labelledby={`episode-${e.episodeId}`}>
      <h3 id={`episode-${e.episodeId}`}>
        {s.episodes.episode(e.status, started, e.endedOn ? formatDate(e.endedOn) : null)}
      </h3>
      <p className="results-category">
        <strong>{s.episodes.category[e.category] ?? e.category}</strong>
      </p>
      <dl className="results-facts">
        <div>
          <dt>{s.episodes.sessions}</dt>
          <dd>{e.treatmentSessionsAttended}</dd>
        </div>
        {e.paired && e.firstPairedOn && e.lastPairedOn ? (
          <>
            <div>
              <dt>{s.episodes.paired}</dt>
              <dd>{s.episodes.pairedDates(formatDate(e.firstPairedOn), formatDate(e.lastPairedOn))}</dd>
            </div>
            <div>
              <dt>{s.episodes.caseness}</dt>
              <dd>
                {s.episodes.yesNo(e.casenessFirst)} / {s.episodes.yesNo(e.casenessLast)}
              </dd>
            </div>
            <div>
              <dt>{s.episodes.changes}</dt>
              <dd>{e.changes.map((c) => s.episodes.change(c)).join('; ')}</dd>
            </div>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** Each treatment episode's NHS Talking Therapies outcome, on the therapist's client Measures page. */
export function EpisodeOutcomes({ clientId }: { clientId: string }) {
  const query = useEpisodeSummaries(clientId);
  return (
    <section className="stack-small" aria-labelledby="episodes-outcome-heading">
      <h2 id="episodes-outcome-heading">{s.episodes.heading}</h2>
      <p className="muted">{s.episodes.lead}</p>
      <QueryStatus query={query} />
      {query.data && query.data.episodes.length === 0 ? <Empty>{s.episodes.empty}</Empty> : null}
      {query.data?.episodes.map((e) => (
        <Episode key={e.episodeId} e={e} />
      ))}
      {query.data && query.data.episodes.length > 0 ? <p className="muted">{s.episodes.note}</p> : null}
    </section>
  );
}
