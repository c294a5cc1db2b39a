import { useEffect, useRef } from 'react';

/**
 * After a change that takes its own button off the page (a session moved, a break removed, a
 * request answered), keyboard focus would fall back to the top of the document. `rescue()` says a
 * change is on its way; when the section next renders and focus has been lost, it goes to `target`
 * (a heading with tabIndex -1; else the page's heading), so keyboard and screen-reader users stay
 * where they were.
 */
export function useFocusRescue<T extends HTMLElement>() {
  const target = useRef<T>(null);
  const pending = useRef(0);
  useEffect(() => {
    if (!pending.current) return;
    if (Date.now() > pending.current) {
      pending.current = 0;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) {
      (target.current ?? document.querySelector<HTMLElement>('main h1'))?.focus();
      pending.current = 0;
    }
  });
  return {
    target,
    /** Call when the change has succeeded; watches for lost focus for the next few seconds. */
    rescue: () => {
      pending.current = Date.now() + 5000;
    },
  };
}
