import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { useFieldErrors } from '../../components/use-field-errors';
import {
  BUILT_IN_LABELS,
  MAX_FIELDS,
  MAX_LATE_HOURS,
  customKeyFor,
  useNoteTemplate,
  useSaveNoteTemplate,
  type TemplateField,
  type TemplateSettings,
} from './template-api';
import { templateStrings as t } from './template-strings';
import '../../styles/record-private.css';

/** The server names fields by their place in the list; the form by the same place. */
const ALIASES: Record<string, string> = Object.fromEntries(
  Array.from({ length: MAX_FIELDS }, (_, i) => [
    [`fields.${i}.label`, `label-${i}`],
    [`fields.${i}.key`, `label-${i}`],
    [`fields.${i}.hint`, `hint-${i}`],
  ]).flat(),
);

const WHOLE = /^\d+$/;

/** /admin/note-template — the practice's progress-note template and its late-signing threshold. */
export function NoteTemplatePage() {
  const settings = useNoteTemplate();
  return (
    <Page title={t.title} lead={t.lead}>
      <QueryStatus query={settings} />
      {settings.data ? <TemplateForm settings={settings.data} /> : null}
    </Page>
  );
}

function TemplateForm({ settings }: { settings: TemplateSettings }) {
  const save = useSaveNoteTemplate();
  const errors = useFieldErrors(save.error, ALIASES);
  const [fields, setFields] = useState<TemplateField[]>(settings.fields);
  const [late, setLate] = useState(String(settings.lateAfterHours));
  const [newLabel, setNewLabel] = useState('');
  const [said, setSaid] = useState<string | null>(null);

  const change = (index: number, patch: Partial<TemplateField>) => {
    setSaid(null);
    setFields((list) => list.map((field, i) => (i === index ? { ...field, ...patch } : field)));
  };
  const move = (index: number, by: -1 | 1) => {
    setSaid(null);
    setFields((list) => {
      const next = [...list];
      const [field] = next.splice(index, 1);
      if (field) next.splice(index + by, 0, field);
      return next;
    });
  };
  const remove = (index: number) => {
    setSaid(null);
    setFields((list) => list.filter((_, i) => i !== index));
  };
  const add = () => {
    const label = newLabel.trim();
    if (!label || fields.length >= MAX_FIELDS) return;
    const key = customKeyFor(label, new Set(fields.map((f) => f.key)));
    setFields((list) => [...list, { key, label, enabled: true }]);
    setNewLabel('');
    setSaid(t.added(label));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hours = Number(late);
    save.mutate(
      {
        fields: fields.map((f) => {
          const hint = f.hint?.trim();
          return { key: f.key, label: f.label.trim(), enabled: f.enabled, ...(hint ? { hint } : {}) };
        }),
        lateAfterHours: hours,
      },
      { onSuccess: () => setSaid(t.saved) },
    );
  };

  return (
    <Form className="stack" validationErrors={errors} onSubmit={submit}>
      <section className="card stack-small" aria-labelledby="template-fields-heading">
        <h2 id="template-fields-heading">{t.fieldsHeading}</h2>
        <ol className="template-fields">
          {fields.map((field, index) => {
            const builtIn = BUILT_IN_LABELS[field.key];
            const name = builtIn ?? (field.label.trim() || field.key);
            return (
              <li key={field.key} className="template-row">
                <fieldset className="template-fieldset">
                  <legend className="template-legend">{builtIn ? t.builtIn(builtIn) : t.custom(field.label)}</legend>
                  <div className="template-inputs">
                    <TextInput
                      label={t.label}
                      name={`label-${index}`}
                      value={field.label}
                      onChange={(label) => change(index, { label })}
                      isRequired
                      maxLength={80}
                    />
                    <TextInput
                      label={t.hint}
                      name={`hint-${index}`}
                      value={field.hint ?? ''}
                      onChange={(hint) => change(index, { hint })}
                      maxLength={300}
                    />
                  </div>
                  <Checkbox
                    className="checkbox"
                    isSelected={field.enabled}
                    onChange={(enabled) => change(index, { enabled })}
                  >
                    <span className="checkbox-box" aria-hidden="true">
                      <svg viewBox="0 0 18 18">
                        <polyline points="3.5 9.5 7.5 13 14.5 5" />
                      </svg>
                    </span>
                    {t.enabled}
                  </Checkbox>
                  <div className="button-row template-row-actions">
                    <Button
                      className="button button-secondary"
                      aria-label={t.moveUpLabel(name)}
                      isDisabled={index === 0}
                      onPress={() => move(index, -1)}
                    >
                      {t.moveUp}
                    </Button>
                    <Button
                      className="button button-secondary"
                      aria-label={t.moveDownLabel(name)}
                      isDisabled={index === fields.length - 1}
                      onPress={() => move(index, 1)}
                    >
                      {t.moveDown}
                    </Button>
                    {builtIn ? null : (
                      <Button
                        className="button button-secondary"
                        aria-label={t.removeLabel(name)}
                        onPress={() => remove(index)}
                      >
                        {t.remove}
                      </Button>
                    )}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      </section>

      <section className="card stack-small" aria-labelledby="template-add-heading">
        <h2 id="template-add-heading">{t.addHeading}</h2>
        {fields.length >= MAX_FIELDS ? (
          <p className="field-hint">{t.tooMany}</p>
        ) : (
          <div className="template-add">
            <TextInput
              label={t.addLabel}
              name="new-label"
              value={newLabel}
              onChange={setNewLabel}
              description={t.addHint}
              maxLength={80}
            />
            <div className="button-row">
              <Button className="button button-secondary" isDisabled={!newLabel.trim()} onPress={add}>
                {t.add}
              </Button>
            </div>
          </div>
        )}
      </section>

      <section className="card stack-small" aria-labelledby="template-late-heading">
        <h2 id="template-late-heading">{t.lateHeading}</h2>
        <TextInput
          label={t.lateLabel}
          name="lateAfterHours"
          value={late}
          onChange={(value) => {
            setSaid(null);
            setLate(value);
          }}
          description={t.lateHint}
          inputMode="numeric"
          isRequired
          requiredMessage={t.lateInvalid}
          className="template-hours"
          validate={(value) => {
            const text = value.trim();
            const hours = Number(text);
            return WHOLE.test(text) && hours >= 1 && hours <= MAX_LATE_HOURS ? null : t.lateInvalid;
          }}
        />
      </section>

      <FormStatus pending={save.isPending} error={save.error} success={said} />
      <div className="button-row">
        <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
          {t.save}
        </ActionButton>
        <Button
          className="button button-secondary"
          onPress={() => {
            save.reset();
            setSaid(null);
            setFields(settings.fields);
            setLate(String(settings.lateAfterHours));
          }}
        >
          {t.reset}
        </Button>
      </div>
    </Form>
  );
}
