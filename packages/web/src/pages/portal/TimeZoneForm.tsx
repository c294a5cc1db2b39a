import { useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { SelectField } from '../../components/SelectField';
import { readerZone } from '../../lib/frame-format';
import { useSetTimeZone } from './portal-api';
import { timeZoneChoices, zoneOptionLabel } from './portal-format';
import { portalStrings as s } from './portal-strings';

function knownZones(): readonly string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The client's own time zone: every time in the sessions area is shown in it. */
export function TimeZoneForm({ chosen }: { chosen: string | null }) {
  const device = readerZone(null);
  const shownIn = readerZone(chosen);
  const [zone, setZone] = useState(shownIn);
  const save = useSetTimeZone();
  const options = useMemo(
    () => timeZoneChoices([chosen, device], knownZones()).map((z) => ({ value: z, label: zoneOptionLabel(z) })),
    [chosen, device],
  );

  return (
    <section className="stack-small" aria-labelledby="portal-zone">
      <h2 id="portal-zone">{s.zone.heading}</h2>
      <p>
        {s.zone.current(shownIn)} {chosen ? null : s.zone.guessed}
      </p>
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(zone);
        }}
      >
        <SelectField label={s.zone.label} name="timeZone" value={zone} onChange={setZone} options={options} />
        <FormStatus
          pending={save.isPending}
          error={save.error}
          success={save.isSuccess ? s.zone.saved(save.variables) : null}
        />
        <ActionButton type="submit" className="button button-secondary" isPending={save.isPending}>
          {s.zone.save}
        </ActionButton>
      </Form>
    </section>
  );
}
