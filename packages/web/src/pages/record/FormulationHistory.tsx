import { useState } from 'react';
import { QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useFormulationVersions } from './formulation-api';
import { SECTIONS, type CcrtCategories } from './formulation-types';
import { formulationStrings as t } from './formulation-strings';

/** Every saved version of the formulation, newest first, loaded when opened. */
export function FormulationHistory({ episodeId, categories }: { episodeId: string; categories: CcrtCategories }) {
  const label = (id: string) => categories.clusters.find((c) => c.id === id)?.label ?? id;
  const [open, setOpen] = useState(false);
  const versions = useFormulationVersions(episodeId, open);
  return (
    <details className="card formulation-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.historyShow}</summary>
      <div className="stack-small">
        <QueryStatus query={versions} />
        {versions.data?.length === 0 ? <p className="muted">{t.historyEmpty}</p> : null}
        {versions.data?.map((v) => (
          <section key={v.version} className="formulation-version" aria-labelledby={`version-${v.version}`}>
            <h3 id={`version-${v.version}`}>
              {t.historyVersion(v.version, v.savedBy.displayName, formatDateTime(v.savedAt))}
            </h3>
            <dl className="formulation-version-list">
              {SECTIONS.map((key) => (
                <div key={key}>
                  <dt>{t.sections[key]}</dt>
                  <dd>{v[key].trim() || t.historyEmptySection}</dd>
                </div>
              ))}
              <div>
                <dt>{t.goalsHeading}</dt>
                <dd>
                  {v.goals.length === 0
                    ? t.historyEmptySection
                    : v.goals.map((g) => `${g.text} (${t.statuses[g.status]})`).join('; ')}
                </dd>
              </div>
              {(['W', 'RO', 'RS'] as const).map((part) => (
                <div key={part}>
                  <dt>{t.parts[part]}</dt>
                  <dd>
                    {[v.ccrt[part].clusterIds.map(label).join(', '), v.ccrt[part].words]
                      .filter((s) => s.trim())
                      .join(' — ') || t.historyEmptySection}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </details>
  );
}
