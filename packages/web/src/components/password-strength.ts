import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { PasswordStrength } from '../api/types';
import { useDebouncedValue } from '../lib/use-debounced-value';

export interface StrengthContext {
  email?: string;
  displayName?: string;
}

interface Checked {
  key: string;
  result: PasswordStrength | null;
  failed: boolean;
}

const looksLikeEmail = (value: string | undefined) => !!value && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * Asks the server how strong a password is, once typing pauses; the server’s policy is the one
 * that decides, so the meter and the final check always agree.
 */
export function usePasswordStrength(password: string, context: StrengthContext, delayMs = 350) {
  const email = looksLikeEmail(context.email) ? context.email : undefined;
  const displayName = context.displayName?.trim() || undefined;
  const key = JSON.stringify([password, email, displayName]);
  const settledKey = useDebouncedValue(key, delayMs);
  const [checked, setChecked] = useState<Checked | null>(null);

  useEffect(() => {
    const [pw, mail, name] = JSON.parse(settledKey) as [string, string | undefined, string | undefined];
    if (!pw) return;
    const controller = new AbortController();
    api<PasswordStrength>('/api/auth/password-strength', {
      method: 'POST',
      body: { password: pw, ...(mail ? { email: mail } : {}), ...(name ? { displayName: name } : {}) },
      signal: controller.signal,
    })
      .then((result) => setChecked({ key: settledKey, result, failed: false }))
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setChecked({ key: settledKey, result: null, failed: true });
      });
    return () => controller.abort();
  }, [settledKey]);

  const current = checked?.key === key ? checked : null;
  return {
    /** The answer for exactly what is typed now, or null while it is being checked. */
    result: current?.result ?? null,
    /** The most recent answer, shown (dimmed) while a newer one is on its way. */
    latest: password ? (checked?.result ?? null) : null,
    failed: current?.failed ?? false,
    checking: password !== '' && current === null,
  };
}
