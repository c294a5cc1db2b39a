/**
 * Where to go after signing in: only a path inside this app (never another site, never a
 * protocol-relative `//host` address), and never back to a sign-in page.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/^\/(sign-in|setup)(\/|\?|$)/.test(next)) return fallback;
  return next;
}
