/**
 * Typed audit events. Identifiers only, never content: `details` holds ids, counts, reasons from a
 * fixed vocabulary — never clinical text, tokens or passwords.
 */
export const AUDIT_ACTIONS = [
  'practice.created',
  'auth.sign_in',
  'auth.sign_in_locked',
  'auth.mfa_verified',
  'auth.sign_out',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset_completed',
  'session.revoked',
  'session.expired',
  'mfa.totp_enrolled',
  'mfa.totp_removed',
  'mfa.passkey_added',
  'mfa.passkey_removed',
  'mfa.recovery_codes_generated',
  'mfa.recovery_code_used',
  'mfa.reset_by_admin',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'account.roles_changed',
  'account.disabled',
  'account.enabled',
  'people.listed',
  'outbox.listed',
  'outbox.opened',
  'outbox.retried',
  'audit.browsed',
  'audit.verified',
  'record.access_log_viewed',
  'keys.rotated',
  'access.denied',
  'invitation.viewed',
  'account.created',
  'outbox.delivered',
  'outbox.delivery_failed',
  'keys.data_reencrypted',
  'keys.master_rewrapped',
  'demo.seeded',
  'frame.settings_viewed',
  'frame.settings_changed',
  'frame.location_changed',
  'frame.episode_viewed',
  'frame.episode_created',
  'frame.episode_agreed',
  'frame.episode_paused',
  'frame.episode_resumed',
  'frame.episode_ending_set',
  'frame.episode_ended',
  'frame.appointment_created',
  'frame.appointment_moved',
  'frame.attendance_marked',
  'frame.appointment_cancelled',
  'frame.calendar_viewed',
  'frame.caseload_viewed',
  'frame.rooms_viewed',
  'frame.break_added',
  'frame.break_removed',
  'frame.bank_holidays_imported',
  'frame.absence_added',
  'frame.absence_removed',
  'frame.ledger_viewed',
  'frame.ledger_adjusted',
  'frame.charge_waived',
  'frame.move_requested',
  'frame.move_request_resolved',
  'frame.portal_viewed',
  'frame.feed_created',
  'frame.feed_revoked',
  'frame.feed_read',
  'frame.ics_downloaded',
  'frame.reminder_queued',
  'frame.series_extended',
  'frame.time_zone_changed',
  'frame.cancel_previewed',
  'frame.move_requests_viewed',
  'journal.listed',
  'journal.searched',
  'journal.entry_viewed',
  'journal.entry_created',
  'journal.entry_saved',
  'journal.entry_conflict_copied',
  'journal.entry_deleted',
  'journal.entry_shared',
  'journal.entry_withdrawn',
  'journal.tags_viewed',
  'journal.tags_changed',
  'journal.not_ready_viewed',
  'journal.not_ready_changed',
  'journal.exported',
  'journal.shared_listed',
  'journal.shared_read',
  'journal.shared_marked_unread',
  'record.notes_listed',
  'record.note_created',
  'record.note_viewed',
  'record.note_saved',
  'record.note_signed',
  'record.note_amended',
  'record.note_versions_viewed',
  'record.note_deleted',
  'record.note_settings_viewed',
  'record.note_settings_changed',
  'record.process_note_viewed',
  'record.process_note_saved',
  'record.process_note_deleted',
  'record.process_notes_listed',
  'record.formulation_viewed',
  'record.formulation_saved',
  'record.formulation_versions_viewed',
  'record.formulation_review_added',
  'record.defences_trend_viewed',
  'record.ccrt_categories_viewed',
  'record.ccrt_categories_changed',
  'letters.letterhead_viewed',
  'letters.letterhead_changed',
  'letters.templates_listed',
  'letters.template_created',
  'letters.template_changed',
  'letters.template_deleted',
  'letters.listed',
  'letters.letter_created',
  'letters.letter_viewed',
  'letters.letter_saved',
  'letters.letter_finalised',
  'letters.letter_deleted',
  'letters.pdf_downloaded',
  'subject_access.requests_listed',
  'subject_access.request_viewed',
  'subject_access.request_created',
  'subject_access.request_updated',
  'subject_access.request_extended',
  'subject_access.request_closed',
  'subject_access.reviews_listed',
  'subject_access.process_note_decided',
  'subject_access.pack_prepared',
  'subject_access.pack_downloaded',
  'subject_access.delivered',
  'measures.instrument_imported',
  'measures.instrument_retired',
  'measures.responses_listed',
  'measures.response_entered',
  'measures.fhir_exported',
  'safeguarding.alert_raised',
  'safeguarding.alert_emailed',
  'safeguarding.alerts_listed',
  'safeguarding.alert_acknowledged',
  'safeguarding.alert_escalated',
  'safeguarding.risk_record_viewed',
  'safeguarding.decision_recorded',
  'safeguarding.safety_plan_viewed',
  'safeguarding.safety_plan_saved',
  'safeguarding.settings_viewed',
  'safeguarding.settings_changed',
  'safeguarding.own_safety_plan_viewed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = 'success' | 'denied' | 'failure';
export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditInput {
  action: AuditAction;
  outcome?: AuditOutcome;
  subjectType?: string;
  subjectId?: string;
  /** The person whose record this touches (shown to them in "who opened my record"). */
  subjectUserId?: string;
  details?: AuditDetails;
}

export interface AuditRow {
  id: number;
  practice_id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  outcome: string;
  subject_type: string | null;
  subject_id: string | null;
  subject_user_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: AuditDetails;
  chain_seq: number | null;
  prev_hash: Buffer | null;
  hash: Buffer | null;
}
