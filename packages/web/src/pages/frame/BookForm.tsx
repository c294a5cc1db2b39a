import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useBookAppointment, type BookingInput } from '../../api/frame';
import type { AppointmentKind, Episode, Location, TherapistSettings } from '../../api/frame-types';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { formatDayLong, formatTime, todayIn, zoneLabel } from '../../lib/frame-format';
import { ChoiceField, ISO_DATE, InputField, WALL_TIME, useChecks, type Errors } from './fields';
import { frameStrings as t } from './frame-strings';
import { moneyInWords, parseWhole } from './frame-words';

interface Draft {
  kind: AppointmentKind;
  date: string;
  time: string;
  minutes: string;
  locationId: string;
}

function check(draft: Draft): Errors {
  const errors: Errors = {};
  if (!ISO_DATE.test(draft.date)) errors.date = t.fields.dateInvalid;
  if (!WALL_TIME.test(draft.time)) errors.time = t.fields.timeInvalid;
  const minutes = parseWhole(draft.minutes, 10, 240, { empty: t.fields.minutesRange, range: t.fields.minutesRange });
  if (!minutes.ok) errors.minutes = minutes.message;
  return errors;
}

/** One booking at a time: a consultation or assessment before the frame, an extra session or review after. */
export function BookForm({
  episode,
  settings,
  locations,
  onDone,
  onCancel,
}: {
  episode: Episode;
  settings: TherapistSettings;
  locations: Location[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const inAssessment = episode.status === 'assessment';
  const kinds: AppointmentKind[] = inAssessment ? ['consultation', 'assessment'] : ['session', 'review'];
  const usable = locations.filter((l) => !l.archived);
  const [draft, setDraft] = useState<Draft>(() => ({
    kind: kinds[0] ?? 'consultation',
    date: todayIn(settings.timeZone),
    time: '09:00',
    minutes: String(episode.sessionMinutes ?? settings.sessionMinutes),
    locationId: episode.locationId ?? usable[0]?.id ?? '',
  }));
  const book = useBookAppointment(episode.id);
  const { errors, form, submit } = useChecks(draft, check, { error: book.error });
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const fee = draft.kind === 'session' && episode.feePence !== null ? episode.feePence : settings.fees[draft.kind];

  return (
    <form
      ref={form}
      className="form"
      noValidate
      aria-labelledby="book-heading"
      onSubmit={(event) =>
        submit(event, () => {
          const body: BookingInput = {
            kind: draft.kind,
            date: draft.date,
            time: draft.time,
            minutes: Number(draft.minutes.trim()),
          };
          body.locationId = draft.locationId || null;
          book.mutate(body, {
            onSuccess: (appointment) =>
              onDone(
                t.book.booked(
                  `${formatDayLong(appointment.startsAt, appointment.timeZone)}, ${formatTime(appointment.startsAt, appointment.timeZone)}`,
                ),
              ),
          });
        })
      }
    >
      <h3 id="book-heading">{inAssessment ? t.book.headingAssessment : t.book.heading}</h3>
      <ChoiceField
        label={t.fields.kind}
        name="kind"
        value={draft.kind}
        onChange={set('kind')}
        options={kinds.map((kind) => ({ value: kind, label: t.kinds[kind] }))}
        hint={fee !== undefined ? t.book.feeHint(moneyInWords(fee, settings.currency)) : t.book.noFeeHint}
      />
      <div className="form-row">
        <InputField
          label={t.fields.date}
          name="date"
          type="date"
          value={draft.date}
          onChange={set('date')}
          error={errors.date}
        />
        <InputField
          label={t.fields.time}
          name="time"
          type="time"
          hint={t.book.timeHint(zoneLabel(episode.timeZone))}
          value={draft.time}
          onChange={set('time')}
          error={errors.time}
        />
        <InputField
          label={t.fields.minutes}
          name="minutes"
          inputMode="numeric"
          value={draft.minutes}
          onChange={set('minutes')}
          error={errors.minutes}
        />
      </div>
      <ChoiceField
        label={t.fields.location}
        name="locationId"
        value={draft.locationId}
        onChange={set('locationId')}
        error={errors.locationId}
        options={[{ value: '', label: t.fields.noLocation }, ...usable.map((l) => ({ value: l.id, label: l.name }))]}
      />
      <FormStatus pending={book.isPending} error={book.error} />
      <div className="button-row">
        <ActionButton type="submit" className="button button-primary" isPending={book.isPending}>
          {t.book.submit}
        </ActionButton>
        <Button className="button button-secondary" onPress={onCancel} isDisabled={book.isPending}>
          {t.common.close}
        </Button>
      </div>
    </form>
  );
}
