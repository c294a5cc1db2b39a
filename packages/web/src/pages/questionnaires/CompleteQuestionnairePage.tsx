import { useIsMutating } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { QuestionStep } from './QuestionStep';
import { ReviewStep } from './ReviewStep';
import { SubmittedView } from './SubmittedView';
import { questionnaireKeys, useMyQuestionnaire, useSaveAnswer, useSubmitQuestionnaire } from './questionnaires-api';
import { questionnairesStrings as s } from './questionnaires-strings';
import type { MyQuestionnaireDetail, PortalAnswerValue } from './questionnaires-types';

/** The questions one at a time, then a review, then send. Each answer is saved on the server as it is chosen. */
function Stepper({ detail }: { detail: MyQuestionnaireDetail }) {
  const [answers, setAnswers] = useState<Record<string, PortalAnswerValue | undefined>>(() =>
    Object.fromEntries(detail.answers.map((a) => [a.linkId, a.value])),
  );
  const [revisions, setRevisions] = useState<Record<string, number>>(() =>
    Object.fromEntries(detail.answers.map((a) => [a.linkId, a.revision])),
  );
  const firstUnanswered = detail.items.findIndex((i) => answers[i.linkId] == null);
  const [step, setStep] = useState(firstUnanswered === -1 ? detail.items.length : firstUnanswered);
  const [needAnswer, setNeedAnswer] = useState(false);
  const save = useSaveAnswer(detail.id);
  // Every answer still on its way, not only the last one chosen (which is all `save.isPending` knows of):
  // the answers are sent only once all are saved, or the server would find one missing.
  const saving = useIsMutating({ mutationKey: questionnaireKeys.answerSaves(detail.id) }) > 0;
  const submit = useSubmitQuestionnaire(detail.id);

  if (submit.data) return <SubmittedView showCrisisResources={submit.data.showCrisisResources} />;

  const total = detail.items.length;
  const item = detail.items[step];
  const choose = (linkId: string, value: PortalAnswerValue) => {
    setAnswers((a) => ({ ...a, [linkId]: value }));
    setNeedAnswer(false);
    save.mutate(
      { linkId, value, revision: revisions[linkId] ?? null },
      { onSuccess: ({ answer }) => setRevisions((r) => ({ ...r, [answer.linkId]: answer.revision })) },
    );
  };
  const next = () => {
    if (item && answers[item.linkId] == null) {
      setNeedAnswer(true);
      return;
    }
    setStep(step + 1);
  };
  return (
    <div className="stack questionnaire-complete">
      {item ? (
        <QuestionStep
          item={item}
          index={step}
          total={total}
          stem={detail.stem}
          value={answers[item.linkId]}
          onChoose={(value) => choose(item.linkId, value)}
        />
      ) : (
        <ReviewStep items={detail.items} answers={answers} onChange={setStep} />
      )}
      {needAnswer ? (
        <p className="field-error" role="alert">
          {s.complete.chooseFirst}
        </p>
      ) : null}
      <FormStatus
        pending={saving || submit.isPending}
        pendingText={submit.isPending ? s.review.sending : s.complete.saving}
        error={submit.error ?? save.error}
        success={save.isSuccess ? s.complete.saved : null}
      />
      <div className="button-row questionnaire-nav">
        {step > 0 ? (
          <ActionButton className="button button-quiet" onPress={() => setStep(step - 1)}>
            {s.complete.back}
          </ActionButton>
        ) : null}
        {item ? (
          <ActionButton className="button button-primary" onPress={next}>
            {s.complete.next}
          </ActionButton>
        ) : (
          <ActionButton
            className="button button-primary"
            isPending={submit.isPending || saving}
            onPress={() => submit.mutate()}
          >
            {s.review.submit}
          </ActionButton>
        )}
      </div>
      <p className="questionnaire-meta">{s.complete.closes(formatDateTime(detail.expiresAt))}</p>
      <p className="measure-copyright">{s.complete.copyright(detail.copyright)}</p>
    </div>
  );
}

/** /questionnaires/:requestId — completing one questionnaire, resumable from wherever it was left. */
export function CompleteQuestionnairePage() {
  const { requestId = '' } = useParams();
  const query = useMyQuestionnaire(requestId);
  const detail = query.data?.questionnaire;
  return (
    <Page
      title={detail ? detail.name : s.list.title}
      lead={detail?.title}
      narrow
      actions={
        <Link className="button button-quiet" to="/questionnaires">
          {s.complete.backToList}
        </Link>
      }
    >
      <QueryStatus query={query} />
      {detail ? <Stepper key={detail.id} detail={detail} /> : null}
    </Page>
  );
}
