import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../../api/errors';
import { Badge } from '../../components/Badge';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { siteStrings } from '../site/site-strings';
import { Field, InputField } from './Field';
import { usePracticeSlug } from './practice-slug';
import { previewPhotoUrl, useContact, usePages, useProfiles, usePublishing, useSaveContact } from './site-admin-api';
import { siteAdminStrings } from './site-admin-strings';
import type { Contact, ProfileContent, ProfileState } from './site-admin-types';

const s = siteAdminStrings.admin;

function PagesSection() {
  const pages = usePages();
  return (
    <section aria-labelledby="pages-heading">
      <h2 id="pages-heading">{s.pagesHeading}</h2>
      <QueryStatus query={pages} />
      {pages.data ? (
        <ul className="item-list" aria-label={s.pagesLabel}>
          {pages.data.pages.map((page) => (
            <li key={page.slug} className="item">
              <div className="item-main">
                <Link to={`/admin/public-site/pages/${page.slug}`} aria-label={s.edit(page.title)}>
                  {page.title}
                </Link>{' '}
                <Badge tone={page.published ? 'good' : 'waiting'}>
                  {page.published ? s.published : s.notPublished}
                </Badge>
                {page.isDefault ? <p className="field-hint">{s.defaultText}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ContactSection() {
  const contact = useContact();
  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">{s.contactHeading}</h2>
      <p>{s.contactLead}</p>
      <QueryStatus query={contact} />
      {/* The form starts from the details as loaded now (not an older cached copy), once: a later refetch never overwrites what is typed. */}
      {contact.data && contact.isFetchedAfterMount ? <ContactForm contact={contact.data} /> : null}
    </section>
  );
}

function ContactForm({ contact }: { contact: Contact }) {
  const save = useSaveContact();
  const [form, setForm] = useState<Record<keyof Contact, string>>(() => ({
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    address: contact.address ?? '',
  }));
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ email: form.email || null, phone: form.phone || null, address: form.address || null });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <InputField
        id="contact-email"
        label={s.email}
        error={errors.email}
        type="email"
        autoComplete="email"
        value={form.email}
        onChange={(email) => setForm({ ...form, email })}
      />
      <InputField
        id="contact-phone"
        label={s.phone}
        error={errors.phone}
        type="tel"
        autoComplete="tel"
        value={form.phone}
        onChange={(phone) => setForm({ ...form, phone })}
      />
      <Field id="contact-address" label={s.address} error={errors.address}>
        {(describedBy) => (
          <textarea
            id="contact-address"
            className="field-input"
            rows={3}
            value={form.address}
            aria-describedby={describedBy}
            onChange={(e) => setForm({ ...form, address: e.target.value })}
          />
        )}
      </Field>
      <FormStatus pending={save.isPending} error={save.error} success={save.isSuccess ? s.contactSaved : null} />
      <button type="submit" className="button button-primary">
        {s.saveContact}
      </button>
    </form>
  );
}

/** The draft in words, for the admin to read before publishing it. */
function DraftSummary({ draft }: { draft: ProfileContent }) {
  const p = siteStrings.profile;
  return (
    <dl className="draft-summary">
      <dt>{p.approach}</dt>
      <dd className="profile-text">{draft.approach || '—'}</dd>
      <dt>{p.training}</dt>
      <dd className="profile-text">{draft.training || '—'}</dd>
      <dt>{p.registrations}</dt>
      <dd>
        {draft.registrations
          .map((r) => p.registration(r.body === 'other' ? (r.otherName ?? '') : r.body, r.number))
          .join('; ') || '—'}
      </dd>
      <dt>{p.specialisms}</dt>
      <dd>{draft.specialisms.join(', ') || '—'}</dd>
      <dt>{p.languages}</dt>
      <dd>{draft.languages.join(', ') || '—'}</dd>
      <dt>{p.formats}</dt>
      <dd>{draft.formats.map((f) => siteStrings.formats[f]).join(', ') || '—'}</dd>
      <dt>{p.fee}</dt>
      <dd>{draft.feePence === null ? p.feeAsk : p.feePerSession(siteStrings.money(draft.feePence))}</dd>
      <dt>{p.concessions}</dt>
      <dd>{draft.concessions || '—'}</dd>
      <dt>{p.availability}</dt>
      <dd>{draft.availabilityNote || '—'}</dd>
      <dt>{siteAdminStrings.profile.photoHeading}</dt>
      <dd>
        {draft.photoId ? (
          <figure className="photo-current">
            <img src={previewPhotoUrl(draft.photoId)} alt={draft.photoAlt} width={120} height={120} />
            <figcaption>{siteAdminStrings.admin.photoDescription(draft.photoAlt)}</figcaption>
          </figure>
        ) : (
          '—'
        )}
      </dd>
    </dl>
  );
}

function ProfileRow({ profile }: { profile: ProfileState }) {
  const { publish, unpublish } = usePublishing();
  const [notice, setNotice] = useState<string | null>(null);
  const canPublish =
    (profile.status === 'draft' || profile.status === 'changes_waiting') && profile.publishProblems.length === 0;
  return (
    <li className="item profile-row">
      <div className="item-main">
        <h3 className="profile-row-name">{profile.name}</h3>{' '}
        <Badge
          tone={profile.status === 'published' ? 'good' : profile.status === 'not_started' ? 'neutral' : 'waiting'}
        >
          {s.status[profile.status]}
        </Badge>
        {profile.status !== 'not_started' ? (
          <details className="draft-details">
            <summary>{s.readDraft(profile.name)}</summary>
            <DraftSummary draft={profile.draft} />
          </details>
        ) : null}
        {profile.status !== 'not_started' && profile.status !== 'published' && profile.publishProblems.length > 0 ? (
          <div className="notice notice-info">
            <p>{s.notReady}</p>
            <ul>
              {profile.publishProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="site-actions">
          {canPublish ? (
            <button
              type="button"
              className="button button-primary"
              disabled={publish.isPending}
              onClick={() => publish.mutate(profile, { onSuccess: () => setNotice(s.publishedNotice(profile.name)) })}
            >
              {profile.status === 'changes_waiting' ? s.publishChanges(profile.name) : s.publish(profile.name)}
            </button>
          ) : null}
          {profile.published ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={unpublish.isPending}
              onClick={() =>
                unpublish.mutate(profile, { onSuccess: () => setNotice(s.unpublishedNotice(profile.name)) })
              }
            >
              {s.unpublish(profile.name)}
            </button>
          ) : null}
        </div>
        <FormStatus
          pending={publish.isPending || unpublish.isPending}
          error={publish.error ?? unpublish.error}
          success={notice}
        />
      </div>
    </li>
  );
}

function ProfilesSection() {
  const profiles = useProfiles();
  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{s.profilesHeading}</h2>
      <p>{s.profilesLead}</p>
      <QueryStatus query={profiles} />
      {profiles.data ? (
        <ul className="item-list" aria-label={s.profilesLabel}>
          {profiles.data.profiles.map((profile) => (
            <ProfileRow key={profile.therapistId} profile={profile} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The admin's page for the public side: pages, contact details, publishing profiles. */
export function PublicSiteAdminPage() {
  const slug = usePracticeSlug();
  return (
    <Page title={s.title} lead={s.lead} actions={slug ? <Link to={`/p/${slug}`}>{s.viewSite}</Link> : undefined}>
      <PagesSection />
      <ContactSection />
      <ProfilesSection />
    </Page>
  );
}
