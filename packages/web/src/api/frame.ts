import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from './client';
import type {
  Appointment,
  BreakRemoved,
  AppointmentKind,
  AppointmentStatus,
  Break,
  CalendarWeek,
  CancellationPolicy,
  CaseloadRow,
  Episode,
  Ledger,
  LedgerEntry,
  Location,
  TherapistSettings,
  WeeklySlot,
} from './frame-types';

/** The therapist's and the admin's side of the therapy frame (routes under /api/frame). */

export interface MoveRequest {
  id: string;
  appointment: Appointment;
  message: string | null;
  createdAt: string;
}

export interface RoomBooking {
  startsAt: string;
  endsAt: string;
  therapistName: string;
  status: AppointmentStatus;
}

export interface RoomUsage {
  location: Location;
  bookings: RoomBooking[];
}

export interface BankHolidays {
  available: { date: string; title: string }[];
  imported: Break[];
}

export interface AttendanceResult {
  appointment: Appointment;
  ledger: LedgerEntry[];
}

export interface AgreementInput {
  kind: 'brief' | 'open';
  sessionCount?: number;
  slots: WeeklySlot[];
  locationId: string;
  feePence: number;
  sessionMinutes?: number;
  startDate: string;
  reviewEvery?: number;
  plannedEndDate?: string;
  policy?: CancellationPolicy;
}

export interface BookingInput {
  kind: AppointmentKind;
  date: string;
  time: string;
  minutes?: number;
  /** Omitted: the episode's place; null: none. */
  locationId?: string | null;
}

export interface MoveInput {
  date: string;
  time: string;
  locationId?: string | null;
}

export type SettingsInput = Omit<TherapistSettings, 'currency'>;

/** Every frame query starts with 'frame', so one invalidation refreshes whatever a change touched. */
export const frameKeys = {
  all: ['frame'] as const,
  settings: ['frame', 'settings'] as const,
  locations: ['frame', 'locations'] as const,
  caseload: ['frame', 'caseload'] as const,
  episodes: (clientId: string) => ['frame', 'episodes', clientId] as const,
  appointments: (episodeId: string) => ['frame', 'appointments', episodeId] as const,
  ledger: (clientId: string) => ['frame', 'ledger', clientId] as const,
  moveRequests: ['frame', 'move-requests'] as const,
  calendar: (from: string, to: string) => ['frame', 'calendar', from, to] as const,
  roomUsage: (from: string, to: string) => ['frame', 'room-usage', from, to] as const,
  breaks: (from: string, to: string) => ['frame', 'breaks', from, to] as const,
  bankHolidays: ['frame', 'bank-holidays'] as const,
};

const F = '/api/frame';

// ---------- Queries ----------

export function useFrameSettings() {
  return useQuery({
    queryKey: frameKeys.settings,
    queryFn: () => api<TherapistSettings>(`${F}/settings`),
    staleTime: 60_000,
  });
}

export function useLocations() {
  return useQuery({ queryKey: frameKeys.locations, queryFn: () => api<Location[]>(`${F}/locations`) });
}

export function useCaseload() {
  return useQuery({ queryKey: frameKeys.caseload, queryFn: () => api<CaseloadRow[]>(`${F}/caseload`) });
}

export function useEpisodes(clientId: string) {
  return useQuery({
    queryKey: frameKeys.episodes(clientId),
    queryFn: () => api<Episode[]>(`${F}/clients/${seg(clientId)}/episodes`),
  });
}

export function useAppointments(episodeId: string | null) {
  return useQuery({
    queryKey: frameKeys.appointments(episodeId ?? ''),
    queryFn: () => api<Appointment[]>(`${F}/episodes/${seg(episodeId ?? '')}/appointments`),
    enabled: !!episodeId,
  });
}

export function useLedger(clientId: string) {
  return useQuery({
    queryKey: frameKeys.ledger(clientId),
    queryFn: () => api<Ledger>(`${F}/clients/${seg(clientId)}/ledger`),
  });
}

export function useMoveRequests() {
  return useQuery({ queryKey: frameKeys.moveRequests, queryFn: () => api<MoveRequest[]>(`${F}/move-requests`) });
}

export function useCalendar(from: string, to: string) {
  return useQuery({
    queryKey: frameKeys.calendar(from, to),
    queryFn: () => api<CalendarWeek>(`${F}/calendar?from=${seg(from)}&to=${seg(to)}`),
  });
}

export function useRoomUsage(from: string, to: string) {
  return useQuery({
    queryKey: frameKeys.roomUsage(from, to),
    queryFn: () => api<RoomUsage[]>(`${F}/rooms/usage?from=${seg(from)}&to=${seg(to)}`),
  });
}

export function useBreaks(from: string, to: string) {
  return useQuery({
    queryKey: frameKeys.breaks(from, to),
    queryFn: () => api<Break[]>(`${F}/breaks?from=${seg(from)}&to=${seg(to)}`),
  });
}

export function useBankHolidays(enabled: boolean) {
  return useQuery({
    queryKey: frameKeys.bankHolidays,
    queryFn: () => api<BankHolidays>(`${F}/bank-holidays`),
    enabled,
  });
}

// ---------- Changes ----------

/**
 * A change to the frame. A booking, a break or a mark can change the caseload, the calendar, the
 * sessions and the ledger at once, so every frame query is refreshed afterwards (only those on
 * screen are fetched again at once). The refresh is not awaited: the caller's own onSuccess (close
 * the dialog, say what happened) runs first, while the button that asked is still on the page.
 */
function useFrameChange<V, R>(request: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: frameKeys.all });
    },
  });
}

export const useSaveSettings = () =>
  useFrameChange((body: SettingsInput) => api<TherapistSettings>(`${F}/settings`, { method: 'PUT', body }));

export const useCreateLocation = () =>
  useFrameChange((body: { name: string; kind: Location['kind']; address?: string }) =>
    api<Location>(`${F}/locations`, { method: 'POST', body }),
  );

export const useUpdateLocation = () =>
  useFrameChange(({ id, ...body }: { id: string; name?: string; address?: string; archived?: boolean }) =>
    api<Location>(`${F}/locations/${seg(id)}`, { method: 'PATCH', body }),
  );

export const useStartEpisode = (clientId: string) =>
  useFrameChange(() => api<Episode>(`${F}/clients/${seg(clientId)}/episodes`, { method: 'POST', body: {} }));

export const useAgreeFrame = (episodeId: string) =>
  useFrameChange((body: AgreementInput) =>
    api<Episode>(`${F}/episodes/${seg(episodeId)}/agreement`, { method: 'POST', body }),
  );

export const usePauseEpisode = (episodeId: string) =>
  useFrameChange(({ action, from }: { action: 'pause' | 'resume'; from: string }) =>
    api<Episode>(`${F}/episodes/${seg(episodeId)}/${action}`, { method: 'POST', body: { from } }),
  );

export const useSetEnding = (episodeId: string) =>
  useFrameChange((body: { endingDate: string }) =>
    api<Episode>(`${F}/episodes/${seg(episodeId)}/ending`, { method: 'POST', body }),
  );

export const useEndEpisode = (episodeId: string) =>
  useFrameChange((body: { closingSummary: string; followUpDate?: string }) =>
    api<Episode>(`${F}/episodes/${seg(episodeId)}/end`, { method: 'POST', body }),
  );

export const useBookAppointment = (episodeId: string) =>
  useFrameChange((body: BookingInput) =>
    api<Appointment>(`${F}/episodes/${seg(episodeId)}/appointments`, { method: 'POST', body }),
  );

export const useMoveAppointment = (appointmentId: string) =>
  useFrameChange((body: MoveInput) =>
    api<Appointment>(`${F}/appointments/${seg(appointmentId)}/move`, { method: 'POST', body }),
  );

export const useMarkAttendance = (appointmentId: string) =>
  useFrameChange((body: { status: Exclude<AppointmentStatus, 'scheduled' | 'moved'>; toldAt?: string }) =>
    api<AttendanceResult>(`${F}/appointments/${seg(appointmentId)}/attendance`, { method: 'POST', body }),
  );

export const useDeclineMoveRequest = (requestId: string) =>
  useFrameChange((body: { message?: string }) =>
    api<unknown>(`${F}/move-requests/${seg(requestId)}/decline`, { method: 'POST', body }),
  );

export const useAddAdjustment = (clientId: string) =>
  useFrameChange((body: { amountPence: number; description: string }) =>
    api<LedgerEntry>(`${F}/clients/${seg(clientId)}/ledger`, { method: 'POST', body }),
  );

export const useWaiveCharge = (entryId: string) =>
  useFrameChange((body: { reason: string }) =>
    api<LedgerEntry>(`${F}/ledger/${seg(entryId)}/waive`, { method: 'POST', body }),
  );

export const useAddBreak = () =>
  useFrameChange((body: { title: string; startsOn: string; endsOn: string; scope: 'own' | 'practice' }) =>
    api<Break>(`${F}/breaks`, { method: 'POST', body }),
  );

export const useRemoveBreak = (breakId: string) =>
  useFrameChange(() => api<BreakRemoved>(`${F}/breaks/${seg(breakId)}`, { method: 'DELETE' }));

export const useImportBankHolidays = () =>
  useFrameChange((body: { dates: string[] }) =>
    api<{ added: number; cancelledSessions: number }>(`${F}/bank-holidays/import`, { method: 'POST', body }),
  );
