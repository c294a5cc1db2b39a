/** Shapes of the therapy-frame API (server: packages/server/src/features/frame/frame-schemas.ts). */

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export interface WeeklySlot {
  weekday: Weekday;
  time: string;
}
export interface WorkingHours {
  weekday: Weekday;
  start: string;
  end: string;
}
export type AppointmentKind = 'consultation' | 'assessment' | 'session' | 'review';
export type AppointmentStatus =
  'scheduled' | 'attended' | 'cancelled_client' | 'did_not_attend' | 'cancelled_therapist' | 'moved';
export type EpisodeStatus = 'assessment' | 'active' | 'paused' | 'ending' | 'ended';

export interface CancellationPolicy {
  mode: 'notice' | 'hour_is_yours';
  noticeHours: number;
  chargeLateCancellation: boolean;
  chargeDidNotAttend: boolean;
  lateFeePercent: number;
  freeMissedPerYear: number;
}

export interface Fees {
  consultation?: number;
  assessment?: number;
  session?: number;
  review?: number;
}

export interface TherapistSettings {
  timeZone: string;
  sessionMinutes: number;
  minGapMinutes: number;
  workingHours: WorkingHours[];
  fees: Fees;
  policy: CancellationPolicy;
  reminderLeadHours: number | null;
  feedShowsClientNames: boolean;
  currency: string;
}

export interface Location {
  id: string;
  name: string;
  kind: 'room' | 'online';
  address: string | null;
  archived: boolean;
}

export interface Episode {
  id: string;
  therapistId: string;
  therapistName: string;
  clientId: string;
  clientName: string;
  status: EpisodeStatus;
  kind: 'brief' | 'open' | null;
  sessionCount: number | null;
  slots: WeeklySlot[];
  timeZone: string;
  locationId: string | null;
  locationName: string | null;
  feePence: number | null;
  sessionMinutes: number | null;
  startDate: string | null;
  reviewEvery: number | null;
  plannedEndDate: string | null;
  endingDate: string | null;
  followUpDate: string | null;
  closingSummary?: string | null;
  policy: CancellationPolicy | null;
  effectivePolicy: CancellationPolicy;
  sessionsRemaining: number | null;
  sessionsHeld: number;
  nextReviewAt: number | null;
  reviewDue: boolean;
  createdAt: string;
}

export interface Appointment {
  id: string;
  episodeId: string;
  therapistId: string;
  therapistName: string;
  clientId: string;
  clientName: string;
  kind: AppointmentKind;
  startsAt: string;
  endsAt: string;
  localStart: string;
  timeZone: string;
  locationId: string | null;
  locationName: string | null;
  locationKind: 'room' | 'online' | null;
  locationAddress: string | null;
  feePence: number;
  status: AppointmentStatus;
  late: boolean | null;
  noticeMinutes: number | null;
  cancelReason: string | null;
  breakTitle: string | null;
  movedFromId: string | null;
  movedToId: string | null;
  moveRequested: boolean;
  number: number | null;
}

export interface Break {
  id: string;
  kind: 'therapist' | 'practice' | 'bank_holiday';
  therapistId: string | null;
  therapistName: string | null;
  title: string;
  startsOn: string;
  endsOn: string;
  createdAt: string;
  cancelledSessions?: number;
}

export interface Absence {
  id: string;
  clientId: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
  createdAt: string;
}

export type LedgerKind =
  'session_fee' | 'late_cancellation' | 'did_not_attend' | 'hour_is_yours' | 'free_missed' | 'reversal' | 'adjustment';

export interface LedgerEntry {
  id: string;
  clientId: string;
  appointmentId: string | null;
  appointmentStartsAt: string | null;
  kind: LedgerKind;
  amountPence: number;
  currency: string;
  description: string;
  /** For a reversal: the entry it cancels. */
  reversesId: string | null;
  /** A later reversal cancels this entry. */
  reversed: boolean;
  createdAt: string;
}

export interface Ledger {
  entries: LedgerEntry[];
  balancePence: number;
  currency: string;
}

export interface ChargePreview {
  late: boolean;
  amountPence: number;
  currency: string;
  usedFreeAllowance: boolean;
  explanation: string;
  /** The notice the client is giving, in hours (one decimal) — not the policy's window. */
  noticeHours: number;
}

export interface CaseloadRow {
  clientId: string;
  clientName: string;
  episode: Episode | null;
  nextAppointment: Appointment | null;
  pendingMoveRequests: number;
}

export interface CalendarWeek {
  appointments: Appointment[];
  breaks: Break[];
  absences: Absence[];
}

export interface MyMoveRequest {
  id: string;
  appointmentId: string;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn';
  message: string | null;
  response: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface MyFrame {
  timeZone: string | null;
  therapistTimeZone: string;
  episodes: Episode[];
  upcoming: Appointment[];
  recent: Appointment[];
  breaks: Break[];
  absences: Absence[];
  ledger: Ledger;
  moveRequests: MyMoveRequest[];
}

/** DELETE /api/frame/breaks/:id */
export interface BreakRemoved {
  ok: true;
  restoredSessions: number;
  notRestoredSessions: number;
}

/** DELETE /api/frame/me/absences/:id */
export interface AbsenceRemoved {
  ok: true;
  restoredSessions: number;
}
