import type { InstrumentDefinition } from '@undercurrent/clinical';
import type { OpenedResponse } from '../measures/response-record.js';
import type { InstrumentSeriesT, SeriesPointT } from './results-schemas.js';

/**
 * A reliable-change marker for a point against the first point: a fall of at least the instrument's
 * reliable-change value is "improved", a rise of at least it "deteriorated" (totals where higher is
 * worse; the same inclusive rule as the NHS Talking Therapies functions of @undercurrent/clinical).
 */
export function reliableChangeMarker(change: number, points: number | null): SeriesPointT['reliableChange'] {
  if (points === null) return 'no-value';
  if (-change >= points) return 'improved';
  if (change >= points) return 'deteriorated';
  return 'none';
}

function seriesOf(instrumentId: string, results: readonly OpenedResponse[], shared: boolean): InstrumentSeriesT {
  // The chart is drawn with the newest definition the client answered (bands and cut-off of its version).
  const definition = (results[results.length - 1] as OpenedResponse).definition;
  const rcPoints = definition.reliableChange?.points ?? null;
  const scored = results.filter((r) => r.score.total !== null);
  const first = scored[0]?.score.total ?? 0;
  const points: SeriesPointT[] = scored.map((r, i) => {
    const total = r.score.total as number;
    const change = total - first;
    return {
      id: r.row.id,
      completedOn: r.row.completed_on,
      total,
      band: r.score.band?.label ?? null,
      changeFromFirst: change,
      reliableChange: i === 0 ? 'first' : reliableChangeMarker(change, rcPoints),
    };
  });
  return {
    instrumentId,
    name: definition.name,
    range: rangeOf(definition, results),
    bands: definition.bands.map((b) => ({ min: b.min, max: b.max, label: b.label })),
    cutoff: definition.cutoff ? { score: definition.cutoff.score, label: definition.cutoff.label } : null,
    reliableChangePoints: rcPoints,
    shared,
    points,
    unscored: results.length - scored.length,
  };
}

function rangeOf(definition: InstrumentDefinition, results: readonly OpenedResponse[]) {
  const last = results[results.length - 1]?.score.range;
  if (last) return { min: last.min, max: last.max };
  const max = Math.max(...definition.bands.map((b) => b.max));
  return { min: 0, max };
}

/**
 * One series per instrument from a client's opened results (any order): points oldest first, in
 * the order the instruments were first answered. `shared` says which instruments the client sees.
 */
export function buildSeries(opened: readonly OpenedResponse[], shared: ReadonlySet<string>): InstrumentSeriesT[] {
  const sorted = [...opened].sort(
    (a, b) =>
      a.row.completed_on.localeCompare(b.row.completed_on) || a.row.entered_at.getTime() - b.row.entered_at.getTime(),
  );
  const byInstrument = new Map<string, OpenedResponse[]>();
  for (const r of sorted) {
    const list = byInstrument.get(r.row.instrument_id) ?? [];
    list.push(r);
    byInstrument.set(r.row.instrument_id, list);
  }
  return [...byInstrument].map(([id, results]) => seriesOf(id, results, shared.has(id)));
}
