import { useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { ApiError } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { useFieldErrors } from '../../components/use-field-errors';
import { formatDateTime } from '../../lib/format';
import { CcrtPanel } from './CcrtPanel';
import { FormulationText } from './FormulationText';
import { GoalList } from './GoalList';
import { useSaveFormulation } from './formulation-api';
import { SECTIONS, type CcrtCategories, type Formulation, type FormulationContent } from './formulation-types';
import { formulationStrings as t } from './formulation-strings';

/** A pause in typing after which a changed formulation saves itself (as the note editor does). */
const AUTOSAVE_MS = 4000;

const contentOf = (f: FormulationContent): FormulationContent => ({
  presentingDifficulties: f.presentingDifficulties,
  history: f.history,
  attachmentDevelopment: f.attachmentDevelopment,
  goals: f.goals,
  ccrt: f.ccrt,
});

/** What is sent: goals still without words are left out until they have some. */
const toSave = (content: FormulationContent): FormulationContent => ({
  ...content,
  goals: content.goals.filter((g) => g.text.trim() !== ''),
});

/**
 * The formulation's sections, goals and CCRT, saved as versions: after a pause in typing and with
 * the Save button. A save over a version someone else has moved on is refused by the server; the
 * text stays on the page and the therapist is told how to go on.
 */
export function FormulationEditor({
  formulation,
  categories,
  onReload,
}: {
  formulation: Formulation;
  categories: CcrtCategories;
  onReload: () => void;
}) {
  const [content, setContent] = useState<FormulationContent>(() => contentOf(formulation));
  const [baseVersion, setBaseVersion] = useState(formulation.version);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(toSave(contentOf(formulation))));
  const save = useSaveFormulation(formulation.episode.id);
  const errors = useFieldErrors(save.error);
  const sending = toSave(content);
  const dirty = JSON.stringify(sending) !== savedJson;
  const stale = save.error instanceof ApiError && save.error.code === 'stale';

  const saveNow = async () => {
    const sent = toSave(content);
    const saved = await save.mutateAsync({ ...sent, baseVersion });
    setBaseVersion(saved.version);
    setSavedJson(JSON.stringify(sent));
  };

  const latest = useRef(saveNow);
  latest.current = saveNow;
  const blocked = save.isPending || stale || save.isError;
  useEffect(() => {
    if (!dirty || blocked) return;
    const timer = window.setTimeout(() => void latest.current().catch(() => undefined), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [content, dirty, blocked]);

  const set = <K extends keyof FormulationContent>(key: K, value: FormulationContent[K]) => {
    if (save.isError && !stale) save.reset();
    setContent((c) => ({ ...c, [key]: value }));
  };

  const current = save.data ?? formulation;
  const state = dirty
    ? t.unsaved
    : current.updatedAt && current.updatedBy
      ? t.savedBy(current.updatedBy.displayName, formatDateTime(current.updatedAt), current.version)
      : t.notSavedYet;

  return (
    <Form
      className="stack formulation-editor"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        void saveNow().catch(() => undefined);
      }}
    >
      <div className="card stack-small">
        {SECTIONS.map((key) => (
          <FormulationText
            key={key}
            label={t.sections[key]}
            hint={t.sectionHints[key]}
            name={key}
            value={content[key]}
            onChange={(v) => set(key, v)}
            rows={key === 'presentingDifficulties' ? 6 : 5}
            maxLength={20000}
          />
        ))}
      </div>
      <CcrtPanel categories={categories} value={content.ccrt} onChange={(ccrt) => set('ccrt', ccrt)} />
      <GoalList goals={content.goals} onChange={(goals) => set('goals', goals)} />
      {stale ? (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>{t.staleTitle}.</strong> {t.stale}
          </p>
          <Button className="button button-secondary" onPress={onReload}>
            {t.reload}
          </Button>
        </div>
      ) : (
        <FormStatus pending={save.isPending} error={save.error} />
      )}
      <div className="record-save-row formulation-save-row">
        <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
          {t.save}
        </ActionButton>
        <p className="record-save-state muted" aria-live="polite">
          {save.isPending ? '' : state}
        </p>
      </div>
    </Form>
  );
}
