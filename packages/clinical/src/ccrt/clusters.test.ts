import { describe, expect, it } from 'vitest';
import { STANDARD_CCRT_CLUSTERS, ccrtClustersOf, copyCcrtCategorySet, validateCcrtCategorySet } from './clusters.js';
import type { CcrtResponseCluster } from './clusters.js';

describe('standard CCRT clusters (unverified defaults)', () => {
  it('has eight clusters per component, in the reference order', () => {
    expect(ccrtClustersOf(STANDARD_CCRT_CLUSTERS, 'W').map((c) => c.label)).toEqual([
      'To assert self and be independent',
      'To oppose, hurt and control others',
      'To be controlled, hurt and not responsible',
      'To be distant and avoid conflicts',
      'To be close and accepting',
      'To be loved and understood',
      'To feel good and comfortable',
      'To achieve and help others',
    ]);
    expect(ccrtClustersOf(STANDARD_CCRT_CLUSTERS, 'RO').map((c) => c.label)).toEqual([
      'Strong',
      'Controlling',
      'Upset',
      'Bad',
      'Rejecting and opposing',
      'Helpful',
      'Likes me',
      'Understanding',
    ]);
    expect(ccrtClustersOf(STANDARD_CCRT_CLUSTERS, 'RS').map((c) => c.label)).toEqual([
      'Helpful',
      'Unreceptive',
      'Respected and accepted',
      'Oppose and hurt others',
      'Self-controlled and self-confident',
      'Helpless',
      'Disappointed and depressed',
      'Anxious and ashamed',
    ]);
  });

  it('marks the first five RO clusters negative and the last three positive', () => {
    const ro = ccrtClustersOf(STANDARD_CCRT_CLUSTERS, 'RO') as CcrtResponseCluster[];
    expect(ro.map((c) => c.valence)).toEqual([
      'negative',
      'negative',
      'negative',
      'negative',
      'negative',
      'positive',
      'positive',
      'positive',
    ]);
    const rs = ccrtClustersOf(STANDARD_CCRT_CLUSTERS, 'RS') as CcrtResponseCluster[];
    expect(rs.filter((c) => c.valence === 'positive').map((c) => c.label)).toEqual([
      'Helpful',
      'Respected and accepted',
      'Self-controlled and self-confident',
    ]);
  });

  it('is marked unverified and passes its own validation', () => {
    expect(STANDARD_CCRT_CLUSTERS.unverified).toBe(true);
    expect(validateCcrtCategorySet(STANDARD_CCRT_CLUSTERS)).toEqual({ ok: true, set: STANDARD_CCRT_CLUSTERS });
    expect(new Set(STANDARD_CCRT_CLUSTERS.clusters.map((c) => c.id)).size).toBe(24);
  });
});

describe('a practice’s edited set', () => {
  it('copies the defaults without sharing objects', () => {
    const copy = copyCcrtCategorySet('practice-1', 'Our CCRT clusters');
    expect(copy.basedOn).toBe('ccrt-standard-3');
    expect(copy.unverified).toBe(true);
    expect(copy.clusters).toEqual(STANDARD_CCRT_CLUSTERS.clusters);
    expect(copy.clusters[0]).not.toBe(STANDARD_CCRT_CLUSTERS.clusters[0]);
    const edited = {
      ...copy,
      unverified: false,
      clusters: [...copy.clusters, { id: 'ro-absent', component: 'RO', label: 'Absent', valence: 'negative' }],
    };
    expect(validateCcrtCategorySet(edited).ok).toBe(true);
  });

  it('explains what is wrong, with paths', () => {
    expect(validateCcrtCategorySet(null)).toEqual({ ok: false, errors: ['The set must be an object'] });
    expect(validateCcrtCategorySet({ id: 'x', name: 'X', source: 's', unverified: true, clusters: {} })).toEqual({
      ok: false,
      errors: ['clusters must be a list'],
    });
    expect(
      validateCcrtCategorySet({
        id: '',
        source: 's',
        unverified: 'yes',
        basedOn: 3,
        clusters: [
          { id: 'w1', component: 'W', label: 'Wish', valence: 'positive' },
          { id: 'w1', component: 'W', label: '' },
          { id: 'ro1', component: 'RO', label: 'Kind' },
          { id: 'x', component: 'Q', label: 'Odd' },
          'nope',
          { component: 'RO', label: 'No id', valence: 'neutral' },
        ],
      }),
    ).toEqual({
      ok: false,
      errors: [
        'id must be non-empty text',
        'name must be non-empty text',
        'unverified must be true or false',
        'basedOn must be non-empty text when given',
        'clusters[0].valence must be left out for a wish (W)',
        'clusters[1].id "w1" is used twice',
        'clusters[1].label must be non-empty text',
        'clusters[2].valence must be "positive" or "negative" for RO',
        'clusters[3].component must be W, RO or RS',
        'clusters[4] must be an object',
        'clusters[5].id must be non-empty text',
        'clusters[5].valence must be "positive" or "negative" for RO',
        'there is no RS cluster',
      ],
    });
  });
});
