import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../api/errors';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { PageText } from '../site/PageText';
import { Field, InputField } from './Field';
import { usePracticeSlug } from './practice-slug';
import { usePages, useSavePage } from './site-admin-api';
import { siteAdminStrings } from './site-admin-strings';
import type { AdminPage } from './site-admin-types';

const s = siteAdminStrings.page;

/** The admin edits one public page: title, text in the safe formatting (with a live preview), published. */
export function EditPublicPage() {
  const { page: slugParam = '' } = useParams();
  const pages = usePages();
  const page = pages.data?.pages.find((p) => p.slug === slugParam);
  return (
    <Page title={s.title(page?.title ?? slugParam)} actions={<Link to="/admin/public-site">{s.back}</Link>}>
      <QueryStatus query={pages} />
      {/* The form starts from the page as loaded now (not an older copy from the cache, which would
          save over another administrator's change), once: a later refetch never overwrites what is typed. */}
      {page && pages.isFetchedAfterMount ? <PageEditor key={page.slug} page={page} /> : null}
    </Page>
  );
}

function PageEditor({ page }: { page: AdminPage }) {
  const save = useSavePage(page.slug);
  const practiceSlug = usePracticeSlug();
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  const [published, setPublished] = useState(page.published);
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ title, body, published });
  };
  const publicPath = practiceSlug ? `/p/${practiceSlug}${page.slug === 'home' ? '' : `/${page.slug}`}` : null;
  return (
    <div className="page-editor">
      <form className="form" onSubmit={submit} noValidate>
        {page.isDefault ? <p className="notice notice-info">{s.defaultNote}</p> : null}
        <InputField
          id="page-title"
          label={s.titleLabel}
          error={errors.title}
          maxLength={120}
          value={title}
          onChange={setTitle}
        />
        <Field id="page-body" label={s.bodyLabel} hint={s.bodyHint} error={errors.body}>
          {(describedBy, invalid) => (
            <textarea
              id="page-body"
              className="field-input page-body-input"
              rows={18}
              value={body}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <label className="check-line">
          <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />
          <span>{s.publishedLabel}</span>
        </label>
        <FormStatus pending={save.isPending} error={save.error} success={save.isSuccess ? s.saved : null} />
        <div className="site-actions">
          <button type="submit" className="button button-primary">
            {s.save}
          </button>
          {save.isSuccess && published && publicPath ? <Link to={publicPath}>{s.view}</Link> : null}
        </div>
      </form>
      <section className="page-preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{s.preview}</h2>
        <div className="page-preview-frame">
          <p className="page-preview-title">{title}</p>
          <PageText text={body} />
        </div>
      </section>
    </div>
  );
}
