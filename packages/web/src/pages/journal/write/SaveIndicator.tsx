import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { writeStrings as s } from '../write-strings';
import type { SaveState } from './save-scheduler';

function offline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** What the indicator says for a state. */
export function saveText(state: SaveState): string {
  switch (state.phase) {
    case 'clean':
      return state.exists ? s.save.saved : s.save.new;
    case 'waiting':
    case 'saving':
      return s.save.saving;
    case 'retrying':
      return state.failure === 'network' || offline() ? s.save.offline : s.save.retrying;
    case 'refused':
      return s.save.refused(state.message ?? '');
  }
}

/**
 * Whether the words are safe, always in view. Screen readers are told only what matters (a save
 * that failed, and that all is saved again afterwards), not "Saving… Saved" at every pause in typing.
 */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const [announcement, setAnnouncement] = useState('');
  const troubled = useRef(false);
  const text = saveText(state);

  useEffect(() => {
    if (state.phase === 'retrying' || state.phase === 'refused') {
      troubled.current = true;
      setAnnouncement(text);
    } else if (state.phase === 'clean' && troubled.current) {
      troubled.current = false;
      setAnnouncement(s.save.backSaved);
    }
  }, [state.phase, text]);

  return (
    <div className="jw-save" data-phase={state.phase === 'clean' && !state.exists ? 'new' : state.phase}>
      <p className="jw-save-text">
        <span className="jw-save-dot" aria-hidden="true" />
        {text}
      </p>
      {state.phase === 'refused' ? (
        <Button className="button button-quiet jw-save-retry" onPress={onRetry}>
          {s.save.tryAgain}
        </Button>
      ) : null}
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}
