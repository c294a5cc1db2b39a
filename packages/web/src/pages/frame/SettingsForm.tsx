import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useSaveSettings, type SettingsInput } from '../../api/frame';
import type { AppointmentKind, Fees, TherapistSettings, Weekday } from '../../api/frame-types';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { CheckField, ChoiceField, InputField, WALL_TIME, useChecks, type Errors } from './fields';
import { frameStrings as t } from './frame-strings';
import { WEEKDAYS, parsePounds, parseWhole, penceToPounds } from './frame-words';
import { PolicyFields, policyDraft, readPolicy, type PolicyDraft } from './PolicyFields';

const FEE_KINDS: readonly AppointmentKind[] = ['consultation', 'assessment', 'session', 'review'];
const DAY_OPTIONS = WEEKDAYS.map((day) => ({ value: String(day), label: t.weekdays[day] }));

interface HoursDraft {
  weekday: string;
  start: string;
  end: string;
}

interface Draft {
  timeZone: string;
  sessionMinutes: string;
  minGapMinutes: string;
  workingHours: HoursDraft[];
  fees: Record<AppointmentKind, string>;
  policy: PolicyDraft;
  reminders: boolean;
  reminderLeadHours: string;
  feedShowsClientNames: boolean;
}

function toDraft(settings: TherapistSettings): Draft {
  const fee = (kind: AppointmentKind) => {
    const pence = settings.fees[kind];
    return pence === undefined ? '' : penceToPounds(pence);
  };
  return {
    timeZone: settings.timeZone,
    sessionMinutes: String(settings.sessionMinutes),
    minGapMinutes: String(settings.minGapMinutes),
    workingHours: settings.workingHours.map((h) => ({ weekday: String(h.weekday), start: h.start, end: h.end })),
    fees: {
      consultation: fee('consultation'),
      assessment: fee('assessment'),
      session: fee('session'),
      review: fee('review'),
    },
    policy: policyDraft(settings.policy),
    reminders: settings.reminderLeadHours !== null,
    reminderLeadHours: String(settings.reminderLeadHours ?? 24),
    feedShowsClientNames: settings.feedShowsClientNames,
  };
}

function check(draft: Draft): Errors {
  const errors: Errors = {};
  const minutes = parseWhole(draft.sessionMinutes, 10, 240, {
    empty: t.settings.sessionMinutesRange,
    range: t.settings.sessionMinutesRange,
  });
  if (!minutes.ok) errors.sessionMinutes = minutes.message;
  const gap = parseWhole(draft.minGapMinutes, 0, 120, { empty: t.settings.gapRange, range: t.settings.gapRange });
  if (!gap.ok) errors.minGapMinutes = gap.message;
  draft.workingHours.forEach((h, i) => {
    if (!WALL_TIME.test(h.start)) errors[`hours.${i}.start`] = t.fields.timeInvalid;
    if (!WALL_TIME.test(h.end)) errors[`hours.${i}.end`] = t.fields.timeInvalid;
    else if (WALL_TIME.test(h.start) && h.end <= h.start) errors[`hours.${i}.end`] = t.settings.hoursBackwards;
  });
  for (const kind of FEE_KINDS) {
    if (!draft.fees[kind].trim()) continue;
    const fee = parsePounds(draft.fees[kind]);
    if (!fee.ok) errors[`fee.${kind}`] = fee.message;
  }
  Object.assign(errors, readPolicy(draft.policy).errors);
  if (draft.reminders) {
    const hours = parseWhole(draft.reminderLeadHours, 1, 168, {
      empty: t.settings.reminderHoursRange,
      range: t.settings.reminderHoursRange,
    });
    if (!hours.ok) errors.reminderLeadHours = hours.message;
  }
  return errors;
}

function toInput(draft: Draft, fallback: TherapistSettings): SettingsInput {
  const fees: Fees = {};
  for (const kind of FEE_KINDS) {
    const fee = draft.fees[kind].trim() ? parsePounds(draft.fees[kind]) : null;
    if (fee?.ok) fees[kind] = fee.pence;
  }
  return {
    timeZone: draft.timeZone,
    sessionMinutes: Number(draft.sessionMinutes.trim()),
    minGapMinutes: Number(draft.minGapMinutes.trim()),
    workingHours: draft.workingHours.map((h) => ({
      weekday: Number(h.weekday) as Weekday,
      start: h.start,
      end: h.end,
    })),
    fees,
    policy: readPolicy(draft.policy).policy ?? fallback.policy,
    reminderLeadHours: draft.reminders ? Number(draft.reminderLeadHours.trim()) : null,
    feedShowsClientNames: draft.feedShowsClientNames,
  };
}

/** The server's names for the settings' fields, as this form calls them. */
function settingsField(field: string): string {
  const hours = /^workingHours\.(\d+)(?:\.(start|end|weekday))?/.exec(field);
  if (hours) return `hours.${hours[1]}.${hours[2] === 'end' ? 'end' : 'start'}`;
  const fee = /^fees\.(\w+)/.exec(field);
  if (fee) return `fee.${fee[1]}`;
  return field;
}

function zones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** The therapist's own frame: zone, session length and gap, working hours, fees, policy, reminders, feed. */
export function SettingsForm({ settings }: { settings: TherapistSettings }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const save = useSaveSettings();
  const { errors, form, submit } = useChecks(draft, check, { error: save.error, rename: settingsField });
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      save.reset();
      setDraft((d) => ({ ...d, [key]: value }));
    };
  const setHours = (index: number, patch: Partial<HoursDraft>) =>
    set('workingHours')(draft.workingHours.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  const addHours = () => {
    const last = draft.workingHours[draft.workingHours.length - 1];
    const weekday = last ? String((Number(last.weekday) % 7) + 1) : '1';
    set('workingHours')([...draft.workingHours, { weekday, start: last?.start ?? '09:00', end: last?.end ?? '17:00' }]);
  };

  return (
    <form
      ref={form}
      className="form"
      noValidate
      aria-labelledby="settings-heading"
      onSubmit={(event) => submit(event, () => save.mutate(toInput(draft, settings)))}
    >
      <h2 id="settings-heading">{t.settings.formHeading}</h2>
      <ChoiceField
        label={t.settings.timeZone}
        name="timeZone"
        hint={t.settings.timeZoneHint}
        value={draft.timeZone}
        onChange={set('timeZone')}
        error={errors.timeZone}
        options={zones(draft.timeZone).map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
      />
      <div className="form-row">
        <InputField
          label={t.settings.sessionMinutes}
          name="sessionMinutes"
          inputMode="numeric"
          value={draft.sessionMinutes}
          onChange={set('sessionMinutes')}
          error={errors.sessionMinutes}
        />
        <InputField
          label={t.settings.gap}
          name="minGapMinutes"
          inputMode="numeric"
          value={draft.minGapMinutes}
          onChange={set('minGapMinutes')}
          error={errors.minGapMinutes}
        />
      </div>

      <fieldset className="fieldset">
        <legend>{t.settings.hoursLegend}</legend>
        <p className="field-hint">{t.settings.hoursHint}</p>
        {draft.workingHours.length === 0 ? <p className="muted">{t.settings.hoursEmpty}</p> : null}
        <ol className="slot-list">
          {draft.workingHours.map((h, i) => (
            <li key={i} className={i === 0 ? 'slot-row slot-row-first' : 'slot-row'}>
              <ChoiceField
                label={t.settings.hoursDay}
                labelMore={t.settings.ofHours(i + 1)}
                hideLabel={i > 0}
                name={`hours-${i}-day`}
                value={h.weekday}
                onChange={(weekday) => setHours(i, { weekday })}
                options={DAY_OPTIONS}
              />
              <InputField
                label={t.settings.hoursStart}
                labelMore={t.settings.ofHours(i + 1)}
                hideLabel={i > 0}
                name={`hours-${i}-start`}
                type="time"
                value={h.start}
                onChange={(start) => setHours(i, { start })}
                error={errors[`hours.${i}.start`]}
              />
              <InputField
                label={t.settings.hoursEnd}
                labelMore={t.settings.ofHours(i + 1)}
                hideLabel={i > 0}
                name={`hours-${i}-end`}
                type="time"
                value={h.end}
                onChange={(end) => setHours(i, { end })}
                error={errors[`hours.${i}.end`]}
              />
              <Button
                className="button button-quiet slot-remove"
                aria-label={t.settings.hoursRemove(i + 1)}
                onPress={() => set('workingHours')(draft.workingHours.filter((_, j) => j !== i))}
              >
                {t.common.remove}
              </Button>
            </li>
          ))}
        </ol>
        {draft.workingHours.length < 21 ? (
          <Button className="button button-secondary" onPress={addHours}>
            {t.settings.hoursAdd}
          </Button>
        ) : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.settings.feesLegend}</legend>
        <p className="field-hint">{t.settings.feesHint}</p>
        <div className="form-row">
          {FEE_KINDS.map((kind) => (
            <InputField
              key={kind}
              label={t.settings.fee(t.kinds[kind])}
              name={`fee-${kind}`}
              inputMode="decimal"
              optional
              value={draft.fees[kind]}
              onChange={(value) => set('fees')({ ...draft.fees, [kind]: value })}
              error={errors[`fee.${kind}`]}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.policy.legend}</legend>
        <PolicyFields draft={draft.policy} onChange={set('policy')} errors={errors} />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.settings.remindersLegend}</legend>
        <p className="field-hint">{t.settings.reminderNote}</p>
        <CheckField
          label={t.settings.reminders}
          name="reminders"
          isSelected={draft.reminders}
          onChange={set('reminders')}
        />
        {draft.reminders ? (
          <InputField
            label={t.settings.reminderHours}
            name="reminderLeadHours"
            className="field-short"
            inputMode="numeric"
            value={draft.reminderLeadHours}
            onChange={set('reminderLeadHours')}
            error={errors.reminderLeadHours}
          />
        ) : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.settings.feedLegend}</legend>
        <CheckField
          label={t.settings.feedNames}
          hint={t.settings.feedNamesHint}
          name="feedShowsClientNames"
          isSelected={draft.feedShowsClientNames}
          onChange={set('feedShowsClientNames')}
        />
      </fieldset>

      <FormStatus
        pending={save.isPending}
        pendingText={t.common.saving}
        error={save.error}
        success={save.isSuccess ? t.settings.saved : null}
      />
      <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
        {t.settings.submit}
      </ActionButton>
    </form>
  );
}
