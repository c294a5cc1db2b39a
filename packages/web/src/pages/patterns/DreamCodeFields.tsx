import { useId } from 'react';
import { SelectField } from '../../components/SelectField';
import { dreamCorrectionsStrings as t } from './dream-corrections-strings';
import type { DreamCodeContent } from './dream-code-types';

const f = t.field;
const o = t.options;

const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

function Check(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="field dream-code-check">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** The fields of one code, for its category; every change hands back the whole new content. */
export function DreamCodeFields({
  code,
  onChange,
}: {
  code: DreamCodeContent;
  onChange: (code: DreamCodeContent) => void;
}) {
  const set = (patch: Record<string, unknown>) => onChange({ ...code, ...patch } as DreamCodeContent);
  const select = <K extends string>(
    name: string,
    label: string,
    value: K,
    labels: Record<K, string>,
    number = false,
  ) => (
    <SelectField
      key={name}
      label={label}
      name={name}
      value={value}
      options={optionsOf(labels)}
      onChange={(v) => set({ [name]: number ? Number(v) : v })}
    />
  );
  const level = (labels: Record<string, string>) =>
    select('level', f.level, String((code as { level: number }).level), labels, true);
  switch (code.category) {
    case 'character':
      return (
        <>
          {select('kind', f.kind, code.kind, o.kind)}
          {select('sex', f.sex, code.sex, o.sex)}
          {select('identity', f.identity, code.identity, o.identity)}
          <Check label={f.dead} checked={code.dead} onChange={(dead) => set({ dead })} />
          <Check label={f.imaginary} checked={code.imaginary} onChange={(imaginary) => set({ imaginary })} />
        </>
      );
    case 'aggression':
      return (
        <>
          {level(o.aggressionLevel)}
          {select('dreamerRole', f.dreamerRole, code.dreamerRole, o.aggressionRole)}
        </>
      );
    case 'friendliness':
      return (
        <>
          {level(o.friendlinessLevel)}
          {select('dreamerRole', f.dreamerRole, code.dreamerRole, o.friendlinessRole)}
        </>
      );
    case 'sexuality':
      return (
        <>
          {level(o.sexualityLevel)}
          {select('dreamerRole', f.dreamerRole, code.dreamerRole, o.sexualityRole)}
        </>
      );
    case 'emotion':
      return (
        <>
          {select('emotion', f.emotion, code.emotion, o.emotion)}
          <Check
            label={f.dreamerFeels}
            checked={code.dreamerFeels}
            onChange={(dreamerFeels) => set({ dreamerFeels })}
          />
        </>
      );
    case 'setting':
      return (
        <>
          {select('place', f.place, code.place, o.place)}
          {select('familiarity', f.familiarity, code.familiarity, o.familiarity)}
        </>
      );
    case 'misfortune':
      return (
        <>
          {level(o.misfortuneLevel)}
          <Check
            label={f.dreamerInvolved}
            checked={code.dreamerInvolved}
            onChange={(dreamerInvolved) => set({ dreamerInvolved })}
          />
        </>
      );
    case 'body-part':
      return select('region', f.region, code.region, o.region);
    default:
      return (
        <Check
          label={f.dreamerInvolved}
          checked={code.dreamerInvolved}
          onChange={(dreamerInvolved) => set({ dreamerInvolved })}
        />
      );
  }
}
