import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { useCurrentUser } from '../../app/current-user';
import { strings } from '../../strings';

/** Recovery codes, shown once: copy, download, and a confirmation that they are saved before moving on. */
export function RecoveryCodesPanel({
  codes,
  doneLabel,
  onDone,
}: {
  codes: string[];
  doneLabel: string;
  onDone: () => void;
}) {
  const me = useCurrentUser();
  const heading = useRef<HTMLHeadingElement>(null);
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState('');
  const text = [strings.recovery.fileHeader(me.practice.name, me.user.email), '', ...codes, ''].join('\n');

  useEffect(() => heading.current?.focus(), []);

  const copy = () => {
    if (!navigator.clipboard) {
      setStatus(strings.recovery.copyFailed);
      return;
    }
    navigator.clipboard.writeText(codes.join('\n')).then(
      () => setStatus(strings.recovery.copied),
      () => setStatus(strings.recovery.copyFailed),
    );
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = strings.recovery.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="card recovery" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading" ref={heading} tabIndex={-1}>
        {strings.recovery.heading}
      </h2>
      <p>{strings.recovery.lead}</p>
      <ol className="recovery-codes" aria-label={strings.recovery.listLabel}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button className="button button-secondary" onPress={copy}>
          {strings.recovery.copy}
        </Button>
        <Button className="button button-secondary" onPress={download}>
          {strings.recovery.download}
        </Button>
      </div>
      <p className="form-status" role="status">
        {status}
      </p>
      <Checkbox className="checkbox" isSelected={saved} onChange={setSaved}>
        <span className="checkbox-box" aria-hidden="true">
          <svg viewBox="0 0 18 18">
            <polyline points="3.5 9.5 7.5 13 14.5 5" />
          </svg>
        </span>
        {strings.recovery.savedCheck}
      </Checkbox>
      <Button className="button button-primary" isDisabled={!saved} onPress={onDone}>
        {doneLabel}
      </Button>
    </section>
  );
}
