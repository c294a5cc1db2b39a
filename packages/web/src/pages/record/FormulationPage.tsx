import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useEpisodes } from '../../api/frame';
import type { Episode } from '../../api/frame-types';
import { ApiError } from '../../api/errors';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { Empty, QueryStatus } from '../../components/States';
import { formatDate } from '../../lib/format';
import { FormulationEditor } from './FormulationEditor';
import { FormulationHistory } from './FormulationHistory';
import { FormulationReviews } from './FormulationReviews';
import { OdfTrend } from './OdfTrend';
import { useCcrtCategories, useDefensiveFunctioning, useFormulation } from './formulation-api';
import { formulationStrings as t } from './formulation-strings';
import '../../styles/formulation.css';

/** The episode shown: the one asked for, else the newest that has not ended, else the newest. */
function chosenEpisode(episodes: Episode[], asked: string | null): Episode | undefined {
  return episodes.find((e) => e.id === asked) ?? episodes.find((e) => e.status !== 'ended') ?? episodes[0] ?? undefined;
}

/** /clients/:clientId/formulation — the case formulation of the client's current (or chosen) episode. */
export function FormulationPage() {
  const { clientId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const episodes = useEpisodes(clientId);
  const episode = episodes.data ? chosenEpisode(episodes.data, search.get('episode')) : undefined;
  const episodeId = episode?.id ?? null;
  const formulation = useFormulation(episodeId);
  const odf = useDefensiveFunctioning(episodeId);
  const categories = useCcrtCategories();
  const [reloads, setReloads] = useState(0);
  const name = formulation.data?.client.displayName ?? episode?.clientName ?? '';
  const notFound =
    episodes.error instanceof ApiError && (episodes.error.status === 404 || episodes.error.status === 403);
  const notesPath = `/clients/${encodeURIComponent(clientId)}/notes`;

  return (
    <Page
      title={t.title(name)}
      lead={notFound ? undefined : t.lead}
      actions={
        <Link className="button button-quiet" to={notesPath}>
          {t.back}
        </Link>
      }
    >
      {notFound ? (
        <p className="notice notice-error" role="alert">
          {t.notFound}
        </p>
      ) : (
        <QueryStatus query={episodes} />
      )}
      {episodes.data && episodes.data.length === 0 ? <Empty>{t.noEpisode}</Empty> : null}
      {episodes.data && episodes.data.length > 1 && episode ? (
        <div className="formulation-episode">
          <SelectField
            label={t.episode}
            name="episode"
            description={t.episodeHint}
            value={episode.id}
            onChange={(id) => setSearch({ episode: id }, { replace: true })}
            options={episodes.data.map((e) => ({
              value: e.id,
              label: t.episodeOption(t.episodeStatus[e.status] ?? e.status, formatDate(e.startDate ?? e.createdAt)),
            }))}
          />
        </div>
      ) : null}
      {episodeId ? (
        <div className="formulation-layout">
          <div className="stack formulation-main">
            <QueryStatus query={formulation} />
            <QueryStatus query={categories} />
            {formulation.data && categories.data ? (
              <FormulationEditor
                // A fresh editor for each episode and after a reload, with the version the server has now.
                key={`${episodeId}:${reloads}`}
                formulation={formulation.data}
                categories={categories.data}
                onReload={() => void formulation.refetch().then(() => setReloads((n) => n + 1))}
              />
            ) : null}
          </div>
          <div className="stack formulation-side">
            <QueryStatus query={odf} />
            {odf.data ? <OdfTrend data={odf.data} clientId={clientId} /> : null}
            {formulation.data ? <FormulationReviews episodeId={episodeId} reviews={formulation.data.reviews} /> : null}
            {formulation.data && categories.data ? (
              <FormulationHistory episodeId={episodeId} categories={categories.data} />
            ) : null}
          </div>
        </div>
      ) : null}
    </Page>
  );
}
