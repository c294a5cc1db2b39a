import { useId } from 'react';
import { formatDate } from '../../lib/format';
import { resultsStrings as s } from './results-strings';
import type { InstrumentSeries } from './results-types';

const W = 360;
const H = 230;
const PAD = { left: 30, right: 8, top: 8, bottom: 44 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;
const DAY = 86_400_000;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const shortDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/** The band's shade: the lowest band calm, the highest the strongest, those between in order. */
const bandTone = (i: number, count: number) => (i === 0 ? 0 : i === count - 1 ? 4 : Math.min(3, i));

/** Labels for the date line: every point when there are few, else the first, the last and some between. */
function labelled(count: number): Set<number> {
  if (count <= 5) return new Set(Array.from({ length: count }, (_, i) => i));
  const step = Math.ceil((count - 1) / 4);
  const picks = new Set<number>([0, count - 1]);
  for (let i = step; i < count - 1; i += step) if (count - 1 - i >= step / 2) picks.add(i);
  return picks;
}

/**
 * One instrument's results as an SVG chart — the severity bands shaded and named, the cut-off line,
 * the points joined in date order with reliable-change markers (▼ improved, ▲ worsened against the
 * first), session dates as short marks on the date line — with a table of the same numbers beside it,
 * so nothing is only in the picture. Colours come from the theme's variables (light and dark).
 */
export function ResultsChart({ series, sessionDates }: { series: InstrumentSeries; sessionDates: string[] }) {
  const id = useId();
  const { range, points } = series;
  const span = Math.max(1, range.max - range.min);
  const y = (v: number) =>
    PAD.top + PLOT_H - ((Math.min(Math.max(v, range.min), range.max) - range.min) / span) * PLOT_H;
  const firstDay = points.length ? dayNumber(points[0]?.completedOn ?? '') : 0;
  const lastDay = points.length ? dayNumber(points[points.length - 1]?.completedOn ?? '') : 0;
  const daySpan = Math.max(1, lastDay - firstDay);
  const x = (iso: string) =>
    points.length <= 1 ? PAD.left + PLOT_W / 2 : PAD.left + ((dayNumber(iso) - firstDay) / daySpan) * PLOT_W;
  const sessions = sessionDates.filter((d) => dayNumber(d) >= firstDay && dayNumber(d) <= lastDay);
  const labels = labelled(points.length);
  const first = points[0];
  const last = points[points.length - 1];
  const summary = first && last ? s.chart.summary(series.name, points.length, first.total, last.total, range.max) : '';
  const yTicks = [range.min, ...series.bands.map((b) => b.min).filter((m) => m > range.min), range.max];

  return (
    <div className="results-chart">
      <figure className="results-figure">
        <svg viewBox={`0 0 ${W} ${H}`} className="results-svg" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <title id={`${id}-title`}>{s.chart.title(series.name)}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          {series.bands.map((b, i) => {
            const top = y(Math.min(b.max + 0.5, range.max));
            const bottom = y(Math.max(b.min - 0.5, range.min));
            return (
              <g key={b.label} className={`results-band results-band-${bandTone(i, series.bands.length)}`}>
                <rect x={PAD.left} y={top} width={PLOT_W} height={Math.max(0, bottom - top)} />
                {bottom - top >= 11 ? (
                  <text x={W - PAD.right - 4} y={top + 11} textAnchor="end" className="results-band-label">
                    {b.label}
                  </text>
                ) : null}
              </g>
            );
          })}
          {yTicks.map((v) => (
            <text key={`y${v}`} x={PAD.left - 4} y={y(v) + 4} textAnchor="end" className="results-axis-label">
              {v}
            </text>
          ))}
          {series.cutoff ? (
            <g className="results-cutoff">
              <line x1={PAD.left} x2={PAD.left + PLOT_W} y1={y(series.cutoff.score)} y2={y(series.cutoff.score)} />
              <text x={PAD.left + 4} y={y(series.cutoff.score) - 4} className="results-cutoff-label">
                {s.chart.cutoff(series.cutoff.score)}
              </text>
            </g>
          ) : null}
          <line
            x1={PAD.left}
            x2={PAD.left + PLOT_W}
            y1={PAD.top + PLOT_H}
            y2={PAD.top + PLOT_H}
            className="results-axis"
          />
          {sessions.map((d) => (
            <line
              key={`s${d}`}
              x1={x(d)}
              x2={x(d)}
              y1={PAD.top + PLOT_H}
              y2={PAD.top + PLOT_H + 5}
              className="results-session-tick"
            />
          ))}
          {points.length > 1 ? (
            <polyline
              className="results-line"
              points={points.map((p) => `${x(p.completedOn)},${y(p.total)}`).join(' ')}
            />
          ) : null}
          {points.map((p, i) => (
            <g key={p.id}>
              <circle cx={x(p.completedOn)} cy={y(p.total)} r={4} className="results-point" />
              {p.reliableChange === 'improved' || p.reliableChange === 'deteriorated' ? (
                <text
                  x={x(p.completedOn)}
                  y={p.reliableChange === 'improved' ? y(p.total) + 16 : y(p.total) - 9}
                  textAnchor="middle"
                  className={`results-rc results-rc-${p.reliableChange}`}
                >
                  {p.reliableChange === 'improved' ? '▼' : '▲'}
                </text>
              ) : null}
              {labels.has(i) ? (
                <text
                  x={x(p.completedOn)}
                  y={PAD.top + PLOT_H + 18 + (i % 2) * 12}
                  textAnchor={
                    points.length > 1 && i === 0
                      ? 'start'
                      : points.length > 1 && i === points.length - 1
                        ? 'end'
                        : 'middle'
                  }
                  className="results-axis-label"
                >
                  {shortDate(p.completedOn)}
                </text>
              ) : null}
            </g>
          ))}
        </svg>
        <figcaption className="results-legend">
          <span>{s.chart.legendImproved}</span>
          <span>{s.chart.legendDeteriorated}</span>
          {sessions.length > 0 ? <span>{s.chart.sessionsKey}</span> : null}
          <span>{s.chart.rcValue(series.reliableChangePoints)}</span>
          {series.unscored > 0 ? <span>{s.chart.unscored(series.unscored)}</span> : null}
        </figcaption>
      </figure>
      <table className="table table-stack results-table">
        <caption className="visually-hidden">{s.chart.tableCaption(series.name)}</caption>
        <thead>
          <tr>
            <th scope="col">{s.chart.date}</th>
            <th scope="col">{s.chart.total}</th>
            <th scope="col">{s.chart.band}</th>
            <th scope="col">{s.chart.changeHeading}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <td data-label={s.chart.date}>
                <time dateTime={p.completedOn}>{formatDate(p.completedOn)}</time>
              </td>
              <td data-label={s.chart.total}>
                {p.total} / {range.max}
              </td>
              <td data-label={s.chart.band}>{p.band ?? s.chart.noBand}</td>
              <td data-label={s.chart.changeHeading}>{s.chart.change(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
