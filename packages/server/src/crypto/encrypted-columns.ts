/**
 * Every column that holds text encrypted with a practice data key (envelope.ts), and how to rebuild
 * the context its ciphertext is bound to. `rotate-data-keys` re-encrypts each one under the new key
 * version. A feature that adds an encrypted column adds one entry here (and the rotation test
 * covers it without further work).
 */
export interface EncryptedColumn {
  table: string;
  column: string;
  /** Columns that identify a row within its practice (the primary key without practice_id). */
  idColumns: readonly string[];
  /** The context string the value was encrypted with, from the row's id columns. */
  context(row: Record<string, unknown>): string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    table: 'mfa_totp',
    column: 'secret_enc',
    idColumns: ['user_id'],
    context: (row) => `mfa_totp:${String(row.user_id)}`,
  },
  {
    table: 'outbox',
    column: 'body_enc',
    idColumns: ['id'],
    context: (row) => `outbox:${String(row.id)}`,
  },
  {
    table: 'episodes',
    column: 'closing_summary_enc',
    idColumns: ['id'],
    context: (row) => `episodes.closing_summary_enc:${String(row.id)}`,
  },
  {
    table: 'client_absences',
    column: 'note_enc',
    idColumns: ['id'],
    context: (row) => `client_absences.note_enc:${String(row.id)}`,
  },
  {
    table: 'move_requests',
    column: 'message_enc',
    idColumns: ['id'],
    context: (row) => `move_requests.message_enc:${String(row.id)}`,
  },
  {
    table: 'move_requests',
    column: 'response_enc',
    idColumns: ['id'],
    context: (row) => `move_requests.response_enc:${String(row.id)}`,
  },
  {
    table: 'journal_entries',
    column: 'body_enc',
    idColumns: ['id'],
    context: (row) => `journal_entries.body_enc:${String(row.id)}`,
  },
  {
    table: 'journal_entries',
    column: 'excerpt_enc',
    idColumns: ['id'],
    context: (row) => `journal_entries.excerpt_enc:${String(row.id)}`,
  },
  {
    table: 'journal_entries',
    column: 'details_enc',
    idColumns: ['id'],
    context: (row) => `journal_entries.details_enc:${String(row.id)}`,
  },
  {
    table: 'journal_tags',
    column: 'name_enc',
    idColumns: ['id'],
    context: (row) => `journal_tags.name_enc:${String(row.id)}`,
  },
  {
    table: 'journal_not_ready',
    column: 'text_enc',
    idColumns: ['id'],
    context: (row) => `journal_not_ready.text_enc:${String(row.id)}`,
  },
  {
    table: 'progress_notes',
    column: 'narrative_enc',
    idColumns: ['id'],
    context: (row) => `progress_notes.narrative_enc:${String(row.id)}`,
  },
  {
    table: 'progress_notes',
    column: 'fields_enc',
    idColumns: ['id'],
    context: (row) => `progress_notes.fields_enc:${String(row.id)}`,
  },
  {
    table: 'progress_note_versions',
    column: 'snapshot_enc',
    idColumns: ['id'],
    context: (row) => `progress_note_versions.snapshot_enc:${String(row.id)}`,
  },
  {
    table: 'progress_note_amendments',
    column: 'reason_enc',
    idColumns: ['id'],
    context: (row) => `progress_note_amendments.reason_enc:${String(row.id)}`,
  },
  {
    table: 'progress_note_amendments',
    column: 'text_enc',
    idColumns: ['id'],
    context: (row) => `progress_note_amendments.text_enc:${String(row.id)}`,
  },
  {
    table: 'process_notes',
    column: 'body_enc',
    idColumns: ['id'],
    context: (row) => `process_notes.body_enc:${String(row.id)}`,
  },
  {
    table: 'formulations',
    column: 'content_enc',
    idColumns: ['id'],
    context: (row) => `formulations.content_enc:${String(row.id)}`,
  },
  {
    table: 'formulation_versions',
    column: 'snapshot_enc',
    idColumns: ['id'],
    context: (row) => `formulation_versions.snapshot_enc:${String(row.id)}`,
  },
  {
    table: 'formulation_reviews',
    column: 'text_enc',
    idColumns: ['id'],
    context: (row) => `formulation_reviews.text_enc:${String(row.id)}`,
  },
  {
    table: 'letters',
    column: 'recipient_name_enc',
    idColumns: ['id'],
    context: (row) => `letters.recipient_name_enc:${String(row.id)}`,
  },
  {
    table: 'letters',
    column: 'recipient_address_enc',
    idColumns: ['id'],
    context: (row) => `letters.recipient_address_enc:${String(row.id)}`,
  },
  {
    table: 'letters',
    column: 'subject_enc',
    idColumns: ['id'],
    context: (row) => `letters.subject_enc:${String(row.id)}`,
  },
  {
    table: 'letters',
    column: 'body_enc',
    idColumns: ['id'],
    context: (row) => `letters.body_enc:${String(row.id)}`,
  },
  {
    table: 'subject_access_requests',
    column: 'representative_enc',
    idColumns: ['id'],
    context: (row) => `subject_access_requests.representative_enc:${String(row.id)}`,
  },
  {
    table: 'subject_access_requests',
    column: 'notes_enc',
    idColumns: ['id'],
    context: (row) => `subject_access_requests.notes_enc:${String(row.id)}`,
  },
  {
    table: 'subject_access_requests',
    column: 'extension_reason_enc',
    idColumns: ['id'],
    context: (row) => `subject_access_requests.extension_reason_enc:${String(row.id)}`,
  },
  {
    table: 'subject_access_requests',
    column: 'closed_reason_enc',
    idColumns: ['id'],
    context: (row) => `subject_access_requests.closed_reason_enc:${String(row.id)}`,
  },
  {
    table: 'subject_access_packs',
    column: 'body_enc',
    idColumns: ['id'],
    context: (row) => `subject_access_packs.body_enc:${String(row.id)}`,
  },
  {
    table: 'subject_access_decisions',
    column: 'reason_enc',
    idColumns: ['request_id', 'process_note_id'],
    context: (row) => `subject_access_decisions.reason_enc:${String(row.request_id)}:${String(row.process_note_id)}`,
  },
  {
    table: 'measure_responses',
    column: 'answers_enc',
    idColumns: ['id'],
    context: (row) => `measure_responses.answers_enc:${String(row.id)}`,
  },
  {
    table: 'measure_responses',
    column: 'score_enc',
    idColumns: ['id'],
    context: (row) => `measure_responses.score_enc:${String(row.id)}`,
  },
  {
    table: 'questionnaire_answers',
    column: 'value_enc',
    idColumns: ['request_id', 'link_id'],
    context: (row) => `questionnaire_answers.value_enc:${String(row.request_id)}:${String(row.link_id)}`,
  },
  {
    table: 'intakes',
    column: 'name_enc',
    idColumns: ['id'],
    context: (row) => `intakes.name_enc:${String(row.id)}`,
  },
  {
    table: 'intakes',
    column: 'brings_enc',
    idColumns: ['id'],
    context: (row) => `intakes.brings_enc:${String(row.id)}`,
  },
  {
    table: 'intakes',
    column: 'previous_therapy_enc',
    idColumns: ['id'],
    context: (row) => `intakes.previous_therapy_enc:${String(row.id)}`,
  },
  {
    table: 'intakes',
    column: 'message_enc',
    idColumns: ['id'],
    context: (row) => `intakes.message_enc:${String(row.id)}`,
  },
  {
    table: 'safeguarding_decisions',
    column: 'record_enc',
    idColumns: ['id'],
    context: (row) => `safeguarding_decisions.record_enc:${String(row.id)}`,
  },
  {
    table: 'safety_plan_versions',
    column: 'plan_enc',
    idColumns: ['id'],
    context: (row) => `safety_plan_versions.plan_enc:${String(row.id)}`,
  },
  {
    table: 'dream_code_corrections',
    column: 'corrections_enc',
    idColumns: ['id'],
    context: (row) => `dream_code_corrections.corrections_enc:${String(row.id)}`,
  },
];
