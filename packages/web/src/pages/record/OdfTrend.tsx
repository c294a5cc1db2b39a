import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { formatDate, isoOf } from '../../lib/format';
import type { DefensiveFunctioning, OdfPoint } from './formulation-types';
import { formulationStrings as t } from './formulation-strings';

const WIDTH = 320;
const HEIGHT = 200;
const PAD = { left: 28, right: 12, top: 12, bottom: 30 };
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const LEVELS = [1, 2, 3, 4, 5, 6, 7];

const dateOf = (point: OdfPoint | undefined) => (point ? SHORT.format(new Date(point.sessionStartsAt)) : '');
const y = (odf: number) => PAD.top + ((7 - odf) / 6) * (HEIGHT - PAD.top - PAD.bottom);

/** The ODF per note as plain SVG (levels 1–7 up the side, sessions along), drafts drawn hollow. */
function OdfChart({ points }: { points: (OdfPoint & { odf: number })[] }) {
  const span = WIDTH - PAD.left - PAD.right;
  const x = (i: number) => PAD.left + (points.length === 1 ? span / 2 : (i / (points.length - 1)) * span);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.odf).toFixed(1)}`).join(' ');
  return (
    <svg className="odf-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t.chartLabel(points.length)}>
      {LEVELS.map((level) => (
        <g key={level}>
          <line className="odf-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(level)} y2={y(level)} />
          <text className="odf-axis" x={PAD.left - 8} y={y(level) + 4} textAnchor="end">
            {level}
          </text>
        </g>
      ))}
      <path className="odf-line" d={path} />
      {/* The first and last session's dates along the bottom; every date is in the table. */}
      <text className="odf-axis" x={PAD.left} y={HEIGHT - 8} textAnchor="start">
        {dateOf(points[0])}
      </text>
      {points.length > 1 ? (
        <text className="odf-axis" x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end">
          {dateOf(points.at(-1))}
        </text>
      ) : null}
      {points.map((p, i) => (
        <circle
          key={p.noteId}
          className={p.status === 'draft' ? 'odf-point odf-point-draft' : 'odf-point'}
          cx={x(i)}
          cy={y(p.odf)}
          r={4.5}
        />
      ))}
    </svg>
  );
}

/** The defensive functioning of the episode: the trend chart, the same numbers as a table, the level profile. */
export function OdfTrend({ data, clientId }: { data: DefensiveFunctioning; clientId: string }) {
  const points = data.points.filter((p): p is OdfPoint & { odf: number } => p.odf !== null);
  return (
    <section className="card stack-small" aria-labelledby="odf-heading">
      <h2 id="odf-heading">{t.odfHeading}</h2>
      <p className="field-hint">{t.odfLead}</p>
      {points.length === 0 || data.overall === null ? (
        <p className="empty">{t.odfEmpty}</p>
      ) : (
        <>
          <p>{t.odfOverall(data.overall, points.length, data.profile.total)}</p>
          <OdfChart points={points} />
          <table className="table table-stack">
            <caption className="visually-hidden">{t.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colSession}</th>
                <th scope="col">{t.colOdf}</th>
                <th scope="col">{t.colDefences}</th>
                <th scope="col">{t.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.noteId}>
                  <td data-label={t.colSession}>
                    <Link to={`/clients/${encodeURIComponent(clientId)}/notes/${encodeURIComponent(p.noteId)}`}>
                      <time dateTime={isoOf(p.sessionStartsAt)}>{t.openNote(formatDate(p.sessionStartsAt))}</time>
                    </Link>
                  </td>
                  <td data-label={t.colOdf}>{p.odf.toFixed(2)}</td>
                  <td data-label={t.colDefences}>{p.defencesCoded}</td>
                  <td data-label={t.colStatus}>
                    <Badge tone={p.status === 'draft' ? 'waiting' : 'neutral'}>
                      {p.status === 'draft' ? t.draft : t.signed}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t.profileHeading}</h3>
          <table className="table table-stack">
            <caption className="visually-hidden">{t.profileCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colLevel}</th>
                <th scope="col">{t.colCount}</th>
                <th scope="col">{t.colShare}</th>
              </tr>
            </thead>
            <tbody>
              {data.profile.levels.map((l) => (
                <tr key={l.level}>
                  <td data-label={t.colLevel}>{t.level(l.level, l.name)}</td>
                  <td data-label={t.colCount}>{l.count}</td>
                  <td data-label={t.colShare}>
                    <span className="odf-share">
                      <svg className="odf-share-bar" viewBox="0 0 100 8" aria-hidden="true">
                        <rect className="odf-share-track" width={100} height={8} rx={2} />
                        <rect className="odf-share-fill" width={l.share * 100} height={8} rx={2} />
                      </svg>
                      {t.percent(l.share)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
