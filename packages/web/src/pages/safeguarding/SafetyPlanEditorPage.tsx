import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { TextAreaField } from '../portal/TextAreaField';
import { useSafetyPlan, useSaveSafetyPlan } from './safeguarding-api';
import { SECTION_KEYS, sgStrings } from './safeguarding-strings';
import type { SafetyPlan, SafetyPlanSections } from './safeguarding-types';

const s = sgStrings.plan;
const EMPTY: SafetyPlanSections = {
  warningSigns: '',
  copingStrategies: '',
  distractions: '',
  peopleToAsk: '',
  professionals: '',
  safeEnvironment: '',
  reasonsForLiving: '',
};

function Editor({ clientId, loaded }: { clientId: string; loaded: SafetyPlan }) {
  const save = useSaveSafetyPlan(clientId);
  const [plan, setPlan] = useState<SafetyPlanSections>(loaded.plan ?? EMPTY);
  const latest = save.data ?? loaded;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ baseVersion: latest.version, plan });
  }
  return (
    <form onSubmit={submit} className="sg-plan-form">
      <p className="sg-alert-meta">
        {latest.version > 0 && latest.writtenBy && latest.writtenAt
          ? s.version(latest.version, latest.writtenBy, formatDateTime(latest.writtenAt))
          : s.noneTherapist}
      </p>
      {SECTION_KEYS.map((key) => (
        <TextAreaField
          key={key}
          label={s.sections[key]}
          name={key}
          value={plan[key]}
          onChange={(value) => setPlan((p) => ({ ...p, [key]: value }))}
          maxLength={5000}
        />
      ))}
      <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
        {s.save}
      </ActionButton>
      <FormStatus pending={save.isPending} error={save.error} success={save.isSuccess ? s.saved : null} />
    </form>
  );
}

/** The therapist's editor of a client's Stanley–Brown safety plan, written together in session. */
export function SafetyPlanEditorPage() {
  const clientId = useParams().clientId ?? '';
  const plan = useSafetyPlan(clientId);
  return (
    <Page
      title={s.editorTitle(sgStrings.record.safetyPlan)}
      lead={s.editorLead}
      actions={<Link to={`/clients/${clientId}/risk`}>{sgStrings.alerts.riskRecord('the client')}</Link>}
      narrow
    >
      <QueryStatus query={plan} />
      {plan.data ? <Editor clientId={clientId} loaded={plan.data} /> : null}
    </Page>
  );
}
