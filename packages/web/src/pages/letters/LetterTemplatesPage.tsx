import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { useFieldErrors } from '../../components/use-field-errors';
import {
  LIMITS,
  useDeleteTemplate,
  useSaveTemplate,
  useTemplates,
  type LetterTemplate,
  type Placeholder,
  type TemplateSave,
} from './letters-api';
import { lettersStrings as t } from './letters-strings';

const EMPTY: TemplateSave = { name: '', subject: '', body: '' };

function Placeholders({ placeholders }: { placeholders: Placeholder[] }) {
  return (
    <aside className="card stack-small letters-placeholders" aria-labelledby="placeholders-heading">
      <h2 id="placeholders-heading">{t.templates.placeholdersHeading}</h2>
      <p className="field-hint">{t.templates.placeholdersLead}</p>
      <dl className="letters-placeholder-list">
        {placeholders.map((p) => (
          <div key={p.name}>
            <dt>
              <code>{`{{${p.name}}}`}</code>
            </dt>
            <dd>{p.description}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

function TemplateForm({ editing, onDone }: { editing: LetterTemplate | null; onDone: (message: string) => void }) {
  const save = useSaveTemplate();
  const errors = useFieldErrors(save.error);
  const [form, setForm] = useState<TemplateSave>(
    editing ? { name: editing.name, subject: editing.subject, body: editing.body } : EMPTY,
  );
  const set = (key: keyof TemplateSave) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: editing?.id ?? null, template: form },
      {
        onSuccess: (saved) => {
          if (!editing) setForm(EMPTY);
          onDone(t.templates.saved(saved.name));
        },
      },
    );
  };
  return (
    <Form
      className="card stack-small"
      validationErrors={errors}
      onSubmit={submit}
      aria-labelledby="template-form-heading"
    >
      <h2 id="template-form-heading">{editing ? t.templates.editHeading(editing.name) : t.templates.newHeading}</h2>
      <TextInput
        label={t.templates.name}
        name="name"
        value={form.name}
        onChange={set('name')}
        isRequired
        maxLength={LIMITS.templateName}
      />
      <TextInput
        label={t.templates.subject}
        name="subject"
        value={form.subject}
        onChange={set('subject')}
        maxLength={LIMITS.subject}
      />
      <TextField
        className="field"
        name="body"
        value={form.body}
        onChange={set('body')}
        isRequired
        maxLength={LIMITS.templateBody}
        validate={(value) => (value.trim() ? null : t.templates.bodyHint)}
      >
        <Label className="field-label">{t.templates.body}</Label>
        <Text slot="description" className="field-hint">
          {t.templates.bodyHint}
        </Text>
        <TextArea className="field-input letters-body" rows={12} />
        <FieldError className="field-error" />
      </TextField>
      <FormStatus pending={save.isPending} error={save.error} />
      <div className="button-row">
        <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
          {t.templates.save}
        </ActionButton>
        {editing ? (
          <Button className="button button-secondary" onPress={() => onDone('')}>
            {t.templates.cancel}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}

function TemplateItem({
  template,
  onEdit,
  onRemoved,
}: {
  template: LetterTemplate;
  onEdit: () => void;
  onRemoved: (message: string) => void;
}) {
  const remove = useDeleteTemplate();
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">{template.name}</p>
        <p className="item-meta">{template.subject}</p>
      </div>
      <div className="item-actions button-row">
        <Button className="button button-secondary" aria-label={t.templates.editLabel(template.name)} onPress={onEdit}>
          {t.templates.edit}
        </Button>
        <ConfirmDialog
          trigger={
            <Button className="button button-quiet" aria-label={t.templates.removeLabel(template.name)}>
              {t.templates.remove}
            </Button>
          }
          title={t.templates.removeTitle(template.name)}
          body={<p>{t.templates.removeBody}</p>}
          confirmLabel={t.templates.removeConfirm}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={(close) =>
            remove.mutate(template.id, {
              onSuccess: () => {
                close();
                onRemoved(t.templates.removed(template.name));
              },
            })
          }
        />
      </div>
    </li>
  );
}

/** /admin/letter-templates — the practice's letter templates, with the placeholder vocabulary beside the editor. */
export function LetterTemplatesPage() {
  const templates = useTemplates();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const list = templates.data?.templates ?? [];
  const editing = list.find((x) => x.id === editingId) ?? null;
  const done = (message: string) => {
    setEditingId(null);
    setSaid(message || null);
  };
  return (
    <Page title={t.templates.title} lead={t.templates.lead}>
      <QueryStatus query={templates} />
      {templates.data ? (
        <div className="stack">
          <FormStatus success={said} />
          <section className="stack-small" aria-labelledby="templates-heading">
            <h2 id="templates-heading">{t.templates.listHeading}</h2>
            {list.length === 0 ? (
              <Empty>{t.templates.empty}</Empty>
            ) : (
              <ul className="item-list" aria-label={t.templates.listHeading}>
                {list.map((template) => (
                  <TemplateItem
                    key={template.id}
                    template={template}
                    onEdit={() => {
                      setSaid(null);
                      setEditingId(template.id);
                    }}
                    onRemoved={done}
                  />
                ))}
              </ul>
            )}
          </section>
          <div className="letters-template-layout">
            <TemplateForm key={editing?.id ?? 'new'} editing={editing} onDone={done} />
            <Placeholders placeholders={templates.data.placeholders} />
          </div>
        </div>
      ) : null}
    </Page>
  );
}
