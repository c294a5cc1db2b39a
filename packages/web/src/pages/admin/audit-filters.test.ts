import { describe, expect, it } from 'vitest';
import { auditQuery, filtersFromParams, paramsFromFilters } from './audit-filters';

describe('audit filters', () => {
  it('round-trips through the address, leaving out empty filters', () => {
    const filters = { action: 'auth.sign_in', outcome: 'denied', from: '', to: '2025-11-26' };
    const params = paramsFromFilters(filters);
    expect(params.toString()).toBe('action=auth.sign_in&outcome=denied&to=2025-11-26');
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('asks the API for whole days, including all of the last one', () => {
    const query = new URLSearchParams(
      auditQuery({ action: '', outcome: '', from: '2025-03-01', to: '2025-03-01' }, '812', 50),
    );
    const from = new Date(query.get('from') ?? '');
    const to = new Date(query.get('to') ?? '');
    expect(from.getDate()).toBe(1);
    expect(from.getHours()).toBe(0);
    expect(to.getTime() - from.getTime()).toBeGreaterThanOrEqual(23 * 3600_000);
    expect(query.get('before')).toBe('812');
    expect(query.get('limit')).toBe('50');
  });

  it('ignores dates that are not dates', () => {
    expect(auditQuery({ action: '', outcome: '', from: 'yesterday', to: '' }, null, 20)).toBe('limit=20');
  });
});
