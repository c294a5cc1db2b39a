import { ChartSvg } from './chart-parts';
import { clip, monthsBetween } from './chart-scales';
import { How, PassageLinks } from './PassageLinks';
import { PatternSection } from './PatternSection';
import { monthLabel, patternsStrings as t } from './patterns-strings';
import type { Theme, Trend } from './patterns-types';
import type { SectionProps } from './section-props';

const MAX_MONTHS = 24;
const MAX_ROWS = 10;
const LABEL_W = 118;
const ROW_H = 24;
const TOP = 18;
const W = 360;

const mark = (trend: Trend) => (trend === 'rising' ? '▲' : trend === 'fading' ? '▼' : '');

/** One row per theme, one column per month; a dot sized by that month's entries; rising ▲ / fading ▼ marked. */
function ThemesChart({ themes, first, last }: { themes: Theme[]; first: string; last: string }) {
  const all = monthsBetween(first, last);
  const months = all.slice(-MAX_MONTHS);
  const rows = themes.slice(0, MAX_ROWS);
  const max = Math.max(1, ...rows.flatMap((theme) => theme.byMonth.map((m) => m.count)));
  const step = (W - LABEL_W - 6) / Math.max(1, months.length);
  const x = (i: number) => LABEL_W + step * (i + 0.5);
  const height = TOP + rows.length * ROW_H + 6;
  return (
    <>
      <ChartSvg
        width={W}
        height={height}
        title={t.themes.chartTitle}
        description={t.themes.chartDesc(rows.length, months[0] ?? first, months.at(-1) ?? last)}
      >
        <text className="pattern-axis" x={LABEL_W} y={11}>
          {monthLabel(months[0] ?? first)}
        </text>
        <text className="pattern-axis" x={W - 4} y={11} textAnchor="end">
          {monthLabel(months.at(-1) ?? last)}
        </text>
        {rows.map((theme, row) => {
          const y = TOP + row * ROW_H + ROW_H / 2;
          const counts = new Map(theme.byMonth.map((m) => [m.month, m.count]));
          return (
            <g key={theme.id}>
              <line className="pattern-grid" x1={LABEL_W} x2={W - 4} y1={y} y2={y} />
              <text className="pattern-label" x={0} y={y + 4}>
                {clip(theme.label, 18)}
                {mark(theme.trend) ? (
                  <tspan className={`pattern-trend pattern-trend-${theme.trend}`}> {mark(theme.trend)}</tspan>
                ) : null}
              </text>
              {months.map((month, i) => {
                const count = counts.get(month) ?? 0;
                return count > 0 ? (
                  <circle
                    key={month}
                    className="pattern-dot"
                    cx={x(i)}
                    cy={y}
                    r={2 + Math.sqrt(count / max) * Math.min(9, step / 2)}
                  />
                ) : null;
              })}
            </g>
          );
        })}
      </ChartSvg>
      <figcaption className="pattern-legend">
        {t.themes.legend}
        {all.length > MAX_MONTHS ? ` ${t.themes.chartCut(MAX_MONTHS)}` : ''}
      </figcaption>
    </>
  );
}

function ThemesTable({ themes, links }: { themes: Theme[]; links: Map<string, string> }) {
  return (
    <table className="table table-stack pattern-table">
      <caption className="visually-hidden">{t.themes.heading}</caption>
      <thead>
        <tr>
          <th scope="col">{t.themes.theme}</th>
          <th scope="col">{t.themes.entries}</th>
          <th scope="col">{t.themes.first}</th>
          <th scope="col">{t.themes.last}</th>
          <th scope="col">{t.themes.trend}</th>
          <th scope="col">{t.themes.byMonth}</th>
          <th scope="col">{t.passages}</th>
        </tr>
      </thead>
      <tbody>
        {themes.map((theme) => (
          <tr key={theme.id}>
            <th scope="row">{theme.label}</th>
            <td data-label={t.themes.entries}>{theme.entries}</td>
            <td data-label={t.themes.first}>{theme.firstSeen}</td>
            <td data-label={t.themes.last}>{theme.lastSeen}</td>
            <td data-label={t.themes.trend}>{t.trend[theme.trend]}</td>
            <td data-label={t.themes.byMonth}>
              {theme.byMonth.map((m) => t.themes.monthCount(m.month, m.count)).join('; ')}
            </td>
            <td data-label={t.passages}>
              <PassageLinks citations={theme.citations.slice(0, 3)} links={links} />
              <How text={theme.how} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Themes over time: the chart of months beside the table of the same counts, each theme's passages linked. */
export function ThemesSection({ view, links }: SectionProps) {
  const { themes, firstDate, lastDate } = view.summary;
  const empty = themes.length === 0 || !firstDate || !lastDate;
  return (
    <PatternSection
      id="themes"
      heading={t.themes.heading}
      empty={empty ? t.themes.none : null}
      chart={empty ? null : <ThemesChart themes={themes} first={firstDate} last={lastDate} />}
      table={<ThemesTable themes={themes} links={links} />}
    />
  );
}
