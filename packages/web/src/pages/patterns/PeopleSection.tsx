import { ChartSvg } from './chart-parts';
import { clip } from './chart-scales';
import { How, PassageLinks } from './PassageLinks';
import { PatternSection } from './PatternSection';
import { patternsStrings as t } from './patterns-strings';
import type { Counted, Person } from './patterns-types';
import type { SectionProps } from './section-props';

const MAX_PEOPLE = 9;
const COLS = 3;
const W = 360;
const CELL_H = 112;
const MAX_R = 30;

const top = (items: Counted[], n = 4) =>
  items
    .slice(0, n)
    .map((i) => `${i.label} (${i.sentences})`)
    .join(', ') || '—';

/** Each person a circle sized by the entries they appear in, the past share as a darker centre, their most frequent feeling and interaction beneath. */
function PeopleChart({ people }: { people: Person[] }) {
  const shown = people.slice(0, MAX_PEOPLE);
  const max = Math.max(1, ...shown.map((p) => p.entries));
  const cellW = W / COLS;
  const rows = Math.ceil(shown.length / COLS);
  return (
    <>
      <ChartSvg
        width={W}
        height={rows * CELL_H}
        title={t.people.chartTitle}
        description={t.people.chartDesc(shown.length)}
      >
        {shown.map((person, i) => {
          const cx = cellW * (i % COLS) + cellW / 2;
          const cy = Math.floor(i / COLS) * CELL_H + MAX_R + 4;
          const r = 6 + Math.sqrt(person.entries / max) * (MAX_R - 6);
          const past = person.sentences > 0 ? person.pastSentences / person.sentences : 0;
          const feeling = person.feelings[0]?.label;
          const interaction = person.interactions[0]?.label;
          return (
            <g key={person.figure}>
              <circle className="pattern-bubble" cx={cx} cy={cy} r={r} />
              {past > 0 ? <circle className="pattern-bubble-past" cx={cx} cy={cy} r={r * Math.sqrt(past)} /> : null}
              <text className="pattern-label" x={cx} y={cy + MAX_R + 16} textAnchor="middle">
                {clip(person.label, 16)} ({person.entries})
              </text>
              <text className="pattern-axis" x={cx} y={cy + MAX_R + 29} textAnchor="middle">
                {clip([feeling, interaction].filter(Boolean).join(' · '), 22)}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <figcaption className="pattern-legend">{t.people.legend}</figcaption>
    </>
  );
}

function PeopleTable({ people, links }: { people: Person[]; links: Map<string, string> }) {
  return (
    <table className="table table-stack pattern-table">
      <caption className="visually-hidden">{t.people.heading}</caption>
      <thead>
        <tr>
          <th scope="col">{t.people.person}</th>
          <th scope="col">{t.people.entries}</th>
          <th scope="col">{t.people.sentences}</th>
          <th scope="col">{t.people.past}</th>
          <th scope="col">{t.people.feelings}</th>
          <th scope="col">{t.people.interactions}</th>
          <th scope="col">{t.passages}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.figure}>
            <th scope="row">{person.label}</th>
            <td data-label={t.people.entries}>{person.entries}</td>
            <td data-label={t.people.sentences}>{person.sentences}</td>
            <td data-label={t.people.past}>{person.pastSentences}</td>
            <td data-label={t.people.feelings}>{top(person.feelings)}</td>
            <td data-label={t.people.interactions}>{top(person.interactions)}</td>
            <td data-label={t.passages}>
              <PassageLinks citations={person.citations.slice(0, 3)} links={links} />
              <How text={person.how} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The people map: who appears, how often, with which feelings and interactions — the chart and the same numbers as a table. */
export function PeopleSection({ view, links }: SectionProps) {
  const { people } = view.summary;
  return (
    <PatternSection
      id="people"
      heading={t.people.heading}
      empty={people.length === 0 ? t.people.none : null}
      chart={<PeopleChart people={people} />}
      table={<PeopleTable people={people} links={links} />}
    />
  );
}
