import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { STANDARD_CCRT_CLUSTERS } from '@undercurrent/clinical';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { QueryStatus } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { useFieldErrors } from '../../components/use-field-errors';
import { useCcrtCategories, useSaveCcrtCategories } from './formulation-api';
import { CCRT_PARTS, type CcrtCategories, type CcrtCluster, type CcrtComponent } from './formulation-types';
import { ccrtAdminStrings as t, formulationStrings as f } from './formulation-strings';
import '../../styles/formulation.css';

/** An id for a cluster the practice adds: its component, a slug of its label, and a few random letters. */
function newClusterId(part: CcrtComponent, label: string): string {
  const slug =
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30)
      .replace(/-+$/, '') || 'cluster';
  return `${part.toLowerCase()}-own-${slug}-${Math.random().toString(36).slice(2, 6)}`;
}

const standardClusters = (): CcrtCluster[] =>
  STANDARD_CCRT_CLUSTERS.clusters.map((c) =>
    c.component === 'W'
      ? { id: c.id, component: c.component, label: c.label }
      : { id: c.id, component: c.component, label: c.label, valence: c.valence },
  );

/** /admin/ccrt-categories — the practice's CCRT clusters: relabel, add, remove, mark responses positive or negative. */
export function CcrtCategoriesPage() {
  const categories = useCcrtCategories();
  return (
    <Page title={t.title} lead={t.lead}>
      <QueryStatus query={categories} />
      {categories.data ? <CategoriesForm set={categories.data} /> : null}
    </Page>
  );
}

function CategoriesForm({ set }: { set: CcrtCategories }) {
  const save = useSaveCcrtCategories();
  const errors = useFieldErrors(save.error);
  const [name, setName] = useState(set.isStandard ? 'Our CCRT clusters' : set.name);
  const [unverified, setUnverified] = useState(set.unverified);
  const [clusters, setClusters] = useState<CcrtCluster[]>(set.clusters);
  const [newLabels, setNewLabels] = useState<Record<CcrtComponent, string>>({ W: '', RO: '', RS: '' });
  const [said, setSaid] = useState<string | null>(null);

  const change = (index: number, patch: Partial<CcrtCluster>) => {
    setSaid(null);
    setClusters((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  };
  const add = (part: CcrtComponent) => {
    const label = newLabels[part].trim();
    if (!label) return;
    const cluster: CcrtCluster =
      part === 'W'
        ? { id: newClusterId(part, label), component: part, label }
        : { id: newClusterId(part, label), component: part, label, valence: 'negative' };
    setClusters((list) => [...list, cluster]);
    setNewLabels((labels) => ({ ...labels, [part]: '' }));
    setSaid(t.added(label));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { name: name.trim(), unverified, clusters: clusters.map((c) => ({ ...c, label: c.label.trim() })) },
      { onSuccess: () => setSaid(t.saved) },
    );
  };

  return (
    <Form className="stack" validationErrors={errors} onSubmit={submit}>
      <p className="notice notice-info">{set.isStandard ? t.standardNote : t.editedNote(set.source)}</p>
      <section className="card stack-small" aria-label={t.name}>
        <TextInput label={t.name} name="name" value={name} onChange={setName} isRequired maxLength={120} />
        <Checkbox className="checkbox" isSelected={unverified} onChange={setUnverified}>
          <span className="checkbox-box" aria-hidden="true">
            <svg viewBox="0 0 18 18">
              <polyline points="3.5 9.5 7.5 13 14.5 5" />
            </svg>
          </span>
          {t.unverified}
        </Checkbox>
        <p className="field-hint">{t.unverifiedHint}</p>
      </section>
      {CCRT_PARTS.map((part) => (
        <section key={part} className="card stack-small" aria-labelledby={`ccrt-admin-${part}`}>
          <h2 id={`ccrt-admin-${part}`}>{f.parts[part]}</h2>
          <ol className="ccrt-admin-list">
            {clusters.map((c, index) =>
              c.component !== part ? null : (
                <li key={c.id} className="ccrt-admin-row">
                  <TextInput
                    label={t.label}
                    name={`clusters.${index}.label`}
                    value={c.label}
                    onChange={(label) => change(index, { label })}
                    isRequired
                    maxLength={120}
                  />
                  {part === 'W' ? null : (
                    <div className="ccrt-admin-valence">
                      <SelectField
                        label={t.valence}
                        name={`clusters.${index}.valence`}
                        value={c.valence ?? 'negative'}
                        onChange={(valence) => change(index, { valence })}
                        options={[
                          { value: 'positive', label: t.positive },
                          { value: 'negative', label: t.negative },
                        ]}
                      />
                    </div>
                  )}
                  <Button
                    className="button button-quiet"
                    aria-label={t.removeLabel(c.label.trim() || c.id)}
                    onPress={() => {
                      setSaid(null);
                      setClusters((list) => list.filter((_, i) => i !== index));
                    }}
                  >
                    {t.remove}
                  </Button>
                </li>
              ),
            )}
          </ol>
          <div className="ccrt-admin-add">
            <TextInput
              label={t.newLabel(f.parts[part])}
              name={`new-${part}`}
              value={newLabels[part]}
              onChange={(label) => setNewLabels((labels) => ({ ...labels, [part]: label }))}
              maxLength={120}
            />
            <Button
              className="button button-secondary"
              aria-label={t.addLabel(f.parts[part])}
              isDisabled={!newLabels[part].trim()}
              onPress={() => add(part)}
            >
              {t.add}
            </Button>
          </div>
        </section>
      ))}
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
            setName(set.isStandard ? 'Our CCRT clusters' : set.name);
            setUnverified(set.unverified);
            setClusters(set.clusters);
          }}
        >
          {t.reset}
        </Button>
        <Button
          className="button button-quiet"
          onPress={() => {
            save.reset();
            setClusters(standardClusters());
            setUnverified(true);
            setSaid(t.standardLoaded);
          }}
        >
          {t.standard}
        </Button>
      </div>
    </Form>
  );
}
