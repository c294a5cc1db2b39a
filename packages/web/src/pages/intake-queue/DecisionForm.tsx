import { useState, type FormEvent } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { RadioField } from '../frame/fields';
import { TextAreaField } from '../portal/TextAreaField';
import { formatSlot } from './intake-format';
import { useDecide } from './intake-queue-api';
import { iqStrings } from './intake-queue-strings';
import type { Decision, IntakeDetail } from './intake-queue-types';

const s = iqStrings.decide;

/** What the person will receive for each answer, said before it is sent. */
function Receives({ intake, decision }: { intake: IntakeDetail; decision: Decision }) {
  return (
    <div className="iq-receives" aria-live="polite">
      <h3>{s.receives}</h3>
      <ul>
        <li>{s.receivesMessage}</li>
        <li>{s.receivesEmail}</li>
        {decision === 'accept' && intake.requestedStart ? (
          <>
            <li>{s.receivesInvitation(intake.name)}</li>
            <li>{s.receivesConsultation(formatSlot(intake.requestedStart))}</li>
          </>
        ) : null}
        {decision === 'propose' ? <li>{s.receivesPropose}</li> : null}
      </ul>
    </div>
  );
}

/**
 * The practice's answer to an enquiry — accept the consultation, propose another time, or refer on —
 * always with a message (required). Accept and propose are offered only for a waiting request, to
 * the therapist asked or an administrator, as the server enforces.
 */
export function DecisionForm({
  intake,
  mayAnswerRequest,
  onSent,
}: {
  intake: IntakeDetail;
  mayAnswerRequest: boolean;
  onSent: (decision: Decision) => void;
}) {
  const decide = useDecide(intake.id);
  const requestWaiting = intake.status === 'requested' && intake.requestedStart !== null;
  const choices: Decision[] = requestWaiting && mayAnswerRequest ? ['accept', 'propose', 'refer'] : ['refer'];
  const [chosen, setDecision] = useState<Decision>(choices[0] ?? 'refer');
  // After proposing another time the request is gone, and so are the answers that needed it.
  const decision = choices.includes(chosen) ? chosen : 'refer';
  const [message, setMessage] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!message.trim()) return;
    decide.mutate(
      { decision, message },
      {
        onSuccess: () => {
          setMessage('');
          onSent(decision);
        },
      },
    );
  }

  return (
    <form className="iq-decide" onSubmit={submit} aria-labelledby="iq-decide-heading">
      <h2 id="iq-decide-heading">{s.heading}</h2>
      {requestWaiting && !mayAnswerRequest ? <p>{s.onlyAsked}</p> : null}
      <RadioField<Decision>
        label={s.choice}
        name="decision"
        value={decision}
        onChange={setDecision}
        options={choices.map((value) => ({ value, label: s.option[value], hint: s.hint[value] }))}
      />
      <TextAreaField
        label={s.message}
        name="message"
        value={message}
        onChange={setMessage}
        description={s.messageHint}
        isRequired
        requiredMessage={s.messageRequired}
        maxLength={4000}
      />
      <Receives intake={intake} decision={decision} />
      <ActionButton type="submit" className="button button-primary" isPending={decide.isPending}>
        {s.send}
      </ActionButton>
      <FormStatus pending={decide.isPending} error={decide.error} />
    </form>
  );
}
