import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useCreateLocation, useLocations, useUpdateLocation } from '../../api/frame';
import type { Location } from '../../api/frame-types';
import { ActionButton } from '../../components/ActionButton';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Empty, QueryStatus } from '../../components/States';
import { ChoiceField, InputField, useChecks, type Errors } from './fields';
import { frameStrings as t } from './frame-strings';
import { useFocusRescue } from '../../components/use-focus-rescue';

function LocationItem({ location, onChange }: { location: Location; onChange: (message: string) => void }) {
  const update = useUpdateLocation();
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          {location.name} <Badge tone="info">{location.kind === 'room' ? t.locations.room : t.locations.online}</Badge>{' '}
          {location.archived ? <Badge>{t.locations.archived}</Badge> : null}
        </p>
        {location.address ? <p className="item-meta">{location.address}</p> : null}
        {update.error && location.archived ? <FormStatus error={update.error} /> : null}
      </div>
      <div className="item-actions">
        {location.archived ? (
          <ActionButton
            className="button button-secondary"
            aria-label={t.locations.restoreLabel(location.name)}
            isPending={update.isPending}
            onPress={() =>
              update.mutate(
                { id: location.id, archived: false },
                { onSuccess: () => onChange(t.locations.restored(location.name)) },
              )
            }
          >
            {t.locations.restore}
          </ActionButton>
        ) : (
          <ConfirmDialog
            trigger={
              <Button className="button button-quiet" aria-label={t.locations.archiveLabel(location.name)}>
                {t.locations.archive}
              </Button>
            }
            title={t.locations.archiveTitle(location.name)}
            body={<p>{t.locations.archiveBody}</p>}
            confirmLabel={t.locations.archive}
            pending={update.isPending}
            error={update.error}
            onConfirm={(close) =>
              update.mutate(
                { id: location.id, archived: true },
                {
                  onSuccess: () => {
                    close();
                    onChange(t.locations.archivedDone(location.name));
                  },
                },
              )
            }
          />
        )}
      </div>
    </li>
  );
}

interface Draft {
  name: string;
  kind: Location['kind'];
  address: string;
}

function AddLocationForm({ onDone, kind }: { onDone: (message: string) => void; kind: Location['kind'] }) {
  const empty: Draft = { name: '', kind, address: '' };
  const [draft, setDraft] = useState<Draft>(empty);
  const create = useCreateLocation();
  const { errors, form, submit, reset } = useChecks(
    draft,
    (d): Errors => (d.name.trim() ? {} : { name: t.locations.nameEmpty }),
    { error: create.error },
  );
  return (
    <form
      ref={form}
      className="form"
      noValidate
      aria-labelledby="add-location-heading"
      onSubmit={(event) =>
        submit(event, () =>
          create.mutate(
            {
              name: draft.name.trim(),
              kind: draft.kind,
              ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
            },
            {
              onSuccess: (location) => {
                setDraft(empty);
                reset();
                onDone(t.locations.added(location.name));
              },
            },
          ),
        )
      }
    >
      <h3 id="add-location-heading">{t.locations.addHeading}</h3>
      <div className="form-row">
        <InputField
          label={t.locations.name}
          name="name"
          maxLength={120}
          value={draft.name}
          onChange={(name) => setDraft((d) => ({ ...d, name }))}
          error={errors.name}
        />
        <ChoiceField
          label={t.locations.kind}
          name="kind"
          value={draft.kind}
          onChange={(k) => setDraft((d) => ({ ...d, kind: k }))}
          options={[
            { value: 'room', label: t.locations.room },
            { value: 'online', label: t.locations.online },
          ]}
        />
      </div>
      <InputField
        label={t.locations.address}
        name="address"
        optional
        maxLength={500}
        hint={t.locations.addressHint}
        value={draft.address}
        onChange={(address) => setDraft((d) => ({ ...d, address }))}
      />
      <FormStatus pending={create.isPending} error={create.error} />
      <ActionButton type="submit" className="button button-secondary" isPending={create.isPending}>
        {t.locations.add}
      </ActionButton>
    </form>
  );
}

/** The practice's rooms and online places: list, add, archive (a room already booked stays booked). */
export function LocationsSection({ defaultKind = 'room' }: { defaultKind?: Location['kind'] }) {
  const locations = useLocations();
  const [message, setMessage] = useState<string | null>(null);
  const { target, rescue } = useFocusRescue<HTMLHeadingElement>();
  const changed = (m: string) => {
    setMessage(m);
    rescue();
  };
  const sorted = [...(locations.data ?? [])].sort(
    (a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'en-GB'),
  );
  return (
    <section className="card stack-small" aria-labelledby="locations-heading">
      <h2 id="locations-heading" ref={target} tabIndex={-1}>
        {t.locations.heading}
      </h2>
      <p className="field-hint">{t.locations.lead}</p>
      <FormStatus success={message} />
      <QueryStatus query={locations} />
      {locations.data?.length === 0 ? <Empty>{t.locations.empty}</Empty> : null}
      {sorted.length > 0 ? (
        <ul className="item-list item-list-flat">
          {sorted.map((location) => (
            <LocationItem key={location.id} location={location} onChange={changed} />
          ))}
        </ul>
      ) : null}
      {locations.data ? <AddLocationForm kind={defaultKind} onDone={setMessage} /> : null}
    </section>
  );
}
