import { useState } from 'react';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { useCcrtClusters, useConfirmEpisode } from './patterns-api';
import { How, PassageLinks } from './PassageLinks';
import { patternsStrings as t } from './patterns-strings';
import type { Candidate, Cluster, StaffPatterns } from './patterns-types';

type Component = 'W' | 'RO' | 'RS';
const COMPONENTS: Component[] = ['W', 'RO', 'RS'];
const NONE = '';

function ClusterPicker(props: {
  component: Component;
  clusters: Cluster[];
  value: string;
  onChange: (id: string) => void;
}) {
  const options = [{ id: NONE, label: t.ccrt.none }, ...props.clusters.filter((c) => c.component === props.component)];
  return (
    <Select className="field" selectedKey={props.value} onSelectionChange={(key) => props.onChange(String(key))}>
      <Label>{t.ccrt[props.component]}</Label>
      <Button className="button button-secondary">
        <SelectValue />
      </Button>
      <Popover>
        <ListBox items={options}>{(item) => <ListBoxItem id={item.id}>{item.label}</ListBoxItem>}</ListBox>
      </Popover>
    </Select>
  );
}

function CandidateCard(props: {
  clientId: string;
  candidate: Candidate;
  clusters: Cluster[];
  links: Map<string, string>;
  confirmed: boolean;
}) {
  const { candidate } = props;
  const [scores, setScores] = useState<Record<Component, string>>({
    W: NONE,
    RO: candidate.suggested.RO[0] ?? NONE,
    RS: candidate.suggested.RS[0] ?? NONE,
  });
  const confirm = useConfirmEpisode(props.clientId);
  const citation = candidate.citations[0];
  return (
    <li className="card stack-small">
      <h4>{t.ccrt.candidate(candidate.figureLabel, candidate.interaction, candidate.date)}</h4>
      <PassageLinks citations={candidate.citations} links={props.links} />
      <How text={candidate.how} />
      {props.confirmed ? <p className="muted">{t.ccrt.confirmed}</p> : null}
      <div className="stack-small">
        {COMPONENTS.map((component) => (
          <ClusterPicker
            key={component}
            component={component}
            clusters={props.clusters}
            value={scores[component]}
            onChange={(id) => setScores({ ...scores, [component]: id })}
          />
        ))}
      </div>
      {confirm.error ? <p role="alert">{(confirm.error as Error).message}</p> : null}
      <div className="button-row">
        <Button
          className="button"
          isDisabled={!citation || confirm.isPending}
          onPress={() =>
            citation &&
            confirm.mutate({
              entryId: candidate.entryId,
              start: citation.start,
              end: citation.end,
              W: scores.W ? [scores.W] : [],
              RO: scores.RO ? [scores.RO] : [],
              RS: scores.RS ? [scores.RS] : [],
            })
          }
        >
          {t.ccrt.confirm}
        </Button>
      </div>
    </li>
  );
}

/** Candidates → confirm and score W / RO / RS → the CCRT summary of the confirmed episodes. */
export function CcrtWorkspace({ view, links }: { view: StaffPatterns; links: Map<string, string> }) {
  const clusters = useCcrtClusters();
  const { ccrt, ccrtCandidates, ccrtCandidateCount } = view.summary;
  const confirmedAt = new Set(view.episodes.map((e) => e.entryId));
  return (
    <section className="stack-small" aria-labelledby="ccrt-heading">
      <h2 id="ccrt-heading">{t.ccrt.heading}</h2>
      <p className="muted">{t.ccrt.lead}</p>
      <section aria-labelledby="ccrt-summary-heading" className="stack-small">
        <h3 id="ccrt-summary-heading">{t.ccrt.summaryHeading}</h3>
        <p aria-live="polite" data-testid="ccrt-scored">
          {ccrt.scoredEpisodes > 0 ? t.ccrt.scored(ccrt.scoredEpisodes) : t.ccrt.nothingScored}
        </p>
        {ccrt.scoredEpisodes > 0 ? (
          <>
            {ccrt.enoughEpisodes ? null : <p className="muted">{t.ccrt.fewEpisodes}</p>}
            <table>
              <caption>{t.ccrt.mostFrequent}</caption>
              <tbody>
                {COMPONENTS.map((component) => (
                  <tr key={component}>
                    <th scope="row">{t.ccrt[component]}</th>
                    <td>{ccrt[component].mostFrequent.map((c) => `${c.label} (${c.episodes})`).join('; ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>
      <p className="muted">{t.ccrt.candidates(ccrtCandidates.length, ccrtCandidateCount)}</p>
      {clusters.data ? (
        <ul className="stack-small plain-list">
          {ccrtCandidates.slice(0, 10).map((candidate) => (
            <CandidateCard
              key={candidate.id}
              clientId={view.clientId}
              candidate={candidate}
              clusters={clusters.data.clusters}
              links={links}
              confirmed={confirmedAt.has(candidate.entryId)}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
