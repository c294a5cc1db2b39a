import { auditStrings } from '../../lib/audit-strings';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { AuditEvent, AuditPage as AuditPageData } from '../../api/types';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { Empty, LoadError, Loading } from '../../components/States';
import { formatDateTime, isoOf } from '../../lib/format';
import { actionLabel, outcomeLabel, outcomeTone, roleLabel, subjectLabel } from '../../lib/labels';
import { strings } from '../../strings';
import { auditQuery, filtersFromParams, paramsFromFilters, type AuditFilters } from './audit-filters';
import { AuditVerifyButton, AuditVerifyResult, useAuditVerify } from './AuditVerify';
import { ActionButton } from '../../components/ActionButton';

const PAGE_SIZE = 50;

const ACTION_OPTIONS = [
  { value: '', label: strings.audit.anyAction },
  ...Object.entries(auditStrings.actionFamilies).map(([value, label]) => ({ value, label })),
  ...Object.entries(auditStrings.actions)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, strings.locale)),
];
const OUTCOME_OPTIONS = [
  { value: '', label: strings.audit.anyOutcome },
  ...['success', 'denied', 'failure'].map((value) => ({ value, label: outcomeLabel(value) })),
];

function DateInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
}) {
  const id = useId();
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="field-input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function EventRow({ event }: { event: AuditEvent }) {
  return (
    <tr>
      <td data-label={strings.audit.when}>
        <time dateTime={isoOf(event.occurredAt)}>{formatDateTime(event.occurredAt)}</time>
      </td>
      <td data-label={strings.audit.who}>
        <span>
          {event.actorName ?? (event.action.startsWith('auth.') ? strings.audit.notSignedIn : strings.audit.system)}
          {event.actorRole && event.actorRole !== 'system' ? (
            <span className="muted"> · {roleLabel(event.actorRole)}</span>
          ) : null}
        </span>
      </td>
      <td data-label={strings.audit.what}>{actionLabel(event.action)}</td>
      <td data-label={strings.audit.subject}>
        {event.subjectName ?? (event.subjectType ? subjectLabel(event.subjectType) : '—')}
      </td>
      <td data-label={strings.audit.result}>
        <Badge tone={outcomeTone(event.outcome)}>{outcomeLabel(event.outcome)}</Badge>
      </td>
      <td data-label={strings.audit.address}>{event.ip ?? '—'}</td>
    </tr>
  );
}

/** The practice's audit log: filter, page back through older entries, and verify the chain. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const applied = filtersFromParams(params);
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const appliedKey = paramsFromFilters(applied).toString();
  const hasFilters = appliedKey !== '';
  // Open at first when filters are in the address; after that the person opens and closes it.
  const [filtersOpenAtFirst] = useState(hasFilters);
  // Back and forward through filtered views keep the form in step with the address.
  useEffect(() => setDraft(filtersFromParams(new URLSearchParams(appliedKey))), [appliedKey]);
  const set = (key: keyof AuditFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  // ISO dates compare as strings; a range that ends before it starts is said at once, not sent.
  const rangeError = draft.from && draft.to && draft.from > draft.to ? strings.audit.rangeBackwards : null;
  const [showRangeError, setShowRangeError] = useState(false);

  const events = useInfiniteQuery({
    queryKey: keys.audit({ ...applied }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api<AuditPageData>(`/api/audit?${auditQuery(applied, pageParam, PAGE_SIZE)}`),
    getNextPageParam: (last) =>
      last.nextBefore === null || last.nextBefore === undefined ? undefined : String(last.nextBefore),
  });
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  const verify = useAuditVerify();

  return (
    <Page title={strings.audit.title} lead={strings.audit.lead} actions={<AuditVerifyButton verify={verify} />}>
      <AuditVerifyResult verify={verify} />
      <details className="filters-panel card" open={filtersOpenAtFirst}>
        <summary>{hasFilters ? strings.audit.filtersActive : strings.audit.filtersHeading}</summary>
        <Form
          className="filters"
          aria-label={strings.audit.filtersHeading}
          onSubmit={(e) => {
            e.preventDefault();
            if (rangeError) {
              setShowRangeError(true);
              return;
            }
            setShowRangeError(false);
            setParams(paramsFromFilters(draft));
          }}
        >
          <SelectField
            label={strings.audit.action}
            name="action"
            value={draft.action}
            onChange={set('action')}
            options={ACTION_OPTIONS}
          />
          <SelectField
            label={strings.audit.outcome}
            name="outcome"
            value={draft.outcome}
            onChange={set('outcome')}
            options={OUTCOME_OPTIONS}
          />
          <DateInput label={strings.audit.from} value={draft.from} onChange={set('from')} />
          <DateInput
            label={strings.audit.to}
            value={draft.to}
            onChange={set('to')}
            error={showRangeError ? rangeError : null}
          />
          <div className="button-row filters-buttons">
            <Button type="submit" className="button button-primary">
              {strings.audit.apply}
            </Button>
            <Button
              className="button button-quiet"
              onPress={() => {
                const empty = { action: '', outcome: '', from: '', to: '' };
                setDraft(empty);
                setParams(paramsFromFilters(empty));
              }}
            >
              {strings.audit.clear}
            </Button>
          </div>
        </Form>
      </details>
      {events.isPending ? <Loading /> : null}
      {events.isError && rows.length === 0 ? (
        <LoadError error={events.error} onRetry={() => void events.refetch()} />
      ) : null}
      {events.isSuccess && rows.length === 0 ? <Empty>{strings.audit.empty}</Empty> : null}
      {rows.length > 0 ? (
        <>
          <table className="table table-stack">
            <caption className="visually-hidden">{strings.audit.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.audit.when}</th>
                <th scope="col">{strings.audit.who}</th>
                <th scope="col">{strings.audit.what}</th>
                <th scope="col">{strings.audit.subject}</th>
                <th scope="col">{strings.audit.result}</th>
                <th scope="col">{strings.audit.address}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((event) => (
                <EventRow key={String(event.id)} event={event} />
              ))}
            </tbody>
          </table>
          <div className="stack-small">
            {events.isFetchNextPageError ? <LoadError error={events.error} /> : null}
            {events.hasNextPage ? (
              <ActionButton
                className="button button-secondary"
                onPress={() => void events.fetchNextPage()}
                isPending={events.isFetchingNextPage}
              >
                {strings.audit.older}
              </ActionButton>
            ) : (
              <p className="muted">{strings.audit.noMore}</p>
            )}
          </div>
        </>
      ) : null}
    </Page>
  );
}
