import { useRef, useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { TextInput } from '../../components/TextInput';
import { useFieldErrors } from '../../components/use-field-errors';
import { useRewardEarly } from '../../components/use-reward-early';
import { TextAreaField } from '../portal/TextAreaField';
import { LetterLeaveGuard } from './LetterLeaveGuard';
import {
  LIMITS,
  pdfUrl,
  useDiscardLetter,
  useFinaliseLetter,
  useSaveLetter,
  type Letter,
  type LetterText,
} from './letters-api';
import { lettersStrings as t } from './letters-strings';

function BodyField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  useRewardEarly(area);
  return (
    <TextField className="field" name="body" value={value} onChange={onChange} maxLength={LIMITS.body}>
      <Label className="field-label">{t.letter.body}</Label>
      <Text slot="description" className="field-hint">
        {t.letter.bodyHint}
      </Text>
      <TextArea ref={area} className="field-input letters-body" rows={16} />
      <FieldError className="field-error" />
    </TextField>
  );
}

const textOf = (letter: Letter): LetterText => ({
  recipientName: letter.recipientName,
  recipientAddress: letter.recipientAddress,
  subject: letter.subject,
  body: letter.body,
});

/** The author's draft: recipient, subject and body; save, preview as PDF, file in the record, or discard. */
export function LetterEditor({ letter, onReload }: { letter: Letter; onReload: () => void }) {
  const [text, setText] = useState<LetterText>(() => textOf(letter));
  const [said, setSaid] = useState<string | null>(null);
  const save = useSaveLetter(letter.id);
  const finalise = useFinaliseLetter(letter.id);
  const discard = useDiscardLetter(letter.id, letter.clientId);
  const errors = useFieldErrors(save.error);
  const navigate = useNavigate();
  const saved = textOf(letter);
  const dirty = (Object.keys(saved) as (keyof LetterText)[]).some((key) => saved[key] !== text[key]);
  const stale = save.error instanceof ApiError && save.error.code === 'stale';

  const change = (key: keyof LetterText) => (value: string) => {
    setSaid(null);
    setText((current) => ({ ...current, [key]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { baseVersion: letter.version, ...text },
      {
        onSuccess: (next) => {
          setText(textOf(next));
          setSaid(t.letter.saved);
        },
      },
    );
  };
  const leaving = useRef(false);
  const toList = () => {
    leaving.current = true;
    void navigate(`/clients/${encodeURIComponent(letter.clientId)}/letters`);
  };
  /** Files the letter as it reads now: unsaved changes are saved first, at the version they were made over. */
  const file = (close: () => void) => {
    if (!dirty) {
      finalise.mutate(letter.version, { onSuccess: close });
      return;
    }
    save.mutate(
      { baseVersion: letter.version, ...text },
      { onSuccess: (next) => finalise.mutate(next.version, { onSuccess: close }) },
    );
  };

  return (
    <div className="stack">
      <LetterLeaveGuard unsaved={dirty} isAllowed={() => leaving.current} />
      <Form className="card stack-small" validationErrors={errors} onSubmit={submit}>
        <TextInput
          label={t.letter.recipientName}
          name="recipientName"
          value={text.recipientName}
          onChange={change('recipientName')}
          isRequired
          requiredMessage={t.write.recipientNameRequired}
          maxLength={LIMITS.recipientName}
        />
        <TextAreaField
          label={t.letter.recipientAddress}
          name="recipientAddress"
          value={text.recipientAddress}
          onChange={change('recipientAddress')}
          maxLength={LIMITS.recipientAddress}
        />
        <TextInput
          label={t.letter.subject}
          name="subject"
          value={text.subject}
          onChange={change('subject')}
          maxLength={LIMITS.subject}
        />
        <BodyField value={text.body} onChange={change('body')} />
        <FormStatus pending={save.isPending} error={save.error} success={said} />
        {dirty && !save.isPending ? <p className="muted">{t.letter.unsaved}</p> : null}
        <div className="button-row">
          <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
            {t.letter.save}
          </ActionButton>
          {stale ? (
            <Button className="button button-secondary" onPress={onReload}>
              {t.letter.stale}
            </Button>
          ) : null}
        </div>
      </Form>
      <section className="card stack-small" aria-label={t.letter.preview}>
        <p className="field-hint">{t.letter.previewHint}</p>
        <div className="button-row">
          <a className="button button-secondary" href={pdfUrl(letter.id)} download>
            {t.letter.preview}
          </a>
          <ConfirmDialog
            trigger={<Button className="button button-primary">{t.letter.finalise}</Button>}
            title={t.letter.finaliseTitle}
            body={
              <>
                <p>{t.letter.finaliseBody}</p>
                {dirty ? <p>{t.letter.finaliseUnsaved}</p> : null}
              </>
            }
            confirmLabel={t.letter.finaliseConfirm}
            tone="primary"
            pending={save.isPending || finalise.isPending}
            error={finalise.error ?? (dirty ? save.error : null)}
            onConfirm={file}
          />
          <ConfirmDialog
            trigger={<Button className="button button-quiet">{t.letter.discard}</Button>}
            title={t.letter.discardTitle}
            body={<p>{t.letter.discardBody}</p>}
            confirmLabel={t.letter.discardConfirm}
            pending={discard.isPending}
            error={discard.error}
            onConfirm={(close) =>
              discard.mutate(undefined, {
                onSuccess: () => {
                  close();
                  toList();
                },
              })
            }
          />
        </div>
      </section>
    </div>
  );
}
