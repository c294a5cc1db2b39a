/**
 * Remembers that a signed-in session ended under the person (left idle, signed out from another
 * device, or by an administrator), so the sign-in page can say why they are there. Forgotten when
 * the next session starts or the person signs out.
 */
let ended = false;

export function markSessionEnded(): void {
  ended = true;
}

export function sessionEnded(): boolean {
  return ended;
}

export function forgetSessionEnded(): void {
  ended = false;
}
