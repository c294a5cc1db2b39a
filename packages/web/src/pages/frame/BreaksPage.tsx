import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useAddBreak, useBankHolidays, useBreaks, useImportBankHolidays, useRemoveBreak } from '../../api/frame';
import type { Break } from '../../api/frame-types';
import { hasRole, useCurrentUser } from '../../app/current-user';
import { ActionButton } from '../../components/ActionButton';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { addDaysIso, formatIsoDate, readerZone, todayIn } from '../../lib/frame-format';
import { CheckMark, ISO_DATE, InputField, RadioField, useChecks, type Errors } from './fields';
import { frameStrings as t } from './frame-strings';
import { useFocusRescue } from '../../components/use-focus-rescue';

function BreakItem({
  item,
  own,
  canRemove,
  onChange,
}: {
  item: Break;
  own: boolean;
  canRemove: boolean;
  onChange: (message: string) => void;
}) {
  const remove = useRemoveBreak(item.id);
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          {item.title}{' '}
          {own ? null : (
            <Badge tone={item.kind === 'therapist' ? 'info' : 'neutral'}>
              {item.kind === 'therapist' && item.therapistName
                ? t.breaks.by(item.therapistName)
                : t.breaks.kind[item.kind]}
            </Badge>
          )}
        </p>
        <p className="item-meta">{t.breaks.dates(formatIsoDate(item.startsOn), formatIsoDate(item.endsOn))}</p>
      </div>
      {canRemove ? (
        <div className="item-actions">
          <ConfirmDialog
            trigger={
              <Button className="button button-quiet" aria-label={t.breaks.removeLabel(item.title)}>
                {t.breaks.remove}
              </Button>
            }
            title={t.breaks.removeTitle(item.title)}
            body={<p>{t.breaks.removeBody}</p>}
            confirmLabel={t.breaks.remove}
            pending={remove.isPending}
            error={remove.error}
            onConfirm={(close) =>
              remove.mutate(undefined, {
                onSuccess: (result) => {
                  close();
                  onChange(t.breaks.removed(result.restoredSessions, result.notRestoredSessions));
                },
              })
            }
          />
        </div>
      ) : null}
    </li>
  );
}

function BreakList({
  heading,
  id,
  items,
  today,
  canRemove,
  onChange,
  own = false,
}: {
  heading: string;
  id: string;
  items: Break[];
  own?: boolean;
  today: string;
  canRemove: (item: Break) => boolean;
  onChange: (message: string) => void;
}) {
  const upcoming = items.filter((b) => b.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const past = items.filter((b) => b.endsOn < today).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const list = (group: Break[], label: string) => (
    <ul className="item-list" aria-label={`${heading}: ${label}`}>
      {group.map((item) => (
        <BreakItem
          key={item.id}
          item={item}
          own={own}
          canRemove={canRemove(item) && item.endsOn >= today}
          onChange={onChange}
        />
      ))}
    </ul>
  );
  return (
    <section className="stack-small" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {items.length === 0 ? <Empty>{t.breaks.empty}</Empty> : null}
      {upcoming.length > 0 ? list(upcoming, t.breaks.upcoming) : null}
      {past.length > 0 ? (
        <details className="summary-details">
          <summary>
            {t.breaks.past} ({past.length})
          </summary>
          {list(past, t.breaks.past)}
        </details>
      ) : null}
    </section>
  );
}

interface Draft {
  title: string;
  startsOn: string;
  endsOn: string;
  scope: 'own' | 'practice';
}

function AddBreakForm({
  scopes,
  onDone,
}: {
  scopes: readonly ('own' | 'practice')[];
  onDone: (message: string) => void;
}) {
  const empty: Draft = { title: '', startsOn: '', endsOn: '', scope: scopes[0] ?? 'own' };
  const [draft, setDraft] = useState<Draft>(empty);
  const add = useAddBreak();
  const { errors, form, submit, reset } = useChecks(
    draft,
    (d): Errors => {
      const found: Errors = {};
      if (!d.title.trim()) found.title = t.breaks.titleEmpty;
      if (!ISO_DATE.test(d.startsOn)) found.startsOn = t.fields.dateInvalid;
      if (!ISO_DATE.test(d.endsOn)) found.endsOn = t.fields.dateInvalid;
      else if (ISO_DATE.test(d.startsOn) && d.endsOn < d.startsOn) found.endsOn = t.breaks.endsBefore;
      return found;
    },
    { error: add.error },
  );
  return (
    <form
      ref={form}
      className="form card"
      noValidate
      aria-labelledby="add-break-heading"
      onSubmit={(event) =>
        submit(event, () =>
          add.mutate(
            { title: draft.title.trim(), startsOn: draft.startsOn, endsOn: draft.endsOn, scope: draft.scope },
            {
              onSuccess: (created) => {
                setDraft(empty);
                reset();
                onDone(t.breaks.added(created.cancelledSessions ?? 0));
              },
            },
          ),
        )
      }
    >
      <h2 id="add-break-heading">{t.breaks.formHeading}</h2>
      <InputField
        label={t.breaks.titleField}
        name="title"
        hint={t.breaks.titleHint}
        maxLength={120}
        value={draft.title}
        onChange={(title) => setDraft((d) => ({ ...d, title }))}
        error={errors.title}
      />
      <div className="form-row">
        <InputField
          label={t.breaks.startsOn}
          name="startsOn"
          type="date"
          value={draft.startsOn}
          onChange={(startsOn) => setDraft((d) => ({ ...d, startsOn, endsOn: d.endsOn || startsOn }))}
          error={errors.startsOn}
        />
        <InputField
          label={t.breaks.endsOn}
          name="endsOn"
          type="date"
          min={draft.startsOn || undefined}
          value={draft.endsOn}
          onChange={(endsOn) => setDraft((d) => ({ ...d, endsOn }))}
          error={errors.endsOn}
        />
      </div>
      {scopes.length > 1 ? (
        <RadioField
          label={t.breaks.scope}
          name="scope"
          value={draft.scope}
          onChange={(scope) => setDraft((d) => ({ ...d, scope }))}
          options={scopes.map((scope) => ({
            value: scope,
            label: scope === 'own' ? t.breaks.scopeOwn : t.breaks.scopePractice,
          }))}
        />
      ) : scopes[0] === 'practice' ? (
        <p className="field-hint">{t.breaks.practiceOnly}</p>
      ) : null}
      <FormStatus pending={add.isPending} error={add.error} />
      <ActionButton type="submit" className="button button-primary" isPending={add.isPending}>
        {t.breaks.submit}
      </ActionButton>
    </form>
  );
}

function BankHolidays({ onDone }: { onDone: (message: string) => void }) {
  const holidays = useBankHolidays(true);
  const importHolidays = useImportBankHolidays();
  const [chosen, setChosen] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const importedDates = new Set((holidays.data?.imported ?? []).map((b) => b.startsOn));
  const today = todayIn(readerZone());
  const available = (holidays.data?.available ?? []).filter((h) => !importedDates.has(h.date) && h.date >= today);
  const error = tried && chosen.length === 0 ? t.breaks.holidaysChooseOne : null;
  return (
    <section className="card stack-small" aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">{t.breaks.holidaysHeading}</h2>
      <p className="field-hint">{t.breaks.holidaysLead}</p>
      <QueryStatus query={holidays} />
      {holidays.data && available.length === 0 ? <Empty>{t.breaks.holidaysEmpty}</Empty> : null}
      {available.length > 0 ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (chosen.length === 0) return;
            importHolidays.mutate(
              { dates: chosen },
              {
                onSuccess: (result) => {
                  setChosen([]);
                  setTried(false);
                  onDone(t.breaks.holidaysImported(result.added, result.cancelledSessions));
                },
              },
            );
          }}
        >
          <CheckboxGroup
            className="checkbox-group holiday-list"
            value={chosen}
            onChange={setChosen}
            isInvalid={!!error}
          >
            <Label className="field-label">{t.breaks.holidaysLegend}</Label>
            {available.map((h) => (
              <Checkbox key={h.date} value={h.date} className="checkbox">
                <CheckMark />
                {h.title}, {formatIsoDate(h.date)}
              </Checkbox>
            ))}
            {error ? <p className="field-error">{error}</p> : null}
          </CheckboxGroup>
          <FormStatus pending={importHolidays.isPending} error={importHolidays.error} />
          <div className="button-row">
            <ActionButton type="submit" className="button button-primary" isPending={importHolidays.isPending}>
              {t.breaks.holidaysImport}
            </ActionButton>
            <Button className="button button-quiet" onPress={() => setChosen(available.map((h) => h.date))}>
              {t.breaks.holidaysSelectAll}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** Breaks: a therapist's own, and for an administrator the practice's breaks and bank holidays. */
export function BreaksPage() {
  const me = useCurrentUser();
  const therapist = hasRole(me, 'therapist');
  const admin = hasRole(me, 'admin');
  const today = todayIn(readerZone());
  const breaks = useBreaks(addDaysIso(today, -365), addDaysIso(today, 730));
  const [message, setMessage] = useState<string | null>(null);
  const { rescue } = useFocusRescue();
  const changed = (m: string) => {
    setMessage(m);
    rescue();
  };
  const all = breaks.data ?? [];
  const own = all.filter((b) => b.kind === 'therapist' && b.therapistId === me.user.id);
  const practice = all.filter((b) => b.kind !== 'therapist');
  const others = all.filter((b) => b.kind === 'therapist' && b.therapistId !== me.user.id);
  const scopes: ('own' | 'practice')[] = [
    ...(therapist ? (['own'] as const) : []),
    ...(admin ? (['practice'] as const) : []),
  ];
  const shared = { today, onChange: changed };

  return (
    <Page title={t.breaks.title} lead={t.breaks.lead}>
      <div className="stack">
        <AddBreakForm scopes={scopes} onDone={setMessage} />
        <FormStatus success={message} />
        <QueryStatus query={breaks} />
        {breaks.data ? (
          <>
            {therapist ? (
              <BreakList
                heading={t.breaks.ownHeading}
                id="own-breaks"
                items={own}
                own
                canRemove={() => true}
                {...shared}
              />
            ) : null}
            <BreakList
              heading={t.breaks.practiceHeading}
              id="practice-breaks"
              items={practice}
              canRemove={() => admin}
              {...shared}
            />
            {admin && others.length > 0 ? (
              <BreakList
                heading={t.breaks.otherHeading}
                id="other-breaks"
                items={others}
                canRemove={() => admin}
                {...shared}
              />
            ) : null}
          </>
        ) : null}
        {admin ? <BankHolidays onDone={setMessage} /> : null}
      </div>
    </Page>
  );
}
