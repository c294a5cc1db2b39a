import {
  builtinInstrument,
  optionsFor,
  type Answers,
  type InstrumentDefinition,
  type InstrumentScore,
  type RaisedFlag,
} from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import { iso } from '../journal/entry-record.js';
import { definitionById, type DefinitionRow } from './instrument-catalogue.js';
import type { MeasureResult } from './measures-schemas.js';

/** A stored questionnaire result, as read (answers and score still encrypted). */
export interface ResponseRow {
  id: string;
  client_id: string;
  instrument_id: string;
  definition_id: string | null;
  source: 'paper' | 'portal';
  completed_on: string;
  appointment_id: string | null;
  entered_by: string;
  entered_by_name: string;
  entered_at: Date;
  answers_enc: string;
  score_enc: string;
}

export const RESPONSE_COLUMNS = `r.id, r.client_id, r.instrument_id, r.definition_id, r.source, to_char(r.completed_on, 'YYYY-MM-DD') AS completed_on,
  r.appointment_id, r.entered_by, u.display_name AS entered_by_name, r.entered_at, r.answers_enc, r.score_enc`;

export const answersContext = (id: string) => `measure_responses.answers_enc:${id}`;
export const scoreContext = (id: string) => `measure_responses.score_enc:${id}`;

/** A result decrypted, with the definition it was answered against. */
export interface OpenedResponse {
  row: ResponseRow;
  definition: InstrumentDefinition;
  version: number | null;
  answers: Answers;
  score: InstrumentScore;
}

/** Opens results in turn, reading each practice definition version once. */
export async function openResponses(tx: Scoped, rows: readonly ResponseRow[]): Promise<OpenedResponse[]> {
  const definitions = new Map<string, DefinitionRow>();
  const opened: OpenedResponse[] = [];
  for (const row of rows) {
    let definition = builtinInstrument(row.instrument_id);
    let version: number | null = null;
    if (row.definition_id) {
      let found = definitions.get(row.definition_id);
      if (!found) {
        found = await definitionById(tx, row.definition_id);
        if (found) definitions.set(row.definition_id, found);
      }
      definition = found?.definition;
      version = found?.version ?? null;
    }
    if (!definition) throw new Error(`the definition of result ${row.id} is missing`);
    const answers = JSON.parse(await tx.decrypt(answersContext(row.id), row.answers_enc)) as Answers;
    const score = JSON.parse(await tx.decrypt(scoreContext(row.id), row.score_enc)) as InstrumentScore;
    opened.push({ row, definition, version, answers, score });
  }
  return opened;
}

/** The answer that raised a flag, in words: the option's label, "Declined to answer" or "Left blank". */
function flagAnswer(def: InstrumentDefinition, answers: Answers, flag: RaisedFlag): string {
  if (flag.reason === 'declined') return 'Declined to answer';
  if (flag.reason === 'unanswered') return 'Left blank';
  const item = def.items.find((i) => i.linkId === flag.linkId);
  const value = answers[flag.linkId];
  const option = item ? optionsFor(def, item).find((o) => o.value === value) : undefined;
  return option?.label ?? String(value);
}

export function toResult(opened: OpenedResponse): MeasureResult {
  const { row, definition: def, answers, score } = opened;
  return {
    id: row.id,
    instrument: { instrumentId: def.id, name: def.name, version: opened.version, copyright: def.licence.copyright },
    source: row.source,
    completedOn: row.completed_on,
    appointmentId: row.appointment_id,
    enteredBy: { id: row.entered_by, displayName: row.entered_by_name },
    enteredAt: iso(row.entered_at),
    total: score.total,
    range: score.range,
    noScoreReason: score.noScoreReason,
    prorated: score.prorated,
    missing: score.missing,
    band: score.band?.label ?? null,
    caseness: score.caseness,
    cutoffLabel: def.cutoff?.label ?? null,
    flags: score.flags.map((f) => ({ ...f, answer: flagAnswer(def, answers, f) })),
    answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v ?? null])),
  };
}
