import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormStatus } from '../../components/FormStatus';
import { SelectField } from '../../components/SelectField';
import { QueryStatus } from '../../components/States';
import { DreamCodeFields } from './DreamCodeFields';
import { CATEGORIES, codeLabel, contentOf, correctionsFor, defaultContent, nextOwnId } from './dream-code-edits';
import { useDreamCodes, useSaveCorrections } from './dream-corrections-api';
import { dreamCorrectionsStrings as t } from './dream-corrections-strings';
import type { DreamCategory, DreamCode, DreamCodesDetail } from './dream-code-types';

/** Adding a code of the therapist's own: its kind and the dream's words it rests on. */
function AddCode({
  text,
  onAdd,
}: {
  text: string;
  onAdd: (category: DreamCategory, words: string, at: number) => void;
}) {
  const [category, setCategory] = useState<DreamCategory>('character');
  const [words, setWords] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const add = () => {
    const quote = words.trim();
    const at = quote ? text.indexOf(quote) : -1;
    if (!quote) return setError(t.evidenceMissing);
    if (at < 0) return setError(t.evidenceNotFound(quote));
    setError(null);
    setWords('');
    onAdd(category, quote, at);
  };
  return (
    <fieldset className="stack-small dream-code">
      <legend>{t.add}</legend>
      <SelectField
        label={t.addCategory}
        name="category"
        value={category}
        options={CATEGORIES.map((c) => ({ value: c, label: t.category[c] }))}
        onChange={setCategory}
      />
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t.evidence}
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          {t.evidenceHint}
        </p>
        <input
          id={id}
          className="field-input"
          value={words}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(e) => setWords(e.target.value)}
        />
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={add}>
          {t.addButton}
        </button>
      </div>
    </fieldset>
  );
}

function EditorForm({
  detail,
  notice,
  setNotice,
  save,
}: {
  detail: DreamCodesDetail;
  save: ReturnType<typeof useSaveCorrections>;
  /** Kept by the parent with the save: a save gives the dream a new version, and the form starts again from it. */
  notice: string | null;
  setNotice: (notice: string | null) => void;
}) {
  const [codes, setCodes] = useState<DreamCode[]>(detail.codes);
  const corrections = correctionsFor(detail.automatic, codes);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (corrections.length === 0 && detail.version === 0) return setNotice(t.nothingChanged);
    const input = corrections.length === 0 ? { clear: detail.version } : { baseVersion: detail.version, corrections };
    save.mutate(input, { onSuccess: () => setNotice(corrections.length === 0 ? t.cleared : t.saved) });
  };
  const replace = (id: string, next: DreamCode | null) =>
    setCodes(codes.flatMap((c) => (c.id !== id ? [c] : next ? [next] : [])));
  return (
    <form className="stack-small" onSubmit={submit} noValidate>
      {detail.editedSince ? <p className="notice">{t.editedSince}</p> : null}
      {detail.unmatched > 0 ? <p className="notice">{t.unmatched(detail.unmatched)}</p> : null}
      <h4>{t.codesHeading}</h4>
      {codes.length === 0 ? <p className="muted">{t.noCodes}</p> : null}
      <ul className="plain-list stack-small">
        {codes.map((code) => {
          const label = codeLabel(contentOf(code));
          return (
            <li key={code.id}>
              <fieldset className="stack-small dream-code">
                <legend>
                  {code.id}: {t.category[code.category]}
                  {code.source === 'therapist' ? ` (${t.byYou})` : ''}
                </legend>
                <p className="muted">{t.rests(code.evidence.map((e) => e.text).join(' … '))}</p>
                <DreamCodeFields
                  code={contentOf(code)}
                  onChange={(content) => replace(code.id, { ...code, ...content } as DreamCode)}
                />
                <div className="button-row">
                  <button type="button" className="button button-quiet" onClick={() => replace(code.id, null)}>
                    {t.remove(label)}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <AddCode
        text={detail.text}
        onAdd={(category, words, at) =>
          setCodes([
            ...codes,
            {
              ...defaultContent(category),
              id: nextOwnId([...detail.automatic, ...codes]),
              evidence: [{ start: at, end: at + words.length, text: words }],
              source: 'therapist',
            } as DreamCode,
          ])
        }
      />
      <FormStatus pending={save.isPending} pendingText={t.saving} error={save.error} success={notice} />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {t.save}
        </button>
        {detail.version > 0 ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={save.isPending}
            onClick={() => {
              setNotice(null);
              save.mutate({ clear: detail.version }, { onSuccess: () => setNotice(t.cleared) });
            }}
          >
            {t.clear}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** One shared dream's text and its codes, to correct. */
export function DreamCodeEditor({ clientId, entryId }: { clientId: string; entryId: string }) {
  const query = useDreamCodes(clientId, entryId);
  const detail = query.data;
  const [notice, setNotice] = useState<string | null>(null);
  // Kept here: a save gives the dream a new version and the form below starts again from it.
  const save = useSaveCorrections(clientId, entryId);
  return (
    <div className="stack-small">
      <QueryStatus query={query} />
      {detail ? (
        <>
          <h4>{t.dreamText}</h4>
          <blockquote className="dream-code-text">{detail.text}</blockquote>
          <p>
            <Link to={detail.link}>{t.openDream}</Link>
          </p>
          <EditorForm
            key={`${detail.version}:${detail.correctedAt ?? ''}`}
            detail={detail}
            notice={notice}
            setNotice={setNotice}
            save={save}
          />
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setNotice(null);
              void query.refetch();
            }}
          >
            {t.reload}
          </button>
        </>
      ) : null}
    </div>
  );
}
