import { ChartSvg } from './chart-parts';
import { clip } from './chart-scales';
import { How, PassageLinks } from './PassageLinks';
import { PatternSection } from './PatternSection';
import { patternsStrings as t } from './patterns-strings';
import type { Echo } from './patterns-types';
import type { SectionProps } from './section-props';

const W = 360;
const ROW_H = 34;
const TOP = 20;
const SIDE = 104;

/** Past figure on the left, present figure on the right, joined by a line as thick as they are similar. */
function EchoesChart({ echoes }: { echoes: Echo[] }) {
  return (
    <ChartSvg
      width={W}
      height={TOP + echoes.length * ROW_H}
      title={t.echoes.chartTitle}
      description={t.echoes.chartDesc(echoes.length)}
    >
      <text className="pattern-axis" x={SIDE} y={12} textAnchor="end">
        {t.echoes.past}
      </text>
      <text className="pattern-axis" x={W - SIDE} y={12}>
        {t.echoes.present}
      </text>
      {echoes.map((echo, i) => {
        const y = TOP + i * ROW_H + ROW_H / 2;
        return (
          <g key={echo.id}>
            <text className="pattern-label" x={SIDE - 8} y={y + 4} textAnchor="end">
              {clip(echo.past.label, 16)}
            </text>
            <circle className="pattern-dot-past" cx={SIDE} cy={y} r={5} />
            <line
              className="pattern-link"
              x1={SIDE + 5}
              x2={W - SIDE - 5}
              y1={y}
              y2={y}
              strokeWidth={1 + echo.similarity * 7}
            />
            <text className="pattern-value" x={W / 2} y={y - 7} textAnchor="middle">
              {t.echoes.similarityValue(echo.similarity)}
            </text>
            <circle className="pattern-dot" cx={W - SIDE} cy={y} r={5} />
            <text className="pattern-label" x={W - SIDE + 8} y={y + 4}>
              {clip(echo.present.label, 16)}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}

function EchoesTable({ echoes }: { echoes: Echo[] }) {
  return (
    <table className="table table-stack pattern-table">
      <caption className="visually-hidden">{t.echoes.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.echoes.past}</th>
          <th scope="col">{t.echoes.present}</th>
          <th scope="col">{t.echoes.similarity}</th>
          <th scope="col">{t.echoes.sharedHeading}</th>
        </tr>
      </thead>
      <tbody>
        {echoes.map((echo) => (
          <tr key={echo.id}>
            <td data-label={t.echoes.past}>{echo.past.label}</td>
            <td data-label={t.echoes.present}>{echo.present.label}</td>
            <td data-label={t.echoes.similarity}>{t.echoes.similarityValue(echo.similarity)}</td>
            <td data-label={t.echoes.sharedHeading}>{echo.shared.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Echoes: a figure then whose feelings and interactions resemble a figure now; each pair's passages on both sides. */
export function EchoesSection({ view, links }: SectionProps) {
  const { echoes } = view.summary;
  return (
    <PatternSection
      id="echoes"
      heading={t.echoes.heading}
      empty={echoes.length === 0 ? t.echoes.none : null}
      chart={<EchoesChart echoes={echoes} />}
      table={<EchoesTable echoes={echoes} />}
    >
      <ul className="stack-small plain-list">
        {echoes.map((echo) => (
          <li key={echo.id} className="card stack-small">
            <h3>{t.echoes.title(echo.past.label, echo.present.label)}</h3>
            <p>{t.echoes.shared(echo.shared.join(', '))}</p>
            <h4>{t.echoes.past}</h4>
            <PassageLinks citations={echo.past.citations} links={links} />
            <h4>{t.echoes.present}</h4>
            <PassageLinks citations={echo.present.citations} links={links} />
            <How text={echo.how} />
          </li>
        ))}
      </ul>
    </PatternSection>
  );
}
