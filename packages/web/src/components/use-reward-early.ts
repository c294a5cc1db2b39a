import { useEffect, type RefObject } from 'react';

/**
 * Once a field shows an error, re-check it as the person types, so the message goes away as soon
 * as they have put it right (“reward early”). React Aria otherwise updates the message only when
 * the field loses focus; the message then disappears as the person presses the submit button, the
 * button moves up under the pointer, and the press is lost — the form seems to do nothing.
 *
 * React Aria re-checks a field on its native `change` event, so that is what this sends, after
 * React has rendered the new value.
 */
export function useRewardEarly(ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>): void {
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    let timer: number | undefined;
    const onInput = () => {
      if (input.getAttribute('aria-invalid') !== 'true') return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => input.dispatchEvent(new Event('change')), 0);
    };
    input.addEventListener('input', onInput);
    return () => {
      window.clearTimeout(timer);
      input.removeEventListener('input', onInput);
    };
  }, [ref]);
}
