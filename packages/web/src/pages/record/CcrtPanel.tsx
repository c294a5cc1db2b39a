import { CheckboxGroup, FieldError, Label } from 'react-aria-components';
import { RecordCheckbox } from './RecordCheckbox';
import { FormulationText } from './FormulationText';
import { CCRT_PARTS, type CcrtCategories, type CcrtComponent, type CcrtPart } from './formulation-types';
import { formulationStrings as t } from './formulation-strings';

/**
 * The relationship pattern in CCRT terms: for the wish, the response of other and the response of
 * self, the clusters chosen from the practice's set (a response shows whether it counts as positive
 * or negative) and the therapist's own words. A cluster the practice has since removed stays listed,
 * ticked, until the therapist unticks it.
 */
export function CcrtPanel({
  categories,
  value,
  onChange,
}: {
  categories: CcrtCategories;
  value: Record<CcrtComponent, CcrtPart>;
  onChange: (value: Record<CcrtComponent, CcrtPart>) => void;
}) {
  const set = (part: CcrtComponent, patch: Partial<CcrtPart>) =>
    onChange({ ...value, [part]: { ...value[part], ...patch } });
  return (
    <section className="card stack-small" aria-labelledby="ccrt-heading">
      <h2 id="ccrt-heading">{t.ccrtHeading}</h2>
      <p className="field-hint">{t.ccrtLead}</p>
      {categories.unverified ? <p className="notice notice-info">{t.ccrtUnverified(categories.source)}</p> : null}
      {CCRT_PARTS.map((part) => {
        const clusters = categories.clusters.filter((c) => c.component === part);
        const removed = value[part].clusterIds.filter((id) => !clusters.some((c) => c.id === id));
        return (
          <div key={part} className="formulation-ccrt-part stack-small">
            <h3 id={`ccrt-${part}`}>{t.parts[part]}</h3>
            <CheckboxGroup
              className="record-checklist formulation-clusters"
              value={value[part].clusterIds}
              onChange={(ids) => set(part, { clusterIds: ids })}
              name={`ccrt.${part}.clusterIds`}
            >
              <Label className="visually-hidden">{t.clustersLabel(t.parts[part])}</Label>
              {clusters.map((c) => (
                <RecordCheckbox key={c.id} value={c.id}>
                  <span>
                    {c.label}
                    {c.valence ? <span className="muted"> · {t[c.valence]}</span> : null}
                  </span>
                </RecordCheckbox>
              ))}
              {removed.map((id) => (
                <RecordCheckbox key={id} value={id}>
                  {t.removedCluster(id)}
                </RecordCheckbox>
              ))}
              <FieldError className="field-error" />
            </CheckboxGroup>
            <FormulationText
              label={t.ownWords(t.parts[part])}
              name={`ccrt.${part}.words`}
              value={value[part].words}
              onChange={(words) => set(part, { words })}
              rows={3}
              maxLength={4000}
            />
          </div>
        );
      })}
    </section>
  );
}
