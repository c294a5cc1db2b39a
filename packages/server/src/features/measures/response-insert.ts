import type { Answers, InstrumentScore } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import type { ResolvedInstrument } from './instrument-catalogue.js';
import { answersContext, scoreContext } from './response-record.js';
import { alertOnQuestionnaire, type SafeguardingAnswer } from '../safeguarding/alert-raise.js';

/** Where a questionnaire's answers came from: a paper form the therapist entered, or the client's portal. */
export type ResponseSource = 'paper' | 'portal';

export interface NewResponse {
  /** Made by the caller, so it can name the response in its audit event. */
  id: string;
  clientId: string;
  instrument: ResolvedInstrument;
  /** YYYY-MM-DD, the day the client completed it. */
  completedOn: string;
  appointmentId: string | null;
  /** Who entered it: the therapist for paper, the client for the portal. */
  enteredBy: string;
  source: ResponseSource;
  /** One value per question of the instrument (null: left blank). */
  answers: Answers;
  /** The result of `score(definition, answers)` for these answers. */
  score: InstrumentScore;
}

/**
 * Stores a questionnaire's answers and the product's score of them, both encrypted. Every response —
 * entered from paper or answered in the portal — is stored through here and nowhere else, so what must
 * follow any response (the safeguarding trigger on a PHQ-9 item-9 answer) happens once, in one place.
 * The answer says whether the client's page should show help at once (a flag was raised).
 */
export async function insertResponse(tx: Scoped, response: NewResponse): Promise<SafeguardingAnswer> {
  const { id, instrument } = response;
  await tx.query(
    `INSERT INTO measure_responses (id, practice_id, client_id, instrument_id, definition_id, source, completed_on,
                                    appointment_id, entered_by, answers_enc, score_enc)
     VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      response.clientId,
      instrument.definition.id,
      instrument.row?.id ?? null,
      response.source,
      response.completedOn,
      response.appointmentId,
      response.enteredBy,
      await tx.encrypt('clinical', answersContext(id), JSON.stringify(response.answers)),
      await tx.encrypt('clinical', scoreContext(id), JSON.stringify(response.score)),
    ],
  );
  return alertOnQuestionnaire(tx, { id, clientId: response.clientId, score: response.score });
}
