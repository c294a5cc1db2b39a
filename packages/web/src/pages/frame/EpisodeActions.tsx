import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useEndEpisode, usePauseEpisode, useSetEnding } from '../../api/frame';
import type { Episode } from '../../api/frame-types';
import { addDaysIso, todayIn } from '../../lib/frame-format';
import { ISO_DATE, InputField, TextAreaField, useChecks, type Errors } from './fields';
import { FormDialog } from './FormDialog';
import { frameStrings as t } from './frame-strings';

/** Setting (or changing) the ending date: both sides then see how many sessions remain. */
export function SetEndingDialog({ episode, onDone }: { episode: Episode; onDone: (message: string) => void }) {
  const today = todayIn(episode.timeZone);
  const [date, setDate] = useState(episode.endingDate ?? '');
  const ending = useSetEnding(episode.id);
  const { errors, form, submit, reset } = useChecks(
    date,
    (d): Errors => (ISO_DATE.test(d) ? {} : { endingDate: t.ending.dateEmpty }),
    { error: ending.error },
  );
  const label = episode.endingDate ? t.ending.change : t.ending.set;
  return (
    <FormDialog
      trigger={<Button className="button button-secondary">{label}</Button>}
      title={t.ending.title}
      submitLabel={t.ending.submit}
      pending={ending.isPending}
      error={ending.error}
      formRef={form}
      onOpenChange={(open) => {
        if (!open) return;
        setDate(episode.endingDate ?? '');
        reset();
        ending.reset();
      }}
      onSubmit={(event, close) =>
        submit(event, () =>
          ending.mutate(
            { endingDate: date },
            {
              onSuccess: (updated) => {
                close();
                onDone(t.ending.saved(updated.sessionsRemaining));
              },
            },
          ),
        )
      }
    >
      <p>{t.ending.lead}</p>
      <InputField
        label={t.ending.date}
        name="endingDate"
        type="date"
        min={today}
        value={date}
        onChange={setDate}
        error={errors.endingDate}
      />
    </FormDialog>
  );
}

interface EndDraft {
  closingSummary: string;
  followUpDate: string;
}

/** Ending the work: a closing summary is required, and a follow-up is proposed three months on. */
export function EndEpisodeDialog({ episode, onDone }: { episode: Episode; onDone: (message: string) => void }) {
  const proposed = () => addDaysIso(episode.endingDate ?? todayIn(episode.timeZone), 91);
  const [draft, setDraft] = useState<EndDraft>(() => ({ closingSummary: '', followUpDate: proposed() }));
  const end = useEndEpisode(episode.id);
  const { errors, form, submit, reset } = useChecks(
    draft,
    (d): Errors => {
      const found: Errors = {};
      if (!d.closingSummary.trim()) found.closingSummary = t.end.summaryEmpty;
      if (d.followUpDate && !ISO_DATE.test(d.followUpDate)) found.followUpDate = t.fields.dateInvalid;
      return found;
    },
    { error: end.error },
  );
  return (
    <FormDialog
      trigger={<Button className="button button-quiet">{t.end.button}</Button>}
      title={t.end.title}
      submitLabel={t.end.submit}
      tone="danger"
      pending={end.isPending}
      error={end.error}
      formRef={form}
      onOpenChange={(open) => {
        if (!open) return;
        // The summary typed so far is kept if the dialog is closed and opened again.
        setDraft((d) => ({ ...d, followUpDate: d.followUpDate || proposed() }));
        reset();
        end.reset();
      }}
      onSubmit={(event, close) =>
        submit(event, () =>
          end.mutate(
            {
              closingSummary: draft.closingSummary.trim(),
              ...(draft.followUpDate ? { followUpDate: draft.followUpDate } : {}),
            },
            {
              onSuccess: () => {
                close();
                onDone(t.end.ended);
              },
            },
          ),
        )
      }
    >
      <p>{t.end.lead}</p>
      <TextAreaField
        label={t.end.summary}
        name="closingSummary"
        hint={t.end.summaryHint}
        rows={6}
        value={draft.closingSummary}
        onChange={(closingSummary) => setDraft((d) => ({ ...d, closingSummary }))}
        error={errors.closingSummary}
      />
      <InputField
        label={t.end.followUp}
        name="followUpDate"
        type="date"
        optional
        hint={t.end.followUpHint}
        value={draft.followUpDate}
        onChange={(followUpDate) => setDraft((d) => ({ ...d, followUpDate }))}
        error={errors.followUpDate}
      />
    </FormDialog>
  );
}

/** Pausing the work (sessions cancelled without charge) or resuming it on the agreed days and times. */
export function PauseDialog({ episode, onDone }: { episode: Episode; onDone: (message: string) => void }) {
  const action = episode.status === 'paused' ? 'resume' : 'pause';
  const [from, setFrom] = useState(() => todayIn(episode.timeZone));
  const change = usePauseEpisode(episode.id);
  const { errors, form, submit, reset } = useChecks(
    from,
    (d): Errors => (ISO_DATE.test(d) ? {} : { from: t.pause.fromEmpty }),
    { error: change.error },
  );
  return (
    <FormDialog
      trigger={
        <Button className="button button-secondary">{action === 'pause' ? t.pause.pause : t.pause.resume}</Button>
      }
      title={action === 'pause' ? t.pause.pauseTitle : t.pause.resumeTitle}
      submitLabel={action === 'pause' ? t.pause.pause : t.pause.resume}
      pending={change.isPending}
      error={change.error}
      formRef={form}
      onOpenChange={(open) => {
        if (!open) return;
        setFrom(todayIn(episode.timeZone));
        reset();
        change.reset();
      }}
      onSubmit={(event, close) =>
        submit(event, () =>
          change.mutate(
            { action, from },
            {
              onSuccess: () => {
                close();
                onDone(action === 'pause' ? t.pause.paused : t.pause.resumed);
              },
            },
          ),
        )
      }
    >
      <p>{action === 'pause' ? t.pause.pauseLead : t.pause.resumeLead}</p>
      <InputField label={t.pause.from} name="from" type="date" value={from} onChange={setFrom} error={errors.from} />
    </FormDialog>
  );
}
