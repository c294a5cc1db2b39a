import { Link } from 'react-router';
import { ChartSvg } from './chart-parts';
import { clip, linear, shortDate } from './chart-scales';
import { PatternSection } from './PatternSection';
import { patternsStrings as t } from './patterns-strings';
import type { DefensiveFunctioning, LevelShare, OdfPoint, PassageSource } from './patterns-types';

const W = 360;
const H = 200;
const PAD = { left: 24, right: 10, top: 10, bottom: 26 };
const LEVELS = [1, 2, 3, 4, 5, 6, 7];

type RatedPoint = OdfPoint & { odf: number };

/** ODF per rated note (levels 1–7 up the side, notes along in order). */
function OdfChart({ points }: { points: RatedPoint[] }) {
  const x = linear(0, Math.max(1, points.length - 1), PAD.left + 6, W - PAD.right - 6);
  const xAt = (i: number) => (points.length === 1 ? (PAD.left + W - PAD.right) / 2 : x(i));
  const y = linear(1, 7, H - PAD.bottom, PAD.top);
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    <ChartSvg
      width={W}
      height={H}
      title={t.odf.trendTitle}
      description={t.odf.trendDesc(
        points.length,
        shortDate(first.at),
        shortDate(last.at),
        first.odf.toFixed(2),
        last.odf.toFixed(2),
      )}
    >
      {LEVELS.map((level) => (
        <g key={level}>
          <line className="pattern-grid" x1={PAD.left} x2={W - PAD.right} y1={y(level)} y2={y(level)} />
          <text className="pattern-axis" x={PAD.left - 8} y={y(level) + 4} textAnchor="end">
            {level}
          </text>
        </g>
      ))}
      {points.length > 1 ? (
        <polyline className="pattern-line" points={points.map((p, i) => `${xAt(i)},${y(p.odf)}`).join(' ')} />
      ) : null}
      {points.map((p, i) => (
        <circle key={`${p.at}-${i}`} className="pattern-point" cx={xAt(i)} cy={y(p.odf)} r={4} />
      ))}
      <text className="pattern-axis" x={PAD.left} y={H - 6}>
        {shortDate(first.at)}
      </text>
      {points.length > 1 ? (
        <text className="pattern-axis" x={W - PAD.right} y={H - 6} textAnchor="end">
          {shortDate(last.at)}
        </text>
      ) : null}
    </ChartSvg>
  );
}

/** The level profile as horizontal bars, level 7 at the top. */
function ProfileChart({ levels, total }: { levels: LevelShare[]; total: number }) {
  const rowH = 22;
  const labelW = 150;
  const bar = linear(0, 1, 0, W - labelW - 44);
  return (
    <ChartSvg
      width={W}
      height={levels.length * rowH + 4}
      title={t.odf.profileTitle}
      description={t.odf.profileDesc(total)}
    >
      {levels.map((l, i) => {
        const y = i * rowH + 2;
        return (
          <g key={l.level}>
            <text className="pattern-label" x={0} y={y + 14}>
              {clip(t.odf.levelName(l.level, l.name), 26)}
            </text>
            <rect className="pattern-track" x={labelW} y={y + 4} width={bar(1)} height={12} rx={2} />
            <rect className="pattern-bar" x={labelW} y={y + 4} width={bar(l.share)} height={12} rx={2} />
            <text className="pattern-value" x={labelW + bar(1) + 4} y={y + 14}>
              {t.odf.percent(l.share)}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}

/**
 * Defensive functioning (issue 7 part 6): the ODF per note the therapist rated defences in, as a trend,
 * and the level profile — each chart with its table; a note's row opens the note.
 */
export function OdfSection({ data, sources }: { data: DefensiveFunctioning; sources: PassageSource[] }) {
  const points = data.trend.filter((p): p is RatedPoint => p.odf !== null);
  const noteByDay = new Map(
    sources.filter((s) => s.kind === 'session_note' || s.kind === 'countertransference').map((s) => [s.date, s.link]),
  );
  const empty = points.length === 0 || data.overall === null;
  return (
    <PatternSection
      id="odf"
      heading={t.odf.heading}
      lead={t.odf.lead}
      empty={empty ? t.odf.none : null}
      caution={data.overall === null ? null : t.odf.overall(data.overall, points.length, data.profile.total)}
      chart={empty ? null : <OdfChart points={points} />}
      table={
        <table className="table table-stack pattern-table">
          <caption className="visually-hidden">{t.odf.trendCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.odf.date}</th>
              <th scope="col">{t.odf.odf}</th>
              <th scope="col">{t.odf.defences}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => {
              const link = noteByDay.get(p.at);
              return (
                <tr key={`${p.at}-${i}`}>
                  <td data-label={t.odf.date}>
                    {link ? <Link to={link}>{t.odf.openNote(shortDate(p.at))}</Link> : shortDate(p.at)}
                  </td>
                  <td data-label={t.odf.odf}>{p.odf.toFixed(2)}</td>
                  <td data-label={t.odf.defences}>{p.defencesCoded}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      }
      how={data.how}
    >
      <h3>{t.odf.profileHeading}</h3>
      <div className="pattern-chart-table">
        <figure className="pattern-figure">
          <ProfileChart levels={data.profile.levels} total={data.profile.total} />
        </figure>
        <div className="pattern-table-wrap">
          <table className="table table-stack pattern-table">
            <caption className="visually-hidden">{t.odf.profileCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.odf.level}</th>
                <th scope="col">{t.odf.count}</th>
                <th scope="col">{t.odf.share}</th>
              </tr>
            </thead>
            <tbody>
              {data.profile.levels.map((l) => (
                <tr key={l.level}>
                  <td data-label={t.odf.level}>{t.odf.levelName(l.level, l.name)}</td>
                  <td data-label={t.odf.count}>{l.count}</td>
                  <td data-label={t.odf.share}>{t.odf.percent(l.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </PatternSection>
  );
}
