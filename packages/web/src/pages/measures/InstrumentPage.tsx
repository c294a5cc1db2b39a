import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { useInstrument, useRetireInstrument } from './measures-api';
import { measuresStrings as t } from './measures-strings';
import type { AnswerValue, Instrument } from './measures-types';
import { QuestionnaireFields } from './QuestionnaireFields';

function scoreRange(instrument: Instrument) {
  const def = instrument.definition;
  let min = 0;
  let max = 0;
  for (const item of def.items) {
    if (item.scored === false) continue;
    const values = (item.answerOptions ?? def.answerOptions ?? []).map((o) => o.value);
    if (values.length === 0) continue;
    min += Math.min(...values);
    max += Math.max(...values);
  }
  return { min, max };
}

function Details({ instrument }: { instrument: Instrument }) {
  const def = instrument.definition;
  const range = scoreRange(instrument);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  return (
    <div className="stack">
      <section className="card stack-small" aria-labelledby="licence-heading">
        <h2 id="licence-heading">{t.instrument.licenceHeading}</h2>
        <dl className="measure-facts">
          <dt>{t.instrument.copyright}</dt>
          <dd>{def.licence.copyright}</dd>
          <dt>{t.instrument.terms}</dt>
          <dd>{def.licence.terms}</dd>
        </dl>
      </section>
      <section className="card stack-small" aria-labelledby="scoring-heading">
        <h2 id="scoring-heading">{t.instrument.scoringHeading}</h2>
        <p>{t.instrument.range(range.min, range.max)}</p>
        <p>{t.instrument.missing(def.missingItemRule.maxMissing)}</p>
        {def.cutoff ? (
          <p>{t.instrument.cutoff(def.cutoff.label, def.cutoff.score, def.cutoff.comparison === 'above')}</p>
        ) : null}
        {def.bands.length > 0 ? (
          <>
            <h3>{t.instrument.bands}</h3>
            <ul>
              {def.bands.map((b) => (
                <li key={b.label}>{t.instrument.band(b.min, b.max, b.label)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className="card stack-small" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t.instrument.previewHeading}</h2>
        <p className="field-hint">{t.instrument.previewLead}</p>
        <QuestionnaireFields
          def={def}
          answers={answers}
          onChange={(linkId, value) => setAnswers((a) => ({ ...a, [linkId]: value }))}
        />
      </section>
    </div>
  );
}

function RetireButton({ instrument }: { instrument: Instrument }) {
  const retire = useRetireInstrument();
  const navigate = useNavigate();
  if (instrument.summary.source !== 'practice') return null;
  if (instrument.summary.status === 'retired') return <Badge tone="neutral">{t.instrument.retired}</Badge>;
  return (
    <>
      <ConfirmDialog
        trigger={<Button className="button button-danger">{t.instrument.retire}</Button>}
        title={t.instrument.retireTitle(instrument.summary.name)}
        body={<p>{t.instrument.retireBody}</p>}
        confirmLabel={t.instrument.retire}
        pending={retire.isPending}
        error={retire.error}
        onConfirm={(close) =>
          retire.mutate(instrument.summary.instrumentId, {
            onSuccess: () => {
              close();
              void navigate('/admin/instruments');
            },
          })
        }
      />
    </>
  );
}

/** /admin/instruments/:instrumentId — one instrument: licence, scoring, and its questions as administered. */
export function InstrumentPage() {
  const { instrumentId = '' } = useParams();
  const instrument = useInstrument(instrumentId);
  const data = instrument.data?.instrument;
  return (
    <Page
      title={data ? `${data.definition.name}: ${data.definition.title}` : t.catalogue.title}
      actions={
        <>
          <Link className="button button-quiet" to="/admin/instruments">
            {t.instrument.back}
          </Link>
          {data ? <RetireButton instrument={data} /> : null}
        </>
      }
    >
      <QueryStatus query={instrument} />
      {data ? <Details instrument={data} /> : null}
    </Page>
  );
}
