import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';

/** A checkbox of the main stylesheet, with its box drawn as the other forms draw it. */
export function RecordCheckbox({ value, children }: { value: string; children: ReactNode }) {
  return (
    <Checkbox value={value} className="checkbox">
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 18 18">
          <polyline points="3.5 9.5 7.5 13 14.5 5" />
        </svg>
      </span>
      <span className="record-check-label">{children}</span>
    </Checkbox>
  );
}
