import { ChartSvg } from './chart-parts';
import { dayNumber, linear, shortDate } from './chart-scales';
import { How, PassageLinks } from './PassageLinks';
import { PatternSection } from './PatternSection';
import { ownPatternsStrings as own, patternsStrings as t } from './patterns-strings';
import type { TransferenceMarker } from './patterns-types';
import type { SectionProps, Voice } from './section-props';

const W = 360;
const LANE_H = 34;
const LEFT = 8;
const RIGHT = 8;
const TOP = 18;

/** The markers on one timeline: the client's mentions of the therapy above, the therapist's countertransference notes below. */
function TransferenceChart({ markers, voice }: { markers: TransferenceMarker[]; voice: Voice }) {
  const client = markers.filter((m) => m.marker === 'client-reference');
  const therapist = markers.filter((m) => m.marker === 'countertransference');
  const lanes = [
    { key: 'client', label: voice === 'own' ? own.transference.clientLane : t.transference.clientLane, items: client },
    ...(voice === 'staff' ? [{ key: 'therapist', label: t.transference.therapistLane, items: therapist }] : []),
  ];
  const first = markers[0]?.date ?? '';
  const last = markers.at(-1)?.date ?? first;
  const x = linear(dayNumber(first), dayNumber(last), LEFT + 6, W - RIGHT - 6);
  const height = TOP + lanes.length * LANE_H * 1.4 + 14;
  const description =
    voice === 'own'
      ? own.transference.chartDesc(client.length, shortDate(first), shortDate(last))
      : t.transference.chartDesc(client.length, therapist.length, shortDate(first), shortDate(last));
  return (
    <ChartSvg width={W} height={height} title={t.transference.chartTitle} description={description}>
      {lanes.map((lane, i) => {
        const y = TOP + i * LANE_H * 1.4 + LANE_H / 2 + 8;
        return (
          <g key={lane.key}>
            <text className="pattern-label" x={LEFT} y={y - 14}>
              {lane.label} ({lane.items.length})
            </text>
            <line className="pattern-grid" x1={LEFT} x2={W - RIGHT} y1={y} y2={y} />
            {lane.items.map((m) => (
              <circle
                key={m.entryId}
                className={m.marker === 'countertransference' ? 'pattern-dot-past' : 'pattern-dot'}
                cx={x(dayNumber(m.date))}
                cy={y}
                r={5}
              />
            ))}
          </g>
        );
      })}
      <text className="pattern-axis" x={LEFT} y={height - 4}>
        {shortDate(first)}
      </text>
      <text className="pattern-axis" x={W - RIGHT} y={height - 4} textAnchor="end">
        {shortDate(last)}
      </text>
    </ChartSvg>
  );
}

function TransferenceTable(props: { markers: TransferenceMarker[]; links: Map<string, string>; voice: Voice }) {
  return (
    <table className="table table-stack pattern-table">
      <caption className="visually-hidden">{t.transference.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.transference.date}</th>
          <th scope="col">{t.transference.who}</th>
          <th scope="col">{t.transference.words}</th>
          <th scope="col">{t.passages}</th>
        </tr>
      </thead>
      <tbody>
        {props.markers.map((m) => (
          <tr key={m.entryId}>
            <td data-label={t.transference.date}>
              <time dateTime={m.date}>{shortDate(m.date)}</time>
            </td>
            <td data-label={t.transference.who}>
              {props.voice === 'own' ? own.transference.kind(m.kind) : t.transference.kind(m.kind, m.marker)}
            </td>
            <td data-label={t.transference.words}>{m.terms.join(', ') || '—'}</td>
            <td data-label={t.passages}>
              <PassageLinks citations={m.citations.slice(0, 3)} links={props.links} />
              <How text={m.how} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The therapy in the material (issue 7 part 4): where the client's writing and dreams mention the
 * therapist or the therapy and, for the therapist, their countertransference notes, on one timeline.
 */
export function TransferenceSection({ view, links, voice }: SectionProps) {
  const markers =
    voice === 'own'
      ? view.summary.transference.filter((m) => m.marker === 'client-reference')
      : view.summary.transference;
  return (
    <PatternSection
      id="transference"
      heading={t.transference.heading}
      lead={voice === 'own' ? own.transference.lead : t.transference.lead}
      empty={markers.length === 0 ? (voice === 'own' ? own.transference.none : t.transference.none) : null}
      chart={<TransferenceChart markers={markers} voice={voice} />}
      table={<TransferenceTable markers={markers} links={links} voice={voice} />}
    />
  );
}
