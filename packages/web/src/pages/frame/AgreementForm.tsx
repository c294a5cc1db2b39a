import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useAgreeFrame, type AgreementInput } from '../../api/frame';
import type { Episode, Location, TherapistSettings, Weekday } from '../../api/frame-types';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { todayIn, zoneLabel } from '../../lib/frame-format';
import { ChoiceField, CheckField, ISO_DATE, InputField, RadioField, WALL_TIME, useChecks, type Errors } from './fields';
import { frameStrings as t } from './frame-strings';
import { WEEKDAYS, describeFrame, parsePounds, parseWhole, penceToPounds } from './frame-words';
import { PolicyFields, policyDraft, readPolicy, type PolicyDraft } from './PolicyFields';

interface SlotDraft {
  weekday: string;
  time: string;
}

interface Draft {
  kind: 'open' | 'brief';
  sessionCount: string;
  slots: SlotDraft[];
  locationId: string;
  fee: string;
  sessionMinutes: string;
  startDate: string;
  reviewEvery: string;
  plannedEndDate: string;
  ownPolicy: boolean;
  policy: PolicyDraft;
}

const DAY_OPTIONS = WEEKDAYS.map((day) => ({ value: String(day), label: t.weekdays[day] }));

function initialDraft(episode: Episode, settings: TherapistSettings, rooms: Location[]): Draft {
  const agreed = episode.status !== 'assessment';
  const fee = agreed ? episode.feePence : (settings.fees.session ?? null);
  return {
    kind: episode.kind ?? 'open',
    sessionCount: episode.sessionCount ? String(episode.sessionCount) : '',
    slots:
      agreed && episode.slots.length > 0
        ? episode.slots.map((slot) => ({ weekday: String(slot.weekday), time: slot.time }))
        : [{ weekday: '1', time: '09:00' }],
    locationId:
      (episode.locationId && rooms.some((room) => room.id === episode.locationId) ? episode.locationId : null) ??
      rooms[0]?.id ??
      '',
    fee: fee === null ? '' : penceToPounds(fee),
    sessionMinutes: String(episode.sessionMinutes ?? settings.sessionMinutes),
    startDate: todayIn(settings.timeZone),
    reviewEvery: episode.reviewEvery ? String(episode.reviewEvery) : '',
    plannedEndDate: agreed ? (episode.plannedEndDate ?? '') : '',
    ownPolicy: episode.policy !== null,
    policy: policyDraft(episode.policy ?? settings.policy),
  };
}

function check(draft: Draft): Errors {
  const errors: Errors = {};
  if (draft.kind === 'brief') {
    const count = parseWhole(draft.sessionCount, 1, 200, {
      empty: t.agreement.sessionCountEmpty,
      range: t.agreement.sessionCountRange,
    });
    if (!count.ok) errors.sessionCount = count.message;
  }
  const seen = new Set<string>();
  draft.slots.forEach((slot, i) => {
    if (!WALL_TIME.test(slot.time)) errors[`slot.${i}`] = t.fields.timeInvalid;
    const key = `${slot.weekday} ${slot.time}`;
    if (seen.has(key)) errors[`slot.${i}`] = t.agreement.slotDuplicate;
    seen.add(key);
  });
  if (!draft.locationId) errors.locationId = t.agreement.locationEmpty;
  const fee = parsePounds(draft.fee);
  if (!fee.ok) errors.fee = fee.message;
  const minutes = parseWhole(draft.sessionMinutes, 10, 240, {
    empty: t.fields.minutesRange,
    range: t.fields.minutesRange,
  });
  if (!minutes.ok) errors.sessionMinutes = minutes.message;
  if (!ISO_DATE.test(draft.startDate)) errors.startDate = t.agreement.startDateEmpty;
  if (draft.reviewEvery.trim()) {
    const review = parseWhole(draft.reviewEvery, 1, 100, {
      empty: t.agreement.reviewEveryRange,
      range: t.agreement.reviewEveryRange,
    });
    if (!review.ok) errors.reviewEvery = review.message;
  }
  if (draft.plannedEndDate) {
    if (!ISO_DATE.test(draft.plannedEndDate)) errors.plannedEndDate = t.fields.dateInvalid;
    else if (ISO_DATE.test(draft.startDate) && draft.plannedEndDate <= draft.startDate) {
      errors.plannedEndDate = t.agreement.plannedEndBefore;
    }
  }
  if (draft.ownPolicy) Object.assign(errors, readPolicy(draft.policy).errors);
  return errors;
}

/** The server's names for the agreement's fields, as this form calls them. */
function agreementField(field: string): string {
  const slot = /^slots\.(\d+)/.exec(field);
  if (slot) return `slot.${slot[1]}`;
  return field === 'feePence' ? 'fee' : field;
}

function toInput(draft: Draft): AgreementInput {
  const fee = parsePounds(draft.fee);
  const input: AgreementInput = {
    kind: draft.kind,
    slots: draft.slots.map((slot) => ({ weekday: Number(slot.weekday) as Weekday, time: slot.time })),
    locationId: draft.locationId,
    feePence: fee.ok ? fee.pence : 0,
    sessionMinutes: Number(draft.sessionMinutes.trim()),
    startDate: draft.startDate,
  };
  if (draft.kind === 'brief') input.sessionCount = Number(draft.sessionCount.trim());
  if (draft.reviewEvery.trim()) input.reviewEvery = Number(draft.reviewEvery.trim());
  if (draft.plannedEndDate) input.plannedEndDate = draft.plannedEndDate;
  if (draft.ownPolicy) {
    const { policy } = readPolicy(draft.policy);
    if (policy) input.policy = policy;
  }
  return input;
}

/** Agreeing the frame (or changing it): kind, fixed weekly slots, place, fee, start, reviews, policy. */
export function AgreementForm({
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
  onCancel?: () => void;
}) {
  const usable = locations.filter((l) => !l.archived);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(episode, settings, usable));
  const agree = useAgreeFrame(episode.id);
  const { errors, form, submit } = useChecks(draft, check, { error: agree.error, rename: agreementField });
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const setSlot = (index: number, patch: Partial<SlotDraft>) =>
    setDraft((d) => ({ ...d, slots: d.slots.map((slot, i) => (i === index ? { ...slot, ...patch } : slot)) }));
  const addSlot = () =>
    setDraft((d) => {
      const last = d.slots[d.slots.length - 1] ?? { weekday: '1', time: '09:00' };
      const next = (Number(last.weekday) % 7) + 1;
      return { ...d, slots: [...d.slots, { weekday: String(next), time: last.time }] };
    });
  const removeSlot = (index: number) => setDraft((d) => ({ ...d, slots: d.slots.filter((_, i) => i !== index) }));

  const changing = episode.status !== 'assessment';
  const zone = zoneLabel(settings.timeZone);
  const fee = parsePounds(draft.fee);
  const count = Number(draft.sessionCount.trim());
  const preview = describeFrame(
    {
      kind: draft.kind,
      sessionCount: draft.kind === 'brief' && Number.isInteger(count) && count > 0 ? count : null,
      slots: draft.slots
        .filter((slot) => WALL_TIME.test(slot.time))
        .map((slot) => ({ weekday: Number(slot.weekday) as Weekday, time: slot.time })),
      locationName: usable.find((l) => l.id === draft.locationId)?.name ?? null,
      feePence: fee.ok ? fee.pence : null,
      startDate: ISO_DATE.test(draft.startDate) ? draft.startDate : null,
      plannedEndDate: ISO_DATE.test(draft.plannedEndDate) ? draft.plannedEndDate : null,
    },
    settings.currency,
  );

  return (
    <form
      ref={form}
      className="form"
      noValidate
      aria-labelledby="agreement-heading"
      onSubmit={(event) =>
        submit(event, () =>
          agree.mutate(toInput(draft), {
            onSuccess: () => onDone(t.agreement.agreed),
          }),
        )
      }
    >
      <h3 id="agreement-heading">{changing ? t.agreement.headingChange : t.agreement.heading}</h3>
      {changing ? <p className="notice notice-warning">{t.agreement.changeWarning}</p> : null}
      <RadioField
        label={t.agreement.kind}
        name="kind"
        value={draft.kind}
        onChange={set('kind')}
        options={[
          { value: 'open', label: t.agreement.open_, hint: t.agreement.openHint },
          { value: 'brief', label: t.agreement.brief, hint: t.agreement.briefHint },
        ]}
      />
      {draft.kind === 'brief' ? (
        <InputField
          label={t.agreement.sessionCount}
          name="sessionCount"
          className="field-short"
          inputMode="numeric"
          value={draft.sessionCount}
          onChange={set('sessionCount')}
          error={errors.sessionCount}
        />
      ) : null}

      <fieldset className="fieldset slots">
        <legend>{t.agreement.slotsLegend}</legend>
        <p className="field-hint">{t.agreement.slotsHint(zone)}</p>
        <ol className="slot-list">
          {draft.slots.map((slot, i) => (
            <li key={i} className={i === 0 ? 'slot-row slot-row-first' : 'slot-row'}>
              <ChoiceField
                label={t.agreement.slotDay}
                labelMore={t.agreement.ofSlot(i + 1)}
                hideLabel={i > 0}
                name={`slot-${i}-day`}
                value={slot.weekday}
                onChange={(weekday) => setSlot(i, { weekday })}
                options={DAY_OPTIONS}
              />
              <InputField
                label={t.agreement.slotTime}
                labelMore={t.agreement.ofSlot(i + 1)}
                hideLabel={i > 0}
                name={`slot-${i}-time`}
                type="time"
                value={slot.time}
                onChange={(time) => setSlot(i, { time })}
                error={errors[`slot.${i}`]}
              />
              {draft.slots.length > 1 ? (
                <Button
                  className="button button-quiet slot-remove"
                  aria-label={t.agreement.slotRemove(i + 1)}
                  onPress={() => removeSlot(i)}
                >
                  {t.common.remove}
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
        {draft.slots.length < 5 ? (
          <Button className="button button-secondary" onPress={addSlot}>
            {t.agreement.addSlot}
          </Button>
        ) : null}
      </fieldset>

      {usable.length === 0 ? <p className="notice notice-warning">{t.agreement.noLocations}</p> : null}
      <ChoiceField
        label={t.agreement.location}
        name="locationId"
        value={draft.locationId}
        onChange={set('locationId')}
        options={[
          ...(draft.locationId ? [] : [{ value: '', label: t.fields.noLocation }]),
          ...usable.map((l) => ({ value: l.id, label: l.name })),
        ]}
        error={errors.locationId}
      />
      <div className="form-row">
        <InputField
          label={t.agreement.fee}
          name="fee"
          inputMode="decimal"
          value={draft.fee}
          onChange={set('fee')}
          error={errors.fee}
        />
        <InputField
          label={t.agreement.sessionMinutes}
          name="sessionMinutes"
          inputMode="numeric"
          value={draft.sessionMinutes}
          onChange={set('sessionMinutes')}
          error={errors.sessionMinutes}
        />
      </div>
      <div className="form-row">
        <InputField
          label={t.agreement.startDate}
          name="startDate"
          type="date"
          value={draft.startDate}
          onChange={set('startDate')}
          error={errors.startDate}
        />
        <InputField
          label={t.agreement.plannedEnd}
          name="plannedEndDate"
          type="date"
          optional
          value={draft.plannedEndDate}
          onChange={set('plannedEndDate')}
          error={errors.plannedEndDate}
        />
      </div>
      <InputField
        label={t.agreement.reviewEvery}
        name="reviewEvery"
        className="field-short"
        inputMode="numeric"
        optional
        hint={t.agreement.reviewEveryHint}
        value={draft.reviewEvery}
        onChange={set('reviewEvery')}
        error={errors.reviewEvery}
      />
      <CheckField
        label={t.agreement.ownPolicy}
        hint={t.agreement.ownPolicyHint}
        name="ownPolicy"
        isSelected={draft.ownPolicy}
        onChange={set('ownPolicy')}
      />
      {draft.ownPolicy ? (
        <fieldset className="fieldset">
          <legend>{t.policy.legend}</legend>
          <PolicyFields draft={draft.policy} onChange={set('policy')} errors={errors} />
        </fieldset>
      ) : null}

      <p className="in-words in-words-frame">
        <span className="in-words-label">{t.agreement.inWords}: </span>
        {preview || t.agreement.inWordsEmpty}
      </p>
      <FormStatus pending={agree.isPending} pendingText={t.common.saving} error={agree.error} />
      <div className="button-row">
        <ActionButton type="submit" className="button button-primary" isPending={agree.isPending}>
          {changing ? t.agreement.submitChange : t.agreement.submit}
        </ActionButton>
        {onCancel ? (
          <Button className="button button-secondary" onPress={onCancel} isDisabled={agree.isPending}>
            {t.common.close}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
