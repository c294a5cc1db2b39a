import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { useFieldErrors } from '../../components/use-field-errors';
import { LIMITS, useLetterhead, useSaveLetterhead, type Letterhead } from './letters-api';
import { lettersStrings as t } from './letters-strings';

const LINES = Array.from({ length: LIMITS.addressLines }, (_, i) => i);
/** The server names address lines by their place; the form by the same place. */
const ALIASES: Record<string, string> = Object.fromEntries(LINES.map((i) => [`addressLines.${i}`, `address-${i}`]));

/** /admin/letterhead — the practice's name, address, contact lines and footer on every letter. */
export function LetterheadPage() {
  const letterhead = useLetterhead();
  return (
    <Page title={t.letterhead.title} lead={t.letterhead.lead} narrow>
      <QueryStatus query={letterhead} />
      {letterhead.data ? <LetterheadForm letterhead={letterhead.data} /> : null}
    </Page>
  );
}

function LetterheadForm({ letterhead }: { letterhead: Letterhead }) {
  const save = useSaveLetterhead();
  const errors = useFieldErrors(save.error, ALIASES);
  const [form, setForm] = useState<Letterhead>(letterhead);
  const [lines, setLines] = useState<string[]>(() => LINES.map((i) => letterhead.addressLines[i] ?? ''));
  const [said, setSaid] = useState<string | null>(null);
  const set = (key: 'name' | 'phone' | 'email' | 'website' | 'footer') => (value: string) => {
    setSaid(null);
    setForm((current) => ({ ...current, [key]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...form, addressLines: lines.filter((line) => line.trim() !== '') },
      {
        onSuccess: (next) => {
          setForm(next);
          setLines(LINES.map((i) => next.addressLines[i] ?? ''));
          setSaid(t.letterhead.saved);
        },
      },
    );
  };
  const contact = [form.phone, form.email, form.website].filter((s) => s.trim()).join(' · ');
  return (
    <div className="stack">
      <Form className="card stack-small" validationErrors={errors} onSubmit={submit}>
        <TextInput
          label={t.letterhead.name}
          name="name"
          value={form.name}
          onChange={set('name')}
          isRequired
          maxLength={LIMITS.name}
          autoComplete="organization"
        />
        {LINES.map((i) => (
          <TextInput
            key={i}
            label={t.letterhead.address(i + 1)}
            name={`address-${i}`}
            value={lines[i] ?? ''}
            onChange={(value) => {
              setSaid(null);
              setLines((current) => current.map((line, j) => (j === i ? value : line)));
            }}
            maxLength={LIMITS.addressLine}
          />
        ))}
        <TextInput
          label={t.letterhead.phone}
          name="phone"
          type="tel"
          value={form.phone}
          onChange={set('phone')}
          maxLength={LIMITS.phone}
        />
        <TextInput
          label={t.letterhead.email}
          name="email"
          type="email"
          value={form.email}
          onChange={set('email')}
          maxLength={LIMITS.email}
        />
        <TextInput
          label={t.letterhead.website}
          name="website"
          value={form.website}
          onChange={set('website')}
          maxLength={LIMITS.website}
        />
        <TextInput
          label={t.letterhead.footer}
          name="footer"
          value={form.footer}
          onChange={set('footer')}
          description={t.letterhead.footerHint}
          maxLength={LIMITS.footer}
        />
        <FormStatus pending={save.isPending} error={save.error} success={said} />
        <div className="button-row">
          <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
            {t.letterhead.save}
          </ActionButton>
        </div>
      </Form>
      <section className="card stack-small" aria-labelledby="letterhead-preview">
        <h2 id="letterhead-preview">{t.letterhead.preview}</h2>
        <div className="letters-letterhead">
          <p className="letters-letterhead-name">{form.name}</p>
          {lines
            .filter((line) => line.trim())
            .map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          {contact ? <p>{contact}</p> : null}
        </div>
        {form.footer.trim() ? <p className="letters-letterhead-footer">{form.footer}</p> : null}
      </section>
    </div>
  );
}
