import { ChartSvg } from './chart-parts';
import { clip, linear } from './chart-scales';
import { PassageLinks } from './PassageLinks';
import { PatternSection } from './PatternSection';
import { ownPatternsStrings as own, patternsStrings as t } from './patterns-strings';
import type { Citation, HEntry, PassageSource } from './patterns-types';
import type { SectionProps } from './section-props';

const W = 360;
const ROW_H = 18;
const LABEL_W = 150;
const TOP = 16;
/** Bars are drawn to ±1.5 (a large effect is 0.8); the table holds the exact h. */
const LIMIT = 1.5;

const formatH = (h: number | null) => (h === null ? '—' : h.toFixed(2));
const formatShare = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

/** Cohen's h per indicator as bars around the centre line (the norm): right, more than the norm. */
function HProfileChart({ entries, count, norm }: { entries: HEntry[]; count: number; norm: string }) {
  const x = linear(-LIMIT, LIMIT, LABEL_W, W - 6);
  const zero = x(0);
  const height = TOP + entries.length * ROW_H + 4;
  return (
    <ChartSvg width={W} height={height} title={t.dreams.chartTitle} description={t.dreams.chartDesc(count, norm)}>
      <text className="pattern-axis" x={zero - 4} y={10} textAnchor="end">
        {t.dreams.less}
      </text>
      <text className="pattern-axis" x={zero + 4} y={10}>
        {t.dreams.more}
      </text>
      {entries.map((entry, i) => {
        const y = TOP + i * ROW_H;
        const h = entry.h === null ? null : Math.max(-LIMIT, Math.min(LIMIT, entry.h));
        return (
          <g key={entry.indicator}>
            <text className="pattern-label" x={0} y={y + 12}>
              {clip(entry.label, 26)}
            </text>
            {h === null ? null : (
              <rect
                className={h >= 0 ? 'pattern-bar' : 'pattern-bar-less'}
                x={Math.min(zero, x(h))}
                y={y + 3}
                width={Math.abs(x(h) - zero)}
                height={ROW_H - 6}
              />
            )}
          </g>
        );
      })}
      <line className="pattern-zero" x1={zero} x2={zero} y1={TOP - 2} y2={height - 2} />
    </ChartSvg>
  );
}

function dreamCitations(sources: PassageSource[]): Citation[] {
  return sources
    .filter((s) => s.kind === 'dream')
    .map((s) => ({ entryId: s.entryId, date: s.date, start: 0, end: 0 }))
    .reverse();
}

/** The dream h-profile against the chosen norm group, with the count and the caution for a short series. */
export function DreamsSection({ view, links, voice }: SectionProps) {
  const { dreams } = view;
  const profile = dreams.profile;
  return (
    <PatternSection
      id="dreams"
      heading={t.dreams.heading}
      lead={
        profile
          ? voice === 'own'
            ? own.dreamsLead(dreams.count, profile.normLabel)
            : t.dreams.lead(dreams.count, profile.normLabel)
          : null
      }
      caution={dreams.caution}
      empty={profile === null ? t.dreams.none : null}
      chart={
        profile ? <HProfileChart entries={profile.proportions} count={dreams.count} norm={profile.normLabel} /> : null
      }
      table={
        profile ? (
          <table className="table table-stack pattern-table">
            <caption>{t.dreams.chart}</caption>
            <thead>
              <tr>
                <th scope="col">{t.dreams.indicator}</th>
                <th scope="col">{t.dreams.value}</th>
                <th scope="col">{t.dreams.norm}</th>
                <th scope="col">{t.dreams.h}</th>
              </tr>
            </thead>
            <tbody>
              {profile.proportions.map((entry) => (
                <tr key={entry.indicator}>
                  <th scope="row">{entry.label}</th>
                  <td data-label={t.dreams.value}>
                    {formatShare(entry.value.value)} ({t.dreams.count(entry.value.numerator, entry.value.denominator)})
                  </td>
                  <td data-label={t.dreams.norm}>{formatShare(entry.norm)}</td>
                  <td data-label={t.dreams.h}>{formatH(entry.h)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null
      }
    >
      <h3>{t.dreams.dreamsPassages}</h3>
      <PassageLinks citations={dreamCitations(view.sources)} links={links} />
    </PatternSection>
  );
}
