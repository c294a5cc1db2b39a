import { inTurn, iso } from '../../journal/entry-record.js';
import { loadCcrtCategories } from '../../formulation/ccrt-category-record.js';
import { decryptFormulation, reviewsOf, type FormulationRow } from '../../formulation/formulation-record.js';
import type { PdfBlock } from '../../../pdf/pdf-document.js';
import { packSection } from '../pack-section.js';

/**
 * The case formulation of each of the client's episodes (the therapist's current version) and its
 * dated reviews. CCRT clusters are printed by their labels in the practice's category set; a cluster
 * the practice has since removed keeps its id.
 */
type Component = 'W' | 'RO' | 'RS';
export interface FormulationData {
  formulations: {
    episodeStatus: string;
    episodeStart: string | null;
    updatedAt: string;
    updatedBy: string;
    presentingDifficulties: string;
    history: string;
    attachmentDevelopment: string;
    goals: { text: string; status: string }[];
    relationshipPattern: Record<Component, { clusters: string[]; words: string }>;
    reviews: { reviewedOn: string; author: string; text: string }[];
  }[];
}

const COMPONENT_TITLES: Record<Component, string> = {
  W: 'What you wish for (W)',
  RO: 'How you expect or find others respond (RO)',
  RS: 'How you respond (RS)',
};

export const caseFormulationSection = packSection<FormulationData>({
  key: 'case_formulation',
  title: 'Your therapist’s case formulation',
  async assemble(tx, scope) {
    const categories = await loadCcrtCategories(tx);
    const label = (id: string) => categories.clusters.find((c) => c.id === id)?.label ?? id;
    const episodes = await tx.query<{ id: string; status: string; start_date: string | null }>(
      `SELECT e.id, e.status, to_char(e.start_date, 'YYYY-MM-DD') AS start_date
         FROM episodes e WHERE e.client_id = $1 ORDER BY e.created_at, e.id`,
      [scope.clientId],
    );
    const formulations = await inTurn(episodes.rows, async (episode) => {
      const found = await tx.query<FormulationRow>(
        `SELECT f.id, f.version, f.content_enc, f.ccrt_clusters, f.updated_at, f.updated_by, u.display_name AS updated_by_name
           FROM formulations f JOIN users u ON u.id = f.updated_by WHERE f.episode_id = $1`,
        [episode.id],
      );
      const reviews = await reviewsOf(tx, episode.id);
      const row = found.rows[0];
      if (!row && reviews.length === 0) return undefined;
      const content = row ? await decryptFormulation(tx, row) : undefined;
      const part = (c: Component) => ({
        clusters: (content?.ccrt[c].clusterIds ?? []).map(label),
        words: content?.ccrt[c].words ?? '',
      });
      return {
        episodeStatus: episode.status,
        episodeStart: episode.start_date,
        updatedAt: row ? iso(row.updated_at) : (reviews[0]?.createdAt ?? ''),
        updatedBy: row?.updated_by_name ?? '',
        presentingDifficulties: content?.presentingDifficulties ?? '',
        history: content?.history ?? '',
        attachmentDevelopment: content?.attachmentDevelopment ?? '',
        goals: (content?.goals ?? []).map((g) => ({ text: g.text, status: g.status.replace(/_/g, ' ') })),
        relationshipPattern: { W: part('W'), RO: part('RO'), RS: part('RS') },
        reviews: [...reviews]
          .reverse()
          .map((r) => ({ reviewedOn: r.reviewedOn, author: r.author.displayName, text: r.text })),
      };
    });
    return { formulations: formulations.filter((f) => f !== undefined) };
  },
  toPdf(data, print) {
    if (data.formulations.length === 0) return [{ kind: 'paragraph', text: 'No case formulation has been written.' }];
    const text = (title: string, body: string): PdfBlock[] =>
      body.trim() === ''
        ? []
        : [
            { kind: 'heading', level: 3, text: title },
            { kind: 'paragraph', text: body },
          ];
    return data.formulations.flatMap((f): PdfBlock[] => [
      {
        kind: 'heading',
        level: 2,
        text: `Episode ${f.episodeStart ? `from ${print.date(f.episodeStart)}` : '(not yet agreed)'}`,
      },
      { kind: 'meta', text: `Last changed ${print.dateTime(f.updatedAt)}${f.updatedBy ? ` by ${f.updatedBy}` : ''}` },
      ...text('Presenting difficulties', f.presentingDifficulties),
      ...text('History', f.history),
      ...text('Attachment and development', f.attachmentDevelopment),
      ...(['W', 'RO', 'RS'] as const).flatMap((c) => {
        const p = f.relationshipPattern[c];
        const parts = [p.clusters.join('; '), p.words].filter((s) => s.trim() !== '');
        return parts.length === 0 ? [] : text(COMPONENT_TITLES[c], parts.join('\n'));
      }),
      ...(f.goals.length === 0
        ? []
        : [
            { kind: 'heading' as const, level: 3 as const, text: 'Goals' },
            ...f.goals.map((g) => ({ kind: 'paragraph' as const, text: `${g.text} (${g.status})` })),
          ]),
      ...f.reviews.flatMap((r): PdfBlock[] => [
        { kind: 'heading', level: 3, text: `Review, ${print.date(r.reviewedOn)}` },
        { kind: 'meta', text: r.author },
        { kind: 'paragraph', text: r.text },
      ]),
    ]);
  },
});
