import { optionsFor } from '@undercurrent/clinical';
import { openResponses, RESPONSE_COLUMNS, type ResponseRow } from '../../measures/response-record.js';
import type { PdfBlock } from '../../../pdf/pdf-document.js';
import { packSection } from '../pack-section.js';

/**
 * The questionnaires the client answered (PHQ-9, GAD-7, the practice's own…): when, the score the
 * product worked out and its band, and each answer as it was given — the question in its own words and
 * the answer's label ("Left blank", "Preferred not to answer" where there was none).
 */
export interface OutcomeMeasuresData {
  measures: {
    instrument: string;
    title: string;
    completedOn: string;
    score: number | null;
    noScoreReason: string | null;
    band: string | null;
    copyright: string;
    answers: { question: string; answer: string }[];
  }[];
}

export const outcomeMeasuresSection = packSection<OutcomeMeasuresData>({
  key: 'outcome_measures',
  title: 'Your outcome measures',
  async assemble(tx, scope) {
    const rows = await tx.query<ResponseRow>(
      `SELECT ${RESPONSE_COLUMNS} FROM measure_responses r JOIN users u ON u.id = r.entered_by
        WHERE r.client_id = $1 ORDER BY r.completed_on, r.entered_at, r.id`,
      [scope.clientId],
    );
    const opened = await openResponses(tx, rows.rows);
    return {
      measures: opened.map(({ row, definition, answers, score }) => ({
        instrument: definition.name,
        title: definition.title,
        completedOn: row.completed_on,
        score: score.total,
        noScoreReason: score.noScoreReason,
        band: score.band?.label ?? null,
        copyright: definition.licence.copyright,
        answers: definition.items.map((item) => {
          const value = answers[item.linkId];
          const answer =
            value === undefined || value === null
              ? 'Left blank'
              : value === 'declined'
                ? 'Preferred not to answer'
                : value === 'not-applicable'
                  ? (item.notApplicable?.label ?? 'Does not apply')
                  : (optionsFor(definition, item).find((o) => o.value === value)?.label ?? String(value));
          return { question: item.text, answer };
        }),
      })),
    };
  },
  toPdf(data, print) {
    if (data.measures.length === 0) {
      return [{ kind: 'paragraph', text: 'No outcome measures are recorded for you in Undercurrent.' }];
    }
    return data.measures.flatMap((m): PdfBlock[] => [
      { kind: 'heading', level: 2, text: `${m.instrument}, ${print.date(m.completedOn)}` },
      {
        kind: 'fields',
        rows: [
          ['Questionnaire', m.title],
          ['Score', m.score === null ? `no score (${m.noScoreReason ?? 'not enough answers'})` : String(m.score)],
          ['Band', m.band ?? '—'],
        ],
      },
      { kind: 'fields', rows: m.answers.map((a) => [a.question, a.answer] as const) },
      { kind: 'meta', text: m.copyright },
    ]);
  },
});
