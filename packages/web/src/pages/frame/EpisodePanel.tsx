import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Episode, Location, TherapistSettings } from '../../api/frame-types';
import { Badge } from '../../components/Badge';
import { AgreementForm } from './AgreementForm';
import { BookForm } from './BookForm';
import { EndEpisodeDialog, PauseDialog, SetEndingDialog } from './EpisodeActions';
import { frameStrings as t } from './frame-strings';
import { dateInWords, describeFrame, describePolicy, episodeTone } from './frame-words';

type Panel = 'agree' | 'book' | null;

function Facts({ episode }: { episode: Episode }) {
  const agreed = episode.slots.length > 0;
  return (
    <dl className="facts">
      {episode.startDate ? (
        <div>
          <dt>{t.client.facts.started}</dt>
          <dd>{dateInWords(episode.startDate)}</dd>
        </div>
      ) : null}
      {agreed ? (
        <div>
          <dt>{t.client.facts.held}</dt>
          <dd>{episode.sessionsHeld}</dd>
        </div>
      ) : null}
      {episode.sessionsRemaining !== null ? (
        <div>
          <dt>{t.client.facts.remaining}</dt>
          <dd>{episode.sessionsRemaining}</dd>
        </div>
      ) : null}
      {episode.sessionMinutes ? (
        <div>
          <dt>{t.client.facts.sessionLength}</dt>
          <dd>{t.client.facts.minutes(episode.sessionMinutes)}</dd>
        </div>
      ) : null}
      {episode.reviewEvery ? (
        <div>
          <dt>{t.client.facts.review}</dt>
          <dd>
            {t.client.facts.reviewEvery(episode.reviewEvery)}
            {episode.nextReviewAt ? `; ${t.client.facts.nextReview(episode.nextReviewAt, episode.sessionsHeld)}` : ''}
          </dd>
        </div>
      ) : null}
      {episode.endingDate ? (
        <div>
          <dt>{t.client.facts.endingDate}</dt>
          <dd>{dateInWords(episode.endingDate)}</dd>
        </div>
      ) : null}
      {agreed ? (
        <div>
          <dt>{t.client.facts.policy}</dt>
          <dd>
            <span className="muted">{episode.policy ? t.client.facts.ownPolicy : t.client.facts.yourPolicy}: </span>
            {describePolicy(episode.effectivePolicy)}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function statusLead(episode: Episode): string | null {
  switch (episode.status) {
    case 'assessment':
      return t.client.assessmentLead;
    case 'paused':
      return t.client.pausedLead(null);
    case 'ending':
      return episode.endingDate ? t.client.endingLead(dateInWords(episode.endingDate)) : null;
    default:
      return null;
  }
}

/** The current episode: the frame in words, its facts, and what the therapist can do next. */
export function EpisodePanel({
  episode,
  settings,
  locations,
  onChange,
}: {
  episode: Episode;
  settings: TherapistSettings;
  locations: Location[];
  onChange: (message: string) => void;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const panelId = useId();
  const toggles = { agree: useRef<HTMLButtonElement>(null), book: useRef<HTMLButtonElement>(null) };
  const toggle = (which: Exclude<Panel, null>) => setPanel((p) => (p === which ? null : which));
  // A form that closes takes its buttons with it: focus goes back to the button that opened it.
  const close = () => {
    const opener = panel ? toggles[panel].current : null;
    setPanel(null);
    window.requestAnimationFrame(() => opener?.focus());
  };
  const done = (message: string) => {
    close();
    onChange(message);
  };
  const inAssessment = episode.status === 'assessment';
  const lead = statusLead(episode);
  const words = describeFrame(episode, settings.currency);

  return (
    <section className="card stack-small episode" aria-labelledby="episode-heading">
      <div className="card-heading">
        <h2 id="episode-heading">{t.client.episodeHeading}</h2>
        <Badge tone={episodeTone(episode.status)}>{t.episodeStatus[episode.status]}</Badge>
      </div>
      {lead ? <p>{lead}</p> : null}
      {episode.slots.length > 0 ? (
        <p className="frame-words">
          <span className="visually-hidden">{t.client.frameInWords}: </span>
          {words}
        </p>
      ) : null}
      {episode.reviewDue && episode.nextReviewAt ? (
        <p className="notice notice-warning">
          <strong>{t.client.reviewDue}.</strong> {t.client.reviewDueNote(episode.nextReviewAt)}
        </p>
      ) : null}
      <Facts episode={episode} />
      <div className="button-row">
        <Button
          ref={toggles.book}
          className="button button-secondary"
          aria-expanded={panel === 'book'}
          aria-controls={panel === 'book' ? panelId : undefined}
          onPress={() => toggle('book')}
        >
          {inAssessment ? t.book.open : t.book.openExtra}
        </Button>
        <Button
          ref={toggles.agree}
          className={inAssessment ? 'button button-primary' : 'button button-secondary'}
          aria-expanded={panel === 'agree'}
          aria-controls={panel === 'agree' ? panelId : undefined}
          onPress={() => toggle('agree')}
        >
          {inAssessment ? t.agreement.open : t.agreement.openChange}
        </Button>
        {episode.status === 'active' || episode.status === 'ending' ? (
          <SetEndingDialog episode={episode} onDone={onChange} />
        ) : null}
        {episode.status === 'active' || episode.status === 'paused' ? (
          <PauseDialog episode={episode} onDone={onChange} />
        ) : null}
        <EndEpisodeDialog episode={episode} onDone={onChange} />
      </div>
      {panel ? (
        <div id={panelId} className="panel">
          {panel === 'agree' ? (
            <AgreementForm episode={episode} settings={settings} locations={locations} onDone={done} onCancel={close} />
          ) : (
            <BookForm episode={episode} settings={settings} locations={locations} onDone={done} onCancel={close} />
          )}
        </div>
      ) : null}
    </section>
  );
}
