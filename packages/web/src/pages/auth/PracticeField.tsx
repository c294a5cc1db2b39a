import type { PublicPractice } from '../../api/types';
import { SelectField } from '../../components/SelectField';
import { strings } from '../../strings';

/** The practice chooser, shown only when this installation serves more than one practice. */
export function PracticeField({
  practices,
  value,
  onChange,
}: {
  practices: PublicPractice[];
  value: string;
  onChange: (id: string) => void;
}) {
  if (practices.length < 2) return null;
  return (
    <SelectField
      label={strings.signIn.choosePractice}
      name="practiceId"
      value={value}
      onChange={onChange}
      options={practices.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}

/** The chosen practice, or the only one there is. */
export function chosenPractice(practices: PublicPractice[], chosen: string): PublicPractice | undefined {
  return practices.find((p) => p.id === chosen) ?? practices[0];
}
