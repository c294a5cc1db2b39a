/** The audit log's filters, kept in the address so a filtered view can be reloaded or shared. */
export interface AuditFilters {
  action: string;
  outcome: string;
  /** YYYY-MM-DD, in the reader's time zone. */
  from: string;
  to: string;
}

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  return {
    action: params.get('action') ?? '',
    outcome: params.get('outcome') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

export function paramsFromFilters(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The API query for one page of events: whole days become instants, `to` includes its whole day. */
export function auditQuery(filters: AuditFilters, before: string | null, limit: number): string {
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  if (filters.outcome) params.set('outcome', filters.outcome);
  if (DAY.test(filters.from)) params.set('from', new Date(`${filters.from}T00:00:00`).toISOString());
  if (DAY.test(filters.to)) {
    const end = new Date(`${filters.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    params.set('to', end.toISOString());
  }
  if (before) params.set('before', before);
  params.set('limit', String(limit));
  return params.toString();
}
