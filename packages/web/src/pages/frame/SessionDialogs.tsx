import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useMarkAttendance, useMoveAppointment, type MoveInput } from '../../api/frame';
import type { Appointment, CancellationPolicy, Location } from '../../api/frame-types';
import { formatDayLong, formatDayShort, formatMoney, formatTime, zoneLabel } from '../../lib/frame-format';
import { ChoiceField, ISO_DATE, InputField, RadioField, WALL_TIME, useChecks, type Errors } from './fields';
import { FormDialog } from './FormDialog';
import { frameStrings as t } from './frame-strings';
import { appointmentStatusLabel, describePolicy, instantToWallTime, wallTimeToInstant } from './frame-words';

type Mark = 'attended' | 'cancelled_client' | 'did_not_attend' | 'cancelled_therapist';

/** "Thu 14 Jan, 09:00", in the session's own zone. */
export function whenShort(appointment: Appointment): string {
  return `${formatDayShort(appointment.startsAt, appointment.timeZone)}, ${formatTime(appointment.startsAt, appointment.timeZone)}`;
}

/** "Thursday 14 January 2027, 09:00". */
export function whenLong(appointment: Appointment): string {
  return `${formatDayLong(appointment.startsAt, appointment.timeZone)}, ${formatTime(appointment.startsAt, appointment.timeZone)}`;
}

interface MarkDraft {
  status: Mark;
  toldDate: string;
  toldTime: string;
}

function markDraft(appointment: Appointment): MarkDraft {
  const now = instantToWallTime(new Date(), appointment.timeZone);
  const current = appointment.status;
  return {
    status: current === 'scheduled' || current === 'moved' ? 'attended' : current,
    toldDate: now.date,
    toldTime: now.time,
  };
}

/**
 * Recording what happened to a past session. A client's cancellation asks when they told you, so
 * the policy can say whether it was late; the charge that results is said once it is saved.
 */
export function AttendanceDialog({
  appointment,
  policy,
  onDone,
}: {
  appointment: Appointment;
  policy: CancellationPolicy;
  onDone: (message: string) => void;
}) {
  const [draft, setDraft] = useState<MarkDraft>(() => markDraft(appointment));
  const mark = useMarkAttendance(appointment.id);
  const check = (d: MarkDraft): Errors => {
    const errors: Errors = {};
    if (d.status !== 'cancelled_client') return errors;
    if (!ISO_DATE.test(d.toldDate)) errors.toldDate = t.fields.dateInvalid;
    if (!WALL_TIME.test(d.toldTime)) errors.toldTime = t.fields.timeInvalid;
    if (!errors.toldDate && !errors.toldTime) {
      const told = wallTimeToInstant(d.toldDate, d.toldTime, appointment.timeZone);
      if (told.getTime() > Date.now() + 60_000) errors.toldTime = t.attendance.toldFuture;
    }
    return errors;
  };
  const { errors, form, submit, reset } = useChecks(draft, check, {
    error: mark.error,
    rename: (field) => (field === 'toldAt' ? 'toldTime' : field),
  });
  const marked = appointment.status !== 'scheduled';
  const when = whenShort(appointment);
  const label = marked ? t.attendance.changeLabel(when) : t.attendance.markLabel(when);

  return (
    <FormDialog
      trigger={
        <Button className="button button-secondary" aria-label={label}>
          {marked ? t.attendance.change : t.attendance.mark}
        </Button>
      }
      title={t.attendance.title(whenLong(appointment))}
      submitLabel={t.attendance.submit}
      pending={mark.isPending}
      error={mark.error}
      formRef={form}
      onOpenChange={(open) => {
        if (!open) return;
        setDraft(markDraft(appointment));
        reset();
        mark.reset();
      }}
      onSubmit={(event, close) =>
        submit(event, () =>
          mark.mutate(
            {
              status: draft.status,
              ...(draft.status === 'cancelled_client'
                ? { toldAt: wallTimeToInstant(draft.toldDate, draft.toldTime, appointment.timeZone).toISOString() }
                : {}),
            },
            {
              onSuccess: (result) => {
                close();
                const charges = result.ledger.filter((entry) => entry.kind !== 'reversal' && entry.amountPence > 0);
                const reversed = result.ledger.some((entry) => entry.kind === 'reversal');
                const charge = charges.length
                  ? t.attendance.charged(
                      charges
                        .map((entry) => `${formatMoney(entry.amountPence, entry.currency)} (${entry.description})`)
                        .join(', '),
                    )
                  : t.attendance.notCharged;
                const status = appointmentStatusLabel(result.appointment).toLowerCase();
                onDone(`${t.attendance.saved(when, status)} ${charge}${reversed ? ` ${t.attendance.reversed}` : ''}`);
              },
            },
          ),
        )
      }
    >
      <RadioField
        label={t.attendance.legend}
        name="status"
        value={draft.status}
        onChange={(status) => setDraft((d) => ({ ...d, status }))}
        options={(['attended', 'cancelled_client', 'did_not_attend', 'cancelled_therapist'] as const).map((value) => ({
          value,
          label: t.attendance[value],
        }))}
      />
      {draft.status === 'cancelled_client' ? (
        <fieldset className="fieldset">
          <legend className="legend-small">{t.attendance.toldLegend}</legend>
          <p className="field-hint">{t.attendance.toldHint(zoneLabel(appointment.timeZone))}</p>
          <div className="form-row">
            <InputField
              label={t.attendance.toldDate}
              name="toldDate"
              type="date"
              value={draft.toldDate}
              onChange={(toldDate) => setDraft((d) => ({ ...d, toldDate }))}
              error={errors.toldDate}
            />
            <InputField
              label={t.attendance.toldTime}
              name="toldTime"
              type="time"
              value={draft.toldTime}
              onChange={(toldTime) => setDraft((d) => ({ ...d, toldTime }))}
              error={errors.toldTime}
            />
          </div>
        </fieldset>
      ) : null}
      <p className="in-words">
        {draft.status === 'cancelled_therapist' ? (
          t.attendance.therapistNote
        ) : (
          <>
            <span className="in-words-label">{t.attendance.policyHint} </span>
            {describePolicy(policy)}
          </>
        )}
      </p>
    </FormDialog>
  );
}

interface MoveDraft {
  date: string;
  time: string;
  locationId: string;
}

function moveDraft(appointment: Appointment): MoveDraft {
  const [date = '', time = ''] = appointment.localStart.split('T');
  return { date, time, locationId: appointment.locationId ?? '' };
}

function checkMove(draft: MoveDraft): Errors {
  const errors: Errors = {};
  if (!ISO_DATE.test(draft.date)) errors.date = t.fields.dateInvalid;
  if (!WALL_TIME.test(draft.time)) errors.time = t.fields.timeInvalid;
  return errors;
}

/** Moving one session: only this one changes; a clash is said in the dialog and nothing moves. */
export function MoveDialog({
  appointment,
  locations,
  onDone,
  triggerLabel = t.move.button,
  triggerClass = 'button button-secondary',
}: {
  appointment: Appointment;
  locations: Location[];
  onDone: (message: string) => void;
  triggerLabel?: string;
  triggerClass?: string;
}) {
  const [draft, setDraft] = useState<MoveDraft>(() => moveDraft(appointment));
  const move = useMoveAppointment(appointment.id);
  const { errors, form, submit, reset } = useChecks(draft, checkMove, { error: move.error });
  const usable = locations.filter((l) => !l.archived || l.id === appointment.locationId);
  const when = whenShort(appointment);
  return (
    <FormDialog
      trigger={
        <Button className={triggerClass} aria-label={`${triggerLabel}: ${when}`}>
          {triggerLabel}
        </Button>
      }
      title={t.move.title(whenLong(appointment))}
      submitLabel={t.move.submit}
      pending={move.isPending}
      error={move.error}
      formRef={form}
      onOpenChange={(open) => {
        if (!open) return;
        setDraft(moveDraft(appointment));
        reset();
        move.reset();
      }}
      onSubmit={(event, close) =>
        submit(event, () => {
          const body: MoveInput = { date: draft.date, time: draft.time };
          body.locationId = draft.locationId || null;
          move.mutate(body, {
            onSuccess: (moved) => {
              close();
              onDone(t.move.moved(when, whenShort(moved)));
            },
          });
        })
      }
    >
      <p>{t.move.lead}</p>
      <div className="form-row">
        <InputField
          label={t.move.newDate}
          name="date"
          type="date"
          value={draft.date}
          onChange={(date) => setDraft((d) => ({ ...d, date }))}
          error={errors.date}
        />
        <InputField
          label={t.move.newTime}
          name="time"
          type="time"
          hint={t.book.timeHint(zoneLabel(appointment.timeZone))}
          value={draft.time}
          onChange={(time) => setDraft((d) => ({ ...d, time }))}
          error={errors.time}
        />
      </div>
      <ChoiceField
        label={t.fields.location}
        name="locationId"
        value={draft.locationId}
        onChange={(locationId) => setDraft((d) => ({ ...d, locationId }))}
        error={errors.locationId}
        options={[
          ...(appointment.locationId ? [] : [{ value: '', label: t.fields.noLocation }]),
          ...usable.map((l) => ({ value: l.id, label: l.name })),
        ]}
      />
    </FormDialog>
  );
}
