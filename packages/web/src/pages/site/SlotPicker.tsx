import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import { FormStatus } from '../../components/FormStatus';
import { Loading, QueryStatus } from '../../components/States';
import { intakeKeys, useFreeSlots, useRequestConsultation } from './intake-api';
import { intakeStrings } from './intake-strings';
import { dayKey, dayLabel, deviceZone, timeLabel } from './intake-times';

const s = intakeStrings.slots;

/**
 * Real free first-consultation times with one therapist: choose a day (a native select), then a time
 * (native radio buttons: arrow keys move between them), then ask for it. Times are shown in the
 * device's own time zone, which is named. A time taken by someone else meanwhile is refused by the
 * server; the list is fetched again and the person chooses another.
 */
export function SlotPicker({ token, therapistId, name }: { token: string; therapistId: string; name: string }) {
  const id = useId();
  const queryClient = useQueryClient();
  const slots = useFreeSlots(token, therapistId);
  const request = useRequestConsultation(token);
  const days = useMemo(() => {
    const grouped = new Map<string, string[]>();
    for (const slot of slots.data?.slots ?? []) {
      const key = dayKey(slot);
      grouped.set(key, [...(grouped.get(key) ?? []), slot]);
    }
    return [...grouped.entries()];
  }, [slots.data]);
  const [day, setDay] = useState<string | null>(null);
  const [start, setStart] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shownDay = days.find(([key]) => key === day) ?? days[0];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!start) return setProblem(s.choose);
    setProblem(null);
    request.mutate(
      { kind: 'consultation', therapistId, start },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'slot_taken') {
            setStart(null);
            void queryClient.invalidateQueries({ queryKey: intakeKeys.slots(token, therapistId) });
          }
        },
      },
    );
  };

  if (slots.isPending) return <Loading label={s.loading} />;
  if (slots.isError) return <QueryStatus query={slots} />;
  if (days.length === 0 || !shownDay) return <p>{s.none}</p>;
  return (
    <form className="slot-picker" onSubmit={submit} noValidate>
      <fieldset className="intake-choices">
        <legend>{s.legend(name)}</legend>
        <p className="field-hint">{s.zone(deviceZone())}</p>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-day`}>
            {s.day}
          </label>
          <select
            id={`${id}-day`}
            className="field-input field-select"
            value={shownDay[0]}
            onChange={(e) => {
              setDay(e.target.value);
              setStart(null);
            }}
          >
            {days.map(([key, times]) => (
              <option key={key} value={key}>
                {`${dayLabel(times[0] ?? '')} — ${s.count(times.length)}`}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="intake-choices" aria-describedby={problem ? `${id}-problem` : undefined}>
          <legend>{s.times}</legend>
          <div className="slot-times">
            {shownDay[1].map((slot) => (
              <label key={slot} className="reflection-option slot-time">
                <input
                  type="radio"
                  name={`${id}-time`}
                  value={slot}
                  checked={start === slot}
                  onChange={() => {
                    setStart(slot);
                    setProblem(null);
                  }}
                />
                <span>{timeLabel(slot)}</span>
              </label>
            ))}
          </div>
          {problem ? (
            <p className="field-error" id={`${id}-problem`}>
              {problem}
            </p>
          ) : null}
        </fieldset>
      </fieldset>
      <FormStatus pending={request.isPending} error={request.error} success={request.isSuccess ? s.requested : null} />
      <div className="site-actions">
        <button type="submit" className="button button-primary" disabled={request.isPending}>
          {s.request}
        </button>
      </div>
    </form>
  );
}
