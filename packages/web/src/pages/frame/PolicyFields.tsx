import type { CancellationPolicy } from '../../api/frame-types';
import { CheckField, InputField, RadioField, type Errors } from './fields';
import { frameStrings as t } from './frame-strings';
import { describePolicy, parseWhole } from './frame-words';

/** A cancellation policy as the form holds it: numbers as typed. */
export interface PolicyDraft {
  mode: CancellationPolicy['mode'];
  noticeHours: string;
  chargeLateCancellation: boolean;
  chargeDidNotAttend: boolean;
  lateFeePercent: string;
  freeMissedPerYear: string;
}

export function policyDraft(policy: CancellationPolicy): PolicyDraft {
  return {
    mode: policy.mode,
    noticeHours: String(policy.noticeHours),
    chargeLateCancellation: policy.chargeLateCancellation,
    chargeDidNotAttend: policy.chargeDidNotAttend,
    lateFeePercent: String(policy.lateFeePercent),
    freeMissedPerYear: String(policy.freeMissedPerYear),
  };
}

const NUMBERS = {
  noticeHours: { min: 0, max: 336, message: t.policy.noticeHoursRange },
  lateFeePercent: { min: 0, max: 100, message: t.policy.percentRange },
  freeMissedPerYear: { min: 0, max: 52, message: t.policy.freeRange },
} as const;

/** The policy, or the messages for its fields (keys prefixed, so they sit beside other fields' errors). */
export function readPolicy(
  draft: PolicyDraft,
  prefix = 'policy.',
): { policy: CancellationPolicy | null; errors: Errors } {
  const errors: Errors = {};
  const values: Record<string, number> = {};
  for (const [key, rule] of Object.entries(NUMBERS)) {
    const parsed = parseWhole(draft[key as keyof typeof NUMBERS], rule.min, rule.max, {
      empty: rule.message,
      range: rule.message,
    });
    if (parsed.ok) values[key] = parsed.value;
    else errors[`${prefix}${key}`] = parsed.message;
  }
  if (Object.keys(errors).length) return { policy: null, errors };
  return {
    policy: {
      mode: draft.mode,
      noticeHours: values.noticeHours ?? 0,
      chargeLateCancellation: draft.chargeLateCancellation,
      chargeDidNotAttend: draft.chargeDidNotAttend,
      lateFeePercent: values.lateFeePercent ?? 100,
      freeMissedPerYear: values.freeMissedPerYear ?? 0,
    },
    errors,
  };
}

export function PolicyFields({
  draft,
  onChange,
  errors,
  prefix = 'policy.',
}: {
  draft: PolicyDraft;
  onChange: (draft: PolicyDraft) => void;
  errors: Errors;
  prefix?: string;
}) {
  const set =
    <K extends keyof PolicyDraft>(key: K) =>
    (value: PolicyDraft[K]) =>
      onChange({ ...draft, [key]: value });
  const { policy } = readPolicy(draft, prefix);
  return (
    <div className="stack-small">
      <RadioField
        label={t.policy.mode}
        name={`${prefix}mode`}
        value={draft.mode}
        onChange={set('mode')}
        options={[
          { value: 'notice', label: t.policy.notice, hint: t.policy.noticeHint },
          { value: 'hour_is_yours', label: t.policy.hourIsYours, hint: t.policy.hourIsYoursHint },
        ]}
      />
      {draft.mode === 'notice' ? (
        <>
          <InputField
            label={t.policy.noticeHours}
            name={`${prefix}noticeHours`}
            className="field-short"
            inputMode="numeric"
            value={draft.noticeHours}
            onChange={set('noticeHours')}
            error={errors[`${prefix}noticeHours`]}
          />
          <CheckField
            label={t.policy.chargeLate}
            name={`${prefix}chargeLateCancellation`}
            isSelected={draft.chargeLateCancellation}
            onChange={set('chargeLateCancellation')}
          />
          <CheckField
            label={t.policy.chargeDna}
            name={`${prefix}chargeDidNotAttend`}
            isSelected={draft.chargeDidNotAttend}
            onChange={set('chargeDidNotAttend')}
          />
          <InputField
            label={t.policy.percent}
            name={`${prefix}lateFeePercent`}
            className="field-short"
            inputMode="numeric"
            value={draft.lateFeePercent}
            onChange={set('lateFeePercent')}
            error={errors[`${prefix}lateFeePercent`]}
          />
        </>
      ) : null}
      <InputField
        label={t.policy.free}
        name={`${prefix}freeMissedPerYear`}
        className="field-short"
        inputMode="numeric"
        hint={t.policy.freeHint}
        value={draft.freeMissedPerYear}
        onChange={set('freeMissedPerYear')}
        error={errors[`${prefix}freeMissedPerYear`]}
      />
      {policy ? (
        <p className="in-words">
          <span className="in-words-label">{t.policy.inWords}: </span>
          {describePolicy(policy)}
        </p>
      ) : null}
    </div>
  );
}
