/**
 * Free association: first, if the person wants, a timer; then a quiet writing space over the whole
 * screen — one large text area, the time and word count in small type, whether it is saved, and
 * Finish. No formatting, no prompts. The rest of the app is made inert underneath, so neither the
 * keyboard nor a screen reader wanders into it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router';
import type { EntryContent } from '../../../api/journal-types';
import { ActionButton } from '../../../components/ActionButton';
import { Page } from '../../../components/Page';
import { strings } from '../../../strings';
import { writeStrings as s } from '../write-strings';
import { ConflictNotice } from './ConflictNotice';
import type { Draft, TimerChoice } from './draft';
import { StuckMessage, useEntryEditor, useFinish, type EditorProps } from './EditorFrame';
import { wordCount } from './entry-length';
import { LeaveGuard } from './LeaveGuard';
import { LengthNotice } from './LengthNotice';
import { SaveIndicator } from './SaveIndicator';
import { minutesLeft, WritingClock } from './writing-time';
import { WritingField } from './WritingField';

const TIMERS: TimerChoice[] = [null, 5, 10, 20];
const WRITING_OPEN_CLASS = 'jw-writing-open';

function TimerChoicePage({ onStart }: { onStart: (timer: TimerChoice) => void }) {
  const id = useId();
  const [timer, setTimer] = useState<TimerChoice>(null);
  return (
    <Page title={s.free.title} lead={s.free.lead} narrow>
      <form
        className="form jw-form"
        onSubmit={(event) => {
          event.preventDefault();
          onStart(timer);
        }}
      >
        <fieldset className="fieldset" aria-describedby={`${id}-hint`}>
          <legend className="field-label">{s.free.timerLegend}</legend>
          <p className="field-hint" id={`${id}-hint`}>
            {s.free.timerHint}
          </p>
          <div className="jw-timer-options">
            {TIMERS.map((minutes) => (
              <label key={minutes ?? 'none'} className="jw-check">
                <input
                  type="radio"
                  name={`${id}-timer`}
                  value={minutes ?? ''}
                  checked={timer === minutes}
                  onChange={() => setTimer(minutes)}
                />
                <span>{minutes === null ? s.free.noTimer : s.free.minutes(minutes)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {s.free.start}
          </button>
          <Link to="/journal" className="quiet-link">
            {s.backToJournal}
          </Link>
        </div>
      </form>
    </Page>
  );
}

/** Hides the app behind the writing space for as long as it is open. */
function useWritingSpaceOpen() {
  useEffect(() => {
    const root = document.getElementById('root');
    const title = document.title;
    root?.setAttribute('inert', '');
    document.documentElement.classList.add(WRITING_OPEN_CLASS);
    document.title = `${s.free.title} · ${strings.titleSuffix}`;
    return () => {
      root?.removeAttribute('inert');
      document.documentElement.classList.remove(WRITING_OPEN_CLASS);
      document.title = title;
    };
  }, []);
}

interface WritingSpaceProps {
  props: EditorProps;
  startedAt: number;
  /** The timer chosen just now (a timer is not restarted when an entry is opened again). */
  timer: TimerChoice;
}

function WritingSpace({ props, startedAt, timer }: WritingSpaceProps) {
  const headingId = useId();
  const [clock] = useState(() => new WritingClock(props.initial.secondsSpent));
  const sentSeconds = useRef(props.initial.secondsSpent);
  const [left, setLeft] = useState(() => (timer ? minutesLeft(startedAt, timer, Date.now()) : null));
  const editor = useEntryEditor(props, (draft: Draft): EntryContent => {
    sentSeconds.current = clock.seconds();
    return { ...draft, secondsSpent: sentSeconds.current };
  });
  const { draft, update, autosave } = editor;
  const done = useFinish(autosave);
  useWritingSpaceOpen();

  useEffect(() => {
    const tick = window.setInterval(() => {
      const now = Date.now();
      clock.tick(now, document.visibilityState === 'visible');
      if (timer) setLeft(minutesLeft(startedAt, timer, now));
    }, 1000);
    return () => window.clearInterval(tick);
  }, [clock, timer, startedAt]);

  const finish = () => {
    // The time spent is sent with the words; record the last of it, if there is an entry to record it on.
    const written = autosave.state.exists || draft.body !== '';
    if (written && clock.seconds() !== sentSeconds.current) autosave.changed();
    void done.finish();
  };

  const words = wordCount(draft.body);
  const timeUp = timer !== null && left === 0;

  return createPortal(
    <>
      <div
        className="jw-free"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !event.nativeEvent.isComposing && !event.defaultPrevented) {
            event.preventDefault();
            finish();
          }
        }}
      >
        <div className="jw-free-bar">
          <h1 id={headingId} className="visually-hidden">
            {s.free.title}
          </h1>
          <p className="jw-free-facts">
            {timer && !timeUp && left !== null ? <span>{s.free.minutesLeft(left)}</span> : null}
            <span>{s.free.words(words)}</span>
          </p>
          <SaveIndicator state={autosave.state} onRetry={autosave.retryNow} />
          <div className="jw-free-actions">
            <Link to="/help" className="jw-free-help">
              {s.free.needHelp}
            </Link>
            <ActionButton
              className="button button-secondary"
              isPending={done.finishing}
              onPress={finish}
              aria-describedby={`${headingId}-finish`}
            >
              {s.free.finish}
            </ActionButton>
            <span id={`${headingId}-finish`} className="visually-hidden">
              {s.free.finishHint}
            </span>
          </div>
        </div>
        <p className="jw-free-note" role="status">
          {timeUp ? s.free.timeUp : ''}
        </p>
        <div className="jw-free-notices">
          {autosave.conflict ? <ConflictNotice otherId={autosave.conflict.otherId} /> : null}
          <LengthNotice length={editor.length} />
          <StuckMessage show={done.stuck} state={autosave.state} />
        </div>
        <WritingField
          main
          visuallyHiddenLabel
          className="jw-free-field"
          label={s.free.label}
          value={draft.body}
          onChange={(body) => {
            clock.typed(Date.now());
            update({ body });
          }}
          onBlur={autosave.flush}
          autoFocus
        />
      </div>
      {/* Outside the writing space, so Escape in the question does not also mean "Finish". */}
      <LeaveGuard
        unsaved={autosave.state.unsaved}
        isUnsaved={() => autosave.current().unsaved}
        isAllowed={props.isNavigationAllowed}
      />
    </>,
    document.body,
  );
}

/** `kind` free_association: choose a timer (new entries only), then write. */
export function FreeAssociationWriter(props: EditorProps) {
  const fresh = props.version === 0 && props.initial.body === '';
  const [started, setStarted] = useState<{ at: number; timer: TimerChoice } | null>(() =>
    fresh ? null : { at: Date.now(), timer: null },
  );
  if (!started) return <TimerChoicePage onStart={(timer) => setStarted({ at: Date.now(), timer })} />;
  const initial = started.timer ? { ...props.initial, timerMinutes: started.timer } : props.initial;
  return <WritingSpace props={{ ...props, initial }} startedAt={started.at} timer={started.timer} />;
}
