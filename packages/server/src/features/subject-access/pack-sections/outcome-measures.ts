import { packSection } from '../pack-section.js';

/**
 * Outcome measures (PHQ-9, GAD-7 …). The practice does not record them in Undercurrent yet, so the
 * section is always present with an empty list: the format stays the same on the day measures are
 * recorded, and this section fills in.
 */
export interface OutcomeMeasuresData {
  measures: { instrument: string; completedAt: string; score: number | null }[];
}

export const outcomeMeasuresSection = packSection<OutcomeMeasuresData>({
  key: 'outcome_measures',
  title: 'Your outcome measures',
  assemble() {
    return Promise.resolve({ measures: [] });
  },
  toPdf(data, print) {
    if (data.measures.length === 0) {
      return [{ kind: 'paragraph', text: 'No outcome measures are recorded for you in Undercurrent.' }];
    }
    return data.measures.map((m) => ({
      kind: 'paragraph' as const,
      text: `${print.dateTime(m.completedAt)} · ${m.instrument} · score ${m.score ?? '—'}`,
    }));
  },
});
