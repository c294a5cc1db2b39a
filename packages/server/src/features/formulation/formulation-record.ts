import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { inTurn, iso } from '../journal/entry-record.js';
import type { Ccrt, Formulation, FormulationContent, Review } from './formulation-schemas.js';

/**
 * Reading case formulations. Row-level security already limits formulation and review rows to the
 * therapists currently caring for the client (never the admin, a supervisor or the client); the
 * episode is looked up under the same condition, so a therapist asking about someone else's client
 * gets the same 404 as for an episode that does not exist.
 */
export const contentContext = (id: string) => `formulations.content_enc:${id}`;
export const snapshotContext = (id: string) => `formulation_versions.snapshot_enc:${id}`;
export const reviewTextContext = (id: string) => `formulation_reviews.text_enc:${id}`;

export const NO_SUCH_EPISODE = 'There is no such episode among the clients you look after.';

export interface EpisodeRow {
  id: string;
  client_id: string;
  client_name: string;
  status: string;
  start_date: string | null;
  ending_date: string | null;
  created_at: Date;
}

export interface FormulationRow {
  id: string;
  version: number;
  content_enc: string;
  ccrt_clusters: Record<'W' | 'RO' | 'RS', string[]>;
  updated_at: Date;
  updated_by: string;
  updated_by_name: string;
}

/** The text stored encrypted in formulations.content_enc (the cluster ids live in ccrt_clusters). */
interface StoredText {
  presentingDifficulties: string;
  history: string;
  attachmentDevelopment: string;
  goals: FormulationContent['goals'];
  ccrtWords: Record<'W' | 'RO' | 'RS', string>;
}

export const EMPTY_CCRT: Ccrt = {
  W: { clusterIds: [], words: '' },
  RO: { clusterIds: [], words: '' },
  RS: { clusterIds: [], words: '' },
};

export const EMPTY_FORMULATION: FormulationContent = {
  presentingDifficulties: '',
  history: '',
  attachmentDevelopment: '',
  goals: [],
  ccrt: EMPTY_CCRT,
};

/** The episode, if the signed-in therapist currently cares for its client. */
export async function requireEpisode(tx: Scoped, episodeId: string, event: AuditInput): Promise<EpisodeRow> {
  const result = await tx.query<EpisodeRow>(
    `SELECT e.id, e.client_id, c.display_name AS client_name, e.status, to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
            to_char(e.ending_date, 'YYYY-MM-DD') AS ending_date, e.created_at
       FROM episodes e JOIN users c ON c.id = e.client_id
      WHERE e.id = $1 AND app_cares_for(e.client_id)`,
    [episodeId],
  );
  const row = result.rows[0];
  if (!row) refuse(tx, event, 404, 'not_found', NO_SUCH_EPISODE);
  return row;
}

/** The audit event about an episode's formulation: the client is its subject ("who opened my record"). */
export function formulationEvent(action: AuditInput['action'], episode: EpisodeRow): AuditInput {
  return { action, subjectType: 'episode', subjectId: episode.id, subjectUserId: episode.client_id };
}

export async function findFormulationRow(
  tx: Scoped,
  episodeId: string,
  forUpdate = false,
): Promise<FormulationRow | undefined> {
  const result = await tx.query<FormulationRow>(
    `SELECT f.id, f.version, f.content_enc, f.ccrt_clusters, f.updated_at, f.updated_by, u.display_name AS updated_by_name
       FROM formulations f JOIN users u ON u.id = f.updated_by
      WHERE f.episode_id = $1${forUpdate ? ' FOR UPDATE OF f' : ''}`,
    [episodeId],
  );
  return result.rows[0];
}

export async function decryptFormulation(tx: Scoped, row: FormulationRow): Promise<FormulationContent> {
  const text = JSON.parse(await tx.decrypt(contentContext(row.id), row.content_enc)) as StoredText;
  const part = (c: 'W' | 'RO' | 'RS') => ({ clusterIds: row.ccrt_clusters[c] ?? [], words: text.ccrtWords[c] ?? '' });
  return {
    presentingDifficulties: text.presentingDifficulties,
    history: text.history,
    attachmentDevelopment: text.attachmentDevelopment,
    goals: text.goals,
    ccrt: { W: part('W'), RO: part('RO'), RS: part('RS') },
  };
}

/** The columns a save writes: the text sealed under the formulation's context, the cluster ids as they are. */
export async function sealFormulation(tx: Scoped, formulationId: string, content: FormulationContent) {
  const text: StoredText = {
    presentingDifficulties: content.presentingDifficulties,
    history: content.history,
    attachmentDevelopment: content.attachmentDevelopment,
    goals: content.goals,
    ccrtWords: { W: content.ccrt.W.words, RO: content.ccrt.RO.words, RS: content.ccrt.RS.words },
  };
  return {
    contentEnc: await tx.encrypt('clinical', contentContext(formulationId), JSON.stringify(text)),
    clusters: JSON.stringify({
      W: content.ccrt.W.clusterIds,
      RO: content.ccrt.RO.clusterIds,
      RS: content.ccrt.RS.clusterIds,
    }),
  };
}

export async function reviewsOf(tx: Scoped, episodeId: string): Promise<Review[]> {
  const result = await tx.query<{
    id: string;
    reviewed_on: string;
    author_id: string;
    author_name: string;
    text_enc: string;
    created_at: Date;
  }>(
    `SELECT r.id, to_char(r.reviewed_on, 'YYYY-MM-DD') AS reviewed_on, r.author_id, u.display_name AS author_name,
            r.text_enc, r.created_at
       FROM formulation_reviews r JOIN users u ON u.id = r.author_id
      WHERE r.episode_id = $1 ORDER BY r.reviewed_on DESC, r.created_at DESC, r.id`,
    [episodeId],
  );
  return inTurn(result.rows, async (r) => ({
    id: r.id,
    reviewedOn: r.reviewed_on,
    author: { id: r.author_id, displayName: r.author_name },
    text: await tx.decrypt(reviewTextContext(r.id), r.text_enc),
    createdAt: iso(r.created_at),
  }));
}

export async function toFormulation(
  tx: Scoped,
  episode: EpisodeRow,
  row: FormulationRow | undefined,
  known?: FormulationContent,
): Promise<Formulation> {
  const content = known ?? (row ? await decryptFormulation(tx, row) : EMPTY_FORMULATION);
  return {
    episode: {
      id: episode.id,
      status: episode.status,
      startDate: episode.start_date,
      endingDate: episode.ending_date,
      createdAt: iso(episode.created_at),
    },
    client: { id: episode.client_id, displayName: episode.client_name },
    version: row?.version ?? 0,
    ...content,
    updatedAt: row ? iso(row.updated_at) : null,
    updatedBy: row ? { id: row.updated_by, displayName: row.updated_by_name } : null,
    reviews: await reviewsOf(tx, episode.id),
  };
}
