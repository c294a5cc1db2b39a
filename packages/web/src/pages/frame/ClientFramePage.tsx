import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  useCaseload,
  useEpisodes,
  useFrameSettings,
  useLocations,
  useMoveRequests,
  useStartEpisode,
} from '../../api/frame';
import type { Episode } from '../../api/frame-types';
import { ApiError } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { EpisodePanel } from './EpisodePanel';
import { frameStrings as t } from './frame-strings';
import { dateInWords, describeFrame } from './frame-words';
import { LedgerSection } from './LedgerSection';
import { MoveRequests } from './MoveRequests';
import { SessionsSection } from './SessionsSection';
import { useFocusRescue } from '../../components/use-focus-rescue';
import { SharedJournalLink } from '../journal-shared/SharedJournalLink';
import { SessionNotesLink } from '../record/SessionNotesLink';
import { LettersLink } from '../letters/LettersLink';
import { MeasuresLink } from '../measures/MeasuresLink';

function StartEpisode({
  clientId,
  lastEnded,
  onDone,
}: {
  clientId: string;
  /** The latest ended episode, if the client has had one. */
  lastEnded: Episode | null;
  onDone: (m: string) => void;
}) {
  const start = useStartEpisode(clientId);
  const again = lastEnded !== null;
  return (
    <section className="card stack-small" aria-labelledby="episode-heading">
      <h2 id="episode-heading">{t.client.episodeHeading}</h2>
      {again ? (
        lastEnded.endingDate ? (
          <p>{t.client.endedLead(dateInWords(lastEnded.endingDate))}</p>
        ) : null
      ) : (
        <p>{t.client.noEpisode}</p>
      )}
      <FormStatus pending={start.isPending} error={start.error} />
      <ActionButton
        className="button button-primary"
        isPending={start.isPending}
        // mutateAsync: this panel is replaced as soon as the new episode loads, and a mutate-level
        // onSuccess would never run once it has gone; the page keeps the message.
        onPress={() =>
          void start.mutateAsync(undefined).then(
            () => onDone(t.client.begun),
            () => undefined,
          )
        }
      >
        {again ? t.client.startAnother : t.client.startAssessment}
      </ActionButton>
    </section>
  );
}

function PastEpisodes({ episodes, currency }: { episodes: Episode[]; currency: string }) {
  if (episodes.length === 0) return null;
  return (
    <section className="stack-small" aria-labelledby="past-episodes-heading">
      <h2 id="past-episodes-heading">{t.client.pastEpisodes}</h2>
      <ul className="item-list">
        {episodes.map((episode) => (
          <li key={episode.id} className="item">
            <div className="item-main stack-small">
              <p className="item-title">
                {episode.startDate && episode.endingDate
                  ? t.client.pastEpisode(dateInWords(episode.startDate), dateInWords(episode.endingDate))
                  : t.episodeStatus.ended}
              </p>
              {episode.slots.length > 0 ? <p className="item-meta">{describeFrame(episode, currency)}</p> : null}
              <p className="item-meta">
                {t.client.facts.held}: {episode.sessionsHeld}
                {episode.followUpDate ? ` · ${t.client.facts.followUp}: ${dateInWords(episode.followUpDate)}` : ''}
              </p>
              {episode.closingSummary ? (
                <details className="summary-details">
                  <summary>{t.client.closingSummary}</summary>
                  <p className="closing-summary">{episode.closingSummary}</p>
                </details>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One client's frame: the current episode (assessment, agreement, pause, ending, end), its sessions
 * with attendance and moves, the client's requests to move, the ledger, and earlier episodes.
 */
export function ClientFramePage() {
  const { clientId = '' } = useParams();
  const episodes = useEpisodes(clientId);
  const caseload = useCaseload();
  const settings = useFrameSettings();
  const locations = useLocations();
  const requests = useMoveRequests();
  const [message, setMessage] = useState<string | null>(null);
  const { rescue } = useFocusRescue();
  const changed = (m: string) => {
    setMessage(m);
    rescue();
  };

  const sorted = [...(episodes.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const name = caseload.data?.find((row) => row.clientId === clientId)?.clientName ?? sorted[0]?.clientName;
  const current = sorted.find((episode) => episode.status !== 'ended') ?? null;
  const past = sorted.filter((episode) => episode.status === 'ended');
  const theirRequests = (requests.data ?? []).filter((request) => request.appointment.clientId === clientId);
  const notFound =
    (episodes.error instanceof ApiError && (episodes.error.status === 404 || episodes.error.status === 403)) ||
    (caseload.data && !name && episodes.data?.length === 0);
  const ready = episodes.data && settings.data && locations.data;

  return (
    <Page
      title={name ?? t.client.titleFallback}
      lead={notFound ? undefined : t.client.lead}
      actions={
        <Link className="button button-quiet" to="/clients">
          {t.common.backToCaseload}
        </Link>
      }
    >
      {notFound ? (
        <p className="notice notice-error" role="alert">
          {t.client.notFound}
        </p>
      ) : (
        <>
          <FormStatus success={message} />
          <SharedJournalLink clientId={clientId} />
          <SessionNotesLink clientId={clientId} />
          <div className="button-row">
            <LettersLink clientId={clientId} bare />
            <MeasuresLink clientId={clientId} />
          </div>
          <QueryStatus query={episodes} />
          {episodes.data ? <QueryStatus query={settings} /> : null}
          {episodes.data && settings.data ? <QueryStatus query={locations} /> : null}
          {ready ? (
            <>
              <MoveRequests requests={theirRequests} locations={locations.data ?? []} onChange={changed} />
              {current ? (
                <EpisodePanel
                  episode={current}
                  settings={settings.data}
                  locations={locations.data}
                  onChange={changed}
                />
              ) : (
                <StartEpisode clientId={clientId} lastEnded={past[0] ?? null} onDone={changed} />
              )}
              {current ? <SessionsSection episode={current} locations={locations.data} /> : null}
              <LedgerSection clientId={clientId} timeZone={settings.data.timeZone} />
              <PastEpisodes episodes={past} currency={settings.data.currency} />
            </>
          ) : null}
        </>
      )}
    </Page>
  );
}
