import { useId, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { ApiError, fieldErrors } from '../../api/errors';
import type { Absence, MyFrame } from '../../api/frame-types';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatMoney, readerZone, todayIn } from '../../lib/frame-format';
import { useAbsencePreview, useAddAbsence, useMyFrame, useRemoveAbsence, type AffectedSession } from './portal-api';
import { absenceProblems, absenceRemovable, sessionWhen, totalCharge } from './portal-format';
import { portalStrings as s } from './portal-strings';
import { TextAreaField } from './TextAreaField';

const isChargeChanged = (error: unknown) => error instanceof ApiError && error.code === 'charge_changed';

function DateField({
  label,
  name,
  value,
  min,
  onChange,
  error,
}: {
  label: string;
  name: string;
  value: string;
  min: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field field-medium" data-invalid={error ? true : undefined}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="date"
        className="field-input"
        value={value}
        min={min}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Affected({ affected, zone }: { affected: AffectedSession[]; zone: string }) {
  if (affected.length === 0) return <p>{s.away.previewNone}</p>;
  const total = totalCharge(affected.map((a) => a.charge));
  const currency = affected[0]?.charge.currency ?? 'GBP';
  return (
    <>
      <p>{s.away.previewSome(affected.length)}</p>
      <ul className="item-list" aria-label={s.away.affectedLabel}>
        {affected.map(({ appointment, charge }) => {
          const when = sessionWhen(appointment, zone);
          return (
            <li className="item" key={appointment.id}>
              <div className="item-main">
                <p className="item-title">
                  <time dateTime={appointment.startsAt}>{when.day}</time>
                </p>
                <p className="item-meta">{s.sessions.timeLine(when)}</p>
                <p className="item-meta">{charge.explanation}</p>
              </div>
              <p className="item-title">
                {charge.amountPence > 0 ? formatMoney(charge.amountPence, charge.currency) : s.cancel.noCharge}
              </p>
            </li>
          );
        })}
      </ul>
      <p>
        <strong>{total > 0 ? s.away.total(formatMoney(total, currency)) : s.away.noTotal}</strong>
      </p>
    </>
  );
}

function AbsenceForm({ zone, onRecorded }: { zone: string; onRecorded: (message: string) => void }) {
  const today = todayIn(zone);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  // The server's explanation when the charges moved between the preview and the confirmation.
  const [changed, setChanged] = useState<string | null>(null);
  const preview = useAbsencePreview();
  const add = useAddAbsence();
  const previewHeading = useRef<HTMLHeadingElement>(null);

  const problems = absenceProblems({ startsOn, endsOn }, today);
  const server = fieldErrors(preview.error ?? add.error);
  const shown = {
    startsOn: checked && problems.startsOn ? s.away.problems[problems.startsOn] : server.startsOn,
    endsOn: checked && problems.endsOn ? s.away.problems[problems.endsOn] : server.endsOn,
  };
  // A preview belongs to the dates it was made for; changing them asks for a new one.
  const previewed = preview.data && preview.variables?.startsOn === startsOn && preview.variables.endsOn === endsOn;

  const change = (set: (v: string) => void) => (value: string) => {
    set(value);
    add.reset();
    setChanged(null);
    if (preview.data) preview.reset();
  };

  return (
    <section className="card" aria-labelledby="portal-away-form">
      <h2 id="portal-away-form">{s.away.formHeading}</h2>
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (problems.startsOn || problems.endsOn) return;
          if (!previewed) {
            preview.mutate(
              { startsOn, endsOn },
              { onSuccess: () => window.setTimeout(() => previewHeading.current?.focus(), 0) },
            );
            return;
          }
          const expectedTotalPence = totalCharge((preview.data?.affected ?? []).map((a) => a.charge));
          add.mutate(
            { startsOn, endsOn, expectedTotalPence, ...(note.trim() ? { note: note.trim() } : {}) },
            {
              onSuccess: (result) => {
                setStartsOn('');
                setEndsOn('');
                setNote('');
                setChecked(false);
                setChanged(null);
                preview.reset();
                onRecorded(s.away.recorded(result.affected.length));
              },
              onError: (error) => {
                if (!isChargeChanged(error)) return;
                setChanged(error.message);
                preview.mutate({ startsOn, endsOn });
              },
            },
          );
        }}
      >
        <div className="form-row">
          <DateField
            label={s.away.startsOn}
            name="startsOn"
            value={startsOn}
            min={today}
            onChange={change(setStartsOn)}
            error={shown.startsOn}
          />
          <DateField
            label={s.away.endsOn}
            name="endsOn"
            value={endsOn}
            min={startsOn || today}
            onChange={change(setEndsOn)}
            error={shown.endsOn}
          />
        </div>
        {previewed && preview.data ? (
          <div className="stack-small">
            <h3 ref={previewHeading} tabIndex={-1}>
              {s.away.previewHeading}
            </h3>
            {changed ? (
              <div className="notice notice-warning" role="alert">
                <p>{changed}</p>
              </div>
            ) : null}
            <Affected affected={preview.data.affected} zone={zone} />
            <TextAreaField
              label={s.away.note}
              name="note"
              value={note}
              onChange={setNote}
              description={s.away.noteHint}
              maxLength={1000}
            />
          </div>
        ) : null}
        <FormStatus
          pending={preview.isPending || add.isPending}
          pendingText={preview.isPending ? s.away.checking : undefined}
          error={preview.error ?? (isChargeChanged(add.error) ? null : add.error)}
        />
        <div className="button-row">
          <ActionButton
            type="submit"
            className={previewed ? 'button button-primary' : 'button button-secondary'}
            isPending={preview.isPending || add.isPending}
          >
            {previewed ? s.away.confirm : s.away.check}
          </ActionButton>
          {previewed ? (
            <Button className="button button-quiet" onPress={() => preview.reset()} isDisabled={add.isPending}>
              {s.away.changeDates}
            </Button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

function AbsenceItem({
  absence,
  today,
  onRemoved,
}: {
  absence: Absence;
  today: string;
  onRemoved: (m: string) => void;
}) {
  const remove = useRemoveAbsence(absence.id);
  const dates = s.breaks.dates(absence.startsOn, absence.endsOn);
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">{dates}</p>
        {absence.note ? <p className="item-meta">{absence.note}</p> : null}
        {!absenceRemovable(absence, today) ? <p className="item-meta">{s.away.started}</p> : null}
      </div>
      {absenceRemovable(absence, today) ? (
        <div className="item-actions">
          <ConfirmDialog
            trigger={
              <Button className="button button-secondary" aria-label={s.away.removeFor(dates)}>
                {s.away.remove}
              </Button>
            }
            title={s.away.removeTitle}
            body={
              <>
                <p>
                  <strong>{dates}</strong>
                </p>
                <p>{s.away.removeBody}</p>
              </>
            }
            confirmLabel={s.away.remove}
            tone="primary"
            pending={remove.isPending}
            error={remove.error}
            onConfirm={(close) =>
              remove.mutate(undefined, {
                onSuccess: (result) => {
                  close();
                  onRemoved(s.away.removed(result.restoredSessions));
                },
              })
            }
          />
        </div>
      ) : null}
    </li>
  );
}

function Absences({ frame, today, onRemoved }: { frame: MyFrame; today: string; onRemoved: (m: string) => void }) {
  const current = frame.absences.filter((a) => a.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <section className="stack-small" aria-labelledby="portal-away-list">
      <h2 id="portal-away-list">{s.away.listHeading}</h2>
      {current.length === 0 ? (
        <Empty>{s.away.none}</Empty>
      ) : (
        <ul className="item-list" aria-label={s.away.listLabel}>
          {current.map((absence) => (
            <AbsenceItem key={absence.id} absence={absence} today={today} onRemoved={onRemoved} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Planned absences: pick the dates, see which sessions they cancel and what each costs, confirm. */
export function TimeAwayPage() {
  const frame = useMyFrame();
  const [status, setStatus] = useState<string | null>(null);
  const zone = readerZone(frame.data?.timeZone);
  return (
    <Page title={s.away.title} lead={s.away.lead}>
      <FormStatus success={status} />
      <QueryStatus query={frame} />
      {frame.data ? (
        <div className="stack">
          <AbsenceForm
            zone={zone}
            onRecorded={(message) => {
              setStatus(message);
            }}
          />
          <Absences frame={frame.data} today={todayIn(zone)} onRemoved={setStatus} />
        </div>
      ) : null}
    </Page>
  );
}
