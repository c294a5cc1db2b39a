import { useSyncExternalStore } from 'react';

/**
 * What the server answered after the client saved words or answers that matched a safeguarding
 * trigger. The client shell shows the help panel at once; it never waits for a therapist.
 */
export interface HelpSignal {
  showHelp: boolean;
  therapistAlerted: boolean;
  inviteToTell: boolean;
}

let current: HelpSignal | null = null;
const listeners = new Set<() => void>();

export function announceHelp(signal: HelpSignal | null | undefined): void {
  if (!signal?.showHelp) return;
  // A later save with the same answer keeps the panel as it is (no flicker while someone writes).
  if (current && current.therapistAlerted === signal.therapistAlerted && current.inviteToTell === signal.inviteToTell) {
    return;
  }
  current = signal;
  for (const listener of listeners) listener();
}

export function dismissHelp(): void {
  current = null;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHelpSignal(): HelpSignal | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
