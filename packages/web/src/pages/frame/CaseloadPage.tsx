import { Link } from 'react-router';
import { useCaseload } from '../../api/frame';
import type { CaseloadRow } from '../../api/frame-types';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { SharedCountBadges } from '../journal-shared/SharedCountBadges';
import { formatDayShort, formatTime } from '../../lib/frame-format';
import { frameStrings as t } from './frame-strings';
import { episodeTone, frequencyInWords, slotsInWords } from './frame-words';

function NextSession({ row }: { row: CaseloadRow }) {
  const next = row.nextAppointment;
  if (!next) return <>{t.caseload.noNext}</>;
  const zone = next.timeZone;
  const kind = next.kind === 'session' ? '' : ` (${t.kinds[next.kind].toLowerCase()})`;
  return (
    <time dateTime={next.startsAt}>
      {formatDayShort(next.startsAt, zone)}, {formatTime(next.startsAt, zone)}
      {next.locationName ? `, ${next.locationName}` : ''}
      {kind}
    </time>
  );
}

function CaseloadItem({ row }: { row: CaseloadRow }) {
  const episode = row.episode;
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          <Link to={`/clients/${encodeURIComponent(row.clientId)}`}>{row.clientName}</Link>{' '}
          {episode ? (
            <Badge tone={episodeTone(episode.status)}>{t.episodeStatus[episode.status]}</Badge>
          ) : (
            <Badge>{t.caseload.noEpisode}</Badge>
          )}{' '}
          {episode?.reviewDue ? <Badge tone="waiting">{t.caseload.reviewDue}</Badge> : null}{' '}
          {row.pendingMoveRequests > 0 ? (
            <Badge tone="waiting">{t.caseload.moveRequests(row.pendingMoveRequests)}</Badge>
          ) : null}{' '}
          <SharedCountBadges clientId={row.clientId} />
        </p>
        <dl className="item-facts">
          <div>
            <dt>{t.caseload.next}</dt>
            <dd>
              <NextSession row={row} />
            </dd>
          </div>
          {episode && episode.slots.length > 0 && episode.status !== 'ended' ? (
            <div>
              <dt>{t.caseload.frame}</dt>
              <dd>
                {frequencyInWords(episode.slots.length)}, {slotsInWords(episode.slots)}
              </dd>
            </div>
          ) : null}
          {episode && episode.sessionsRemaining !== null && episode.status !== 'ended' ? (
            <div>
              <dt>{t.caseload.remaining}</dt>
              <dd>{episode.sessionsRemaining}</dd>
            </div>
          ) : null}
        </dl>
      </div>
    </li>
  );
}

/** The therapist's clients, each with where the work is and what comes next. */
export function CaseloadPage() {
  const caseload = useCaseload();
  const invite = (
    <Link className="button button-primary" to="/clients/invite">
      {t.caseload.invite}
    </Link>
  );
  const waiting = caseload.data?.reduce((sum, row) => sum + row.pendingMoveRequests, 0) ?? 0;
  return (
    <Page title={t.caseload.title} lead={t.caseload.lead} actions={invite}>
      <QueryStatus query={caseload} />
      {waiting > 0 ? <p className="notice notice-info">{t.caseload.moveRequestsNotice(waiting)}</p> : null}
      {caseload.data?.length === 0 ? <Empty action={invite}>{t.caseload.empty}</Empty> : null}
      {caseload.data && caseload.data.length > 0 ? (
        <ul className="item-list" aria-label={t.caseload.listLabel}>
          {caseload.data.map((row) => (
            <CaseloadItem key={row.clientId} row={row} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
