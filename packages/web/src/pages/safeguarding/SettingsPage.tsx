import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Person } from '../../api/types';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { QueryStatus } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { TextAreaField } from '../portal/TextAreaField';
import { LocalResourcesEditor } from './LocalResourcesEditor';
import { settingsStrings as s } from './settings-strings';

interface Settings {
  policyText: string;
  policyVersion: number;
  privateEntryAlerts: 'never' | 'always';
  escalateAfterMinutes: number;
  clinicalLeadId: string | null;
  region: 'GB' | 'US';
  addedPhrases: string[];
  removedPhrases: string[];
  defaultPhrases: string[];
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function SettingsForm({ loaded, staff }: { loaded: Settings; staff: Person[] }) {
  const queryClient = useQueryClient();
  const [policyText, setPolicyText] = useState(loaded.policyText);
  const [privateEntryAlerts, setPrivate] = useState(loaded.privateEntryAlerts);
  const [hours, setHours] = useState(String(loaded.escalateAfterMinutes / 60));
  const [lead, setLead] = useState(loaded.clinicalLeadId ?? '');
  const [region, setRegion] = useState(loaded.region);
  const [added, setAdded] = useState(loaded.addedPhrases.join('\n'));
  const [removed, setRemoved] = useState(loaded.removedPhrases.join('\n'));
  const save = useMutation({
    mutationFn: (body: Omit<Settings, 'policyVersion' | 'defaultPhrases'>) =>
      api<Settings>('/api/safeguarding/settings', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(['safeguarding', 'settings'], saved),
  });
  const version = save.data?.policyVersion ?? loaded.policyVersion;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      policyText,
      privateEntryAlerts,
      escalateAfterMinutes: Math.round(Number(hours) * 60),
      clinicalLeadId: lead || null,
      region,
      addedPhrases: lines(added),
      removedPhrases: lines(removed),
    });
  }

  return (
    <form onSubmit={submit} className="sg-plan-form">
      <TextAreaField
        label={s.policy}
        name="policyText"
        value={policyText}
        onChange={setPolicyText}
        description={s.policyHint(version)}
        isRequired
        maxLength={10000}
      />
      <SelectField
        label={s.privateAlerts}
        name="privateEntryAlerts"
        value={privateEntryAlerts}
        onChange={setPrivate}
        options={[
          { value: 'never', label: s.never },
          { value: 'always', label: s.always },
        ]}
      />
      <TextInput
        validate={(v) => (Number.isFinite(Number(v)) && Number(v) >= 0.25 && Number(v) <= 168 ? null : s.hoursHint)}
        label={s.hours}
        name="hours"
        value={hours}
        onChange={setHours}
        inputMode="text"
        description={s.hoursHint}
      />
      <SelectField
        label={s.clinicalLead}
        name="clinicalLeadId"
        value={lead}
        onChange={setLead}
        description={s.clinicalLeadHint}
        options={[{ value: '', label: s.noLead }, ...staff.map((p) => ({ value: p.id, label: p.displayName }))]}
      />
      <SelectField
        label={s.region}
        name="region"
        value={region}
        onChange={setRegion}
        options={[
          { value: 'GB', label: s.gb },
          { value: 'US', label: s.us },
        ]}
      />
      <TextAreaField label={s.added} name="addedPhrases" value={added} onChange={setAdded} description={s.addedHint} />
      <TextAreaField
        label={s.removed}
        name="removedPhrases"
        value={removed}
        onChange={setRemoved}
        description={s.removedHint(loaded.defaultPhrases.join(', '))}
      />
      <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
        {s.save}
      </ActionButton>
      <FormStatus pending={save.isPending} error={save.error} success={save.isSuccess ? s.saved : null} />
    </form>
  );
}

/** The admin's safeguarding settings: the written policy, alerting, escalation, clinical lead, region, phrases. */
export function SettingsPage() {
  const settings = useQuery({
    queryKey: ['safeguarding', 'settings'],
    queryFn: () => api<Settings>('/api/safeguarding/settings'),
  });
  const people = useQuery({
    queryKey: ['people', 'staff-active'],
    queryFn: () => api<Person[]>('/api/people?status=active'),
  });
  const staff = (people.data ?? []).filter((p) => p.roles.some((r) => r !== 'client'));
  return (
    <Page title={s.title} lead={s.lead} narrow>
      <QueryStatus query={settings} />
      <QueryStatus query={people} />
      {settings.data && people.data ? <SettingsForm loaded={settings.data} staff={staff} /> : null}
      <LocalResourcesEditor />
    </Page>
  );
}
