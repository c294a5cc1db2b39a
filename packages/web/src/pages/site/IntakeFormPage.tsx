import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { useFieldErrors } from '../../components/use-field-errors';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { CrisisResourcesPanel } from './CrisisResourcesPanel';
import { IntakePreferencesFields } from './IntakePreferencesFields';
import { CheckboxList, TextAreaField, TextField } from './intake-fields';
import { useSubmitIntake } from './intake-api';
import { emptyIntakeForm, intakeProblems, toSubmission, type IntakeFormState } from './intake-form-state';
import { intakeStrings } from './intake-strings';
import { INTAKE_TEXT_MAX, INTAKE_TOPICS, type RiskAnswer } from './intake-types';
import { sitePath, useSiteSlug } from './site-context';

const s = intakeStrings.form;
const RISKS: RiskAnswer[] = ['no', 'thoughts', 'now'];
/** The API's field paths that are not the form's own names. */
const ALIASES = { 'preferences.language': 'language', 'preferences.feeMaxPence': 'fee' };

/**
 * The intake form (issue 8, part 4): no account needed. Consent is explicit and says what is kept,
 * why, who sees it and for how long. An answer that the person might act on thoughts of harm soon shows
 * crisis lines at once, in the page, before anything is sent. Every problem shows beside its question,
 * and nothing typed is lost when the server refuses the form. The "website" field is a honeypot: out of
 * sight, out of the tab order and hidden from assistive technology, so only an automated tool fills it.
 */
export function IntakeFormPage() {
  const slug = useSiteSlug();
  const navigate = useNavigate();
  const submit = useSubmitIntake(slug);
  const openedAt = useRef(Date.now());
  const [form, setForm] = useState<IntakeFormState>(emptyIntakeForm);
  const [problems, setProblems] = useState<Record<string, string>>({});
  // The server's messages stay beside their fields until the person changes that answer.
  const [changed, setChanged] = useState<string[]>([]);
  const serverErrors = useFieldErrors(submit.error, ALIASES);
  const errors: Record<string, string> = { ...problems };
  for (const [field, message] of Object.entries(serverErrors)) {
    if (!changed.includes(field)) errors[field] = message;
  }
  const set = <K extends keyof IntakeFormState>(key: K, value: IntakeFormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setChanged((current) => (current.includes(key) ? current : [...current, key]));
    if (problems[key]) setProblems(({ [key]: _gone, ...rest }) => rest);
  };

  const send = (event: FormEvent) => {
    event.preventDefault();
    const found = intakeProblems(form);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`intake-${first}`)?.focus();
      return;
    }
    const fillMs = Math.min(Date.now() - openedAt.current, 86_400_000);
    setChanged([]);
    submit.mutate(toSubmission(form, fillMs), {
      onSuccess: (sent) => navigate(sent.statusPath, { state: { justSent: true } }),
      onError: (error) => {
        const field = error instanceof ApiError ? error.fields[0]?.field : undefined;
        const name = field ? ((ALIASES as Record<string, string>)[field] ?? field) : undefined;
        if (name) document.getElementById(`intake-${name}`)?.focus();
      },
    });
  };

  return (
    <Page title={s.title} lead={s.lead}>
      <form className="intake-form" onSubmit={send} noValidate aria-describedby="intake-keep-heading">
        <section className="intake-keep" aria-labelledby="intake-keep-heading">
          <h2 id="intake-keep-heading">{s.keepHeading}</h2>
          <p>{s.keepWhat}</p>
          <p>{s.keepWhy}</p>
          <p>{s.keepWho}</p>
          <p>{s.keepHowLong}</p>
          <p>
            <Link to={sitePath(slug, 'privacy')}>{s.privacyLink}</Link>
          </p>
        </section>

        <fieldset className="intake-group">
          <legend>{s.aboutYou}</legend>
          <TextField
            id="intake-name"
            label={s.name}
            hint={s.nameHint}
            value={form.name}
            maxLength={120}
            autoComplete="given-name"
            required
            error={errors.name}
            onChange={(v) => set('name', v)}
          />
          <TextField
            id="intake-email"
            label={s.email}
            hint={s.emailHint}
            type="email"
            value={form.email}
            maxLength={320}
            autoComplete="email"
            required
            error={errors.email}
            onChange={(v) => set('email', v)}
          />
          <TextAreaField
            id="intake-brings"
            label={s.brings}
            hint={s.bringsHint}
            value={form.brings}
            maxLength={INTAKE_TEXT_MAX}
            required
            error={errors.brings}
            onChange={(v) => set('brings', v)}
          />
          <CheckboxList
            legend={s.topics}
            name="topics"
            options={INTAKE_TOPICS.map((t) => ({ value: t, label: intakeStrings.topics[t] ?? t }))}
            selected={form.topics}
            onChange={(v) => set('topics', v)}
          />
          <TextAreaField
            id="intake-previousTherapy"
            label={s.previous}
            hint={s.previousHint}
            value={form.previousTherapy}
            maxLength={INTAKE_TEXT_MAX}
            error={errors.previousTherapy}
            onChange={(v) => set('previousTherapy', v)}
          />
        </fieldset>

        <IntakePreferencesFields form={form} errors={errors} set={set} />

        <fieldset
          className="reflection-question"
          id="intake-risk"
          tabIndex={-1}
          aria-describedby={errors.risk ? 'intake-risk-hint intake-risk-error' : 'intake-risk-hint'}
          data-invalid={errors.risk ? true : undefined}
        >
          <legend>{s.riskLegend}</legend>
          <p className="field-hint" id="intake-risk-hint">
            {s.riskHint}
          </p>
          {errors.risk ? (
            <p className="field-error" id="intake-risk-error">
              {errors.risk}
            </p>
          ) : null}
          <div className="reflection-options">
            {RISKS.map((risk) => (
              <label key={risk} className="reflection-option">
                <input
                  type="radio"
                  name="risk"
                  value={risk}
                  checked={form.risk === risk}
                  onChange={() => set('risk', risk)}
                />
                <span>{s.riskOptions[risk]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div aria-live="polite">
          {form.risk === 'now' ? (
            <div className="reflection-urgent">
              <p className="reflection-urgent-lead">{s.urgentLead}</p>
              <CrisisResourcesPanel headingId="intake-urgent-heading" heading={s.urgentHeading} />
              <p>{s.urgentAfter}</p>
            </div>
          ) : null}
        </div>

        <div className="intake-honeypot" aria-hidden="true">
          <label htmlFor="intake-website">{s.honeypot}</label>
          <input
            id="intake-website"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={form.website}
            onChange={(e) => set('website', e.target.value)}
          />
        </div>

        <fieldset className="intake-group" data-invalid={errors.consent ? true : undefined}>
          <legend>{s.consentLegend}</legend>
          <label className="reflection-option intake-consent">
            <input
              id="intake-consent"
              type="checkbox"
              checked={form.consent}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? 'intake-consent-error' : undefined}
              onChange={(e) => set('consent', e.target.checked)}
            />
            <span>{s.consent}</span>
          </label>
          {errors.consent ? (
            <p className="field-error" id="intake-consent-error">
              {errors.consent}
            </p>
          ) : null}
        </fieldset>

        {Object.keys(problems).length > 0 ? (
          <p className="notice notice-error" role="alert">
            {s.problems}
          </p>
        ) : null}
        <FormStatus pending={submit.isPending} pendingText={s.sending} error={submit.error} />
        <div className="site-actions">
          <button type="submit" className="button button-primary" disabled={submit.isPending}>
            {s.send}
          </button>
        </div>
      </form>
    </Page>
  );
}
