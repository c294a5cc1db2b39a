import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../../api/errors';
import { useCurrentUser } from '../../app/current-user';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { Field, InputField } from './Field';
import { usePracticeSlug } from './practice-slug';
import { previewPhotoUrl, useMyProfile, useSaveMyProfile, useUploadPhoto } from './site-admin-api';
import { siteAdminStrings } from './site-admin-strings';
import {
  GENDERS,
  REGISTRATION_BODIES,
  type Format,
  type Gender,
  type ProfileContent,
  type Registration,
} from './site-admin-types';

const s = siteAdminStrings.profile;

interface FormState {
  approach: string;
  training: string;
  registrations: Registration[];
  specialisms: string;
  languages: string;
  formats: Format[];
  fee: string;
  concessions: string;
  availabilityNote: string;
  gender: Gender;
  genderDescribed: string;
}

const toForm = (draft: ProfileContent): FormState => ({
  approach: draft.approach,
  training: draft.training,
  registrations: draft.registrations,
  specialisms: draft.specialisms.join('\n'),
  languages: draft.languages.join(', '),
  formats: draft.formats,
  fee: draft.feePence === null ? '' : (draft.feePence / 100).toFixed(draft.feePence % 100 ? 2 : 0),
  concessions: draft.concessions,
  availabilityNote: draft.availabilityNote,
  gender: draft.gender ?? 'undisclosed',
  genderDescribed: draft.genderDescribed ?? '',
});

/** Pounds as typed ("70", "65.50", "£70") in pence; undefined when it is not an amount. */
function pence(fee: string): number | null | undefined {
  const trimmed = fee.trim().replace(/^£/, '');
  if (trimmed === '') return null;
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * 100);
}

function PhotoSection({ draft }: { draft: ProfileContent }) {
  const upload = useUploadPhoto();
  const save = useSaveMyProfile();
  const file = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState(draft.photoAlt);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return setProblem(s.photoChooseFirst);
    if (!alt.trim()) return setProblem(s.photoAltRequired);
    setProblem(null);
    upload.mutate({ file: chosen, alt: alt.trim() }, { onSuccess: () => file.current && (file.current.value = '') });
  };
  return (
    <section aria-labelledby="photo-heading">
      <h2 id="photo-heading">{s.photoHeading}</h2>
      {draft.photoId ? (
        <figure className="photo-current">
          <img src={previewPhotoUrl(draft.photoId)} alt={draft.photoAlt} width={160} height={160} />
          <figcaption>{s.photoCurrent}</figcaption>
        </figure>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor="photo-file">
            {s.photoFile}
          </label>
          <input id="photo-file" ref={file} type="file" accept="image/png,image/jpeg,image/webp" />
        </div>
        <InputField
          id="photo-alt"
          label={s.photoAlt}
          hint={s.photoAltHint}
          maxLength={300}
          value={alt}
          onChange={setAlt}
        />
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <FormStatus
          pending={upload.isPending || save.isPending}
          error={upload.error ?? save.error}
          success={upload.isSuccess ? s.uploaded : null}
        />
        <div className="site-actions">
          <button type="submit" className="button button-secondary">
            {s.upload}
          </button>
          {draft.photoId ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => save.mutate({ ...draft, photoId: null, photoAlt: '' })}
            >
              {s.removePhoto}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

/** The therapist writes their own directory profile (the admin publishes it). */
export function MyProfilePage() {
  const me = useCurrentUser();
  const profile = useMyProfile();
  const save = useSaveMyProfile();
  const slug = usePracticeSlug();
  const [form, setForm] = useState<FormState | null>(null);
  const [feeProblem, setFeeProblem] = useState<string | null>(null);
  useEffect(() => {
    if (profile.data && !form) setForm(toForm(profile.data.draft));
  }, [profile.data, form]);
  const errors = fieldErrors(save.error);
  const state = profile.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form || !state) return;
    const fee = pence(form.fee);
    if (fee === undefined) return setFeeProblem(s.feeInvalid);
    setFeeProblem(null);
    save.mutate({
      ...state.draft,
      approach: form.approach,
      training: form.training,
      registrations: form.registrations,
      specialisms: form.specialisms
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean),
      languages: form.languages
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      formats: form.formats,
      feePence: fee,
      concessions: form.concessions,
      availabilityNote: form.availabilityNote,
      gender: form.gender,
      genderDescribed: form.gender === 'self_described' ? form.genderDescribed : '',
    });
  };

  const setRegistration = (index: number, change: Partial<Registration>) =>
    form &&
    setForm({
      ...form,
      registrations: form.registrations.map((r, i) => (i === index ? { ...r, ...change } : r)),
    });
  const toggleFormat = (format: Format, on: boolean) =>
    form &&
    setForm({
      ...form,
      formats: on ? [...form.formats.filter((f) => f !== format), format] : form.formats.filter((f) => f !== format),
    });

  return (
    <Page title={s.title} lead={s.lead}>
      <QueryStatus query={profile} />
      {state && form ? (
        <>
          <p className="notice notice-info" role="status">
            {s.status(state.status)}{' '}
            {state.published && slug ? <Link to={`/p/${slug}/therapists/${me.user.id}`}>{s.view}</Link> : null}
          </p>
          <form className="form profile-form" onSubmit={submit} noValidate>
            <Field id="profile-approach" label={s.approach} hint={s.approachHint} error={errors.approach}>
              {(describedBy) => (
                <textarea
                  id="profile-approach"
                  className="field-input"
                  rows={6}
                  maxLength={3000}
                  value={form.approach}
                  aria-describedby={describedBy}
                  onChange={(e) => setForm({ ...form, approach: e.target.value })}
                />
              )}
            </Field>
            <Field id="profile-training" label={s.training} error={errors.training}>
              {(describedBy) => (
                <textarea
                  id="profile-training"
                  className="field-input"
                  rows={3}
                  maxLength={1500}
                  value={form.training}
                  aria-describedby={describedBy}
                  onChange={(e) => setForm({ ...form, training: e.target.value })}
                />
              )}
            </Field>
            <fieldset className="profile-fieldset">
              <legend>{s.registrationsHeading}</legend>
              {form.registrations.map((registration, index) => (
                <div key={index} className="registration-row">
                  <Field id={`reg-body-${index}`} label={`${s.body} ${index + 1}`}>
                    {() => (
                      <select
                        id={`reg-body-${index}`}
                        className="field-input field-select"
                        value={registration.body}
                        onChange={(e) => setRegistration(index, { body: e.target.value as Registration['body'] })}
                      >
                        {REGISTRATION_BODIES.map((body) => (
                          <option key={body} value={body}>
                            {siteAdminStrings.bodies[body]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  {registration.body === 'other' ? (
                    <Field
                      id={`reg-other-${index}`}
                      label={s.otherName}
                      error={errors[`registrations.${index}.otherName`]}
                    >
                      {(describedBy, invalid) => (
                        <input
                          id={`reg-other-${index}`}
                          className="field-input"
                          value={registration.otherName ?? ''}
                          aria-describedby={describedBy}
                          aria-invalid={invalid || undefined}
                          onChange={(e) => setRegistration(index, { otherName: e.target.value })}
                        />
                      )}
                    </Field>
                  ) : null}
                  <Field id={`reg-number-${index}`} label={s.number} error={errors[`registrations.${index}.number`]}>
                    {(describedBy, invalid) => (
                      <input
                        id={`reg-number-${index}`}
                        className="field-input"
                        value={registration.number}
                        maxLength={40}
                        aria-describedby={describedBy}
                        aria-invalid={invalid || undefined}
                        onChange={(e) => setRegistration(index, { number: e.target.value })}
                      />
                    )}
                  </Field>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() =>
                      setForm({ ...form, registrations: form.registrations.filter((_, i) => i !== index) })
                    }
                  >
                    {s.removeRegistration(index + 1)}
                  </button>
                </div>
              ))}
              {form.registrations.length < 5 ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    setForm({ ...form, registrations: [...form.registrations, { body: 'BACP', number: '' }] })
                  }
                >
                  {s.addRegistration}
                </button>
              ) : null}
            </fieldset>
            <Field id="profile-specialisms" label={s.specialisms} hint={s.specialismsHint}>
              {(describedBy) => (
                <textarea
                  id="profile-specialisms"
                  className="field-input"
                  rows={4}
                  value={form.specialisms}
                  aria-describedby={describedBy}
                  onChange={(e) => setForm({ ...form, specialisms: e.target.value })}
                />
              )}
            </Field>
            <Field id="profile-languages" label={s.languages} hint={s.languagesHint}>
              {(describedBy) => (
                <input
                  id="profile-languages"
                  className="field-input"
                  value={form.languages}
                  aria-describedby={describedBy}
                  onChange={(e) => setForm({ ...form, languages: e.target.value })}
                />
              )}
            </Field>
            <fieldset className="profile-fieldset">
              <legend>{s.formatsLegend}</legend>
              <label className="check-line">
                <input
                  type="checkbox"
                  checked={form.formats.includes('in_person')}
                  onChange={(e) => toggleFormat('in_person', e.target.checked)}
                />
                <span>{s.inPerson}</span>
              </label>
              <label className="check-line">
                <input
                  type="checkbox"
                  checked={form.formats.includes('online')}
                  onChange={(e) => toggleFormat('online', e.target.checked)}
                />
                <span>{s.online}</span>
              </label>
            </fieldset>
            <fieldset className="profile-fieldset" aria-describedby="profile-gender-hint">
              <legend>{s.genderLegend}</legend>
              <p className="field-hint" id="profile-gender-hint">
                {s.genderHint}
              </p>
              {GENDERS.map((gender) => (
                <label key={gender} className="check-line">
                  <input
                    type="radio"
                    name="gender"
                    value={gender}
                    checked={form.gender === gender}
                    onChange={() => setForm({ ...form, gender })}
                  />
                  <span>{s.genders[gender]}</span>
                </label>
              ))}
              {form.gender === 'self_described' ? (
                <Field id="profile-gender-described" label={s.genderDescribed} error={errors.genderDescribed}>
                  {(describedBy, invalid) => (
                    <input
                      id="profile-gender-described"
                      className="field-input"
                      maxLength={60}
                      value={form.genderDescribed}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      onChange={(e) => setForm({ ...form, genderDescribed: e.target.value })}
                    />
                  )}
                </Field>
              ) : null}
            </fieldset>
            <Field id="profile-fee" label={s.fee} hint={s.feeHint} error={feeProblem ?? errors.feePence}>
              {(describedBy, invalid) => (
                <input
                  id="profile-fee"
                  className="field-input field-medium"
                  inputMode="decimal"
                  value={form.fee}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  onChange={(e) => setForm({ ...form, fee: e.target.value })}
                />
              )}
            </Field>
            <Field id="profile-concessions" label={s.concessions} hint={s.concessionsHint}>
              {(describedBy) => (
                <input
                  id="profile-concessions"
                  className="field-input"
                  maxLength={500}
                  value={form.concessions}
                  aria-describedby={describedBy}
                  onChange={(e) => setForm({ ...form, concessions: e.target.value })}
                />
              )}
            </Field>
            <Field id="profile-availability" label={s.availabilityNote} hint={s.availabilityHint}>
              {(describedBy) => (
                <input
                  id="profile-availability"
                  className="field-input"
                  maxLength={300}
                  value={form.availabilityNote}
                  aria-describedby={describedBy}
                  onChange={(e) => setForm({ ...form, availabilityNote: e.target.value })}
                />
              )}
            </Field>
            <FormStatus pending={save.isPending} error={save.error} success={save.isSuccess ? s.saved : null} />
            <button type="submit" className="button button-primary">
              {s.save}
            </button>
          </form>
          <PhotoSection draft={state.draft} />
        </>
      ) : null}
    </Page>
  );
}
