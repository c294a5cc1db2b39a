import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { useImportInstrument } from './measures-api';
import { measuresStrings as t } from './measures-strings';

/** The admin's import: paste the definition or choose its file; problems are listed, each with its place. */
export function ImportForm() {
  const id = useId();
  const importer = useImportInstrument();
  const [text, setText] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  const problems =
    importer.error instanceof ApiError && importer.error.code === 'invalid_definition' ? importer.error.fields : [];

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    file
      .text()
      .then((content) => {
        setText(content);
        setLocal(null);
        setSaid(t.importForm.fileRead(file.name));
        importer.reset();
      })
      .catch(() => setLocal(t.importForm.fileUnreadable));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaid(null);
    importer.reset();
    if (!text.trim()) {
      setLocal(t.importForm.empty);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setLocal(t.importForm.notJson(error instanceof Error ? error.message : String(error)));
      return;
    }
    setLocal(null);
    importer.mutate(parsed, {
      onSuccess: ({ instrument }) => {
        setSaid(t.importForm.imported(instrument.name, instrument.version));
        setText('');
      },
    });
  };

  return (
    <section className="card stack-small" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.importForm.heading}</h2>
      <p>{t.importForm.lead}</p>
      <form className="stack-small" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-json`}>
            {t.importForm.jsonLabel}
          </label>
          <p className="field-hint" id={`${id}-json-hint`}>
            {t.importForm.jsonHint}
          </p>
          <textarea
            id={`${id}-json`}
            className="field-input measure-json"
            value={text}
            spellCheck={false}
            aria-describedby={`${id}-json-hint`}
            aria-invalid={local !== null || problems.length > 0 ? true : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setLocal(null);
            }}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-file`}>
            {t.importForm.fileLabel}
          </label>
          <input
            id={`${id}-file`}
            className="measure-file"
            type="file"
            accept=".json,application/json"
            onChange={chooseFile}
          />
        </div>
        {local ? (
          <p className="notice notice-error" role="alert">
            {local}
          </p>
        ) : null}
        {problems.length > 0 ? (
          <div className="notice notice-error measure-problems" role="alert">
            <h3>{t.importForm.problemsHeading(problems.length)}</h3>
            <ul>
              {problems.map((p) => (
                <li key={`${p.field}:${p.message}`}>
                  <code>{p.field === 'definition' ? t.importForm.whole : p.field}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <FormStatus pending={importer.isPending} error={problems.length > 0 ? null : importer.error} success={said} />
        <div className="button-row">
          <ActionButton type="submit" className="button button-primary" isPending={importer.isPending}>
            {t.importForm.submit}
          </ActionButton>
        </div>
      </form>
    </section>
  );
}
