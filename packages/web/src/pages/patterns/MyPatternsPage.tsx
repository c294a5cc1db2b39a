import { Switch } from 'react-aria-components';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { DreamsSection } from './DreamsSection';
import { EchoesSection } from './EchoesSection';
import { PeopleSection } from './PeopleSection';
import { ThemesSection } from './ThemesSection';
import { TransferenceSection } from './TransferenceSection';
import { useOwnPatterns, useOwnPatternsSettings, useSetOwnPatterns } from './own-patterns-api';
import { ownPatternsStrings as own } from './patterns-strings';
import { linksOf } from './section-props';

function OwnSwitch({ on }: { on: boolean }) {
  const set = useSetOwnPatterns();
  return (
    <div className="card stack-small patterns-own">
      <p>{own.private}</p>
      <Switch className="switch" isSelected={on} isDisabled={set.isPending} onChange={(value) => set.mutate(value)}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        {own.switchLabel}
      </Switch>
      <p className="muted" aria-live="polite">
        {on ? own.on : own.off}
      </p>
      {set.isError ? <p role="alert">{own.failed}</p> : null}
    </div>
  );
}

function OwnView() {
  const query = useOwnPatterns(true);
  const view = query.data;
  const links = linksOf(view);
  return (
    <>
      <QueryStatus query={query} />
      {view && view.summary.entries === 0 ? <Empty>{own.empty}</Empty> : null}
      {view && view.summary.entries > 0 ? (
        <div className="stack">
          <p className="muted">{view.summary.caution}</p>
          {view.summary.firstDate && view.summary.lastDate ? (
            <p>{own.span(view.summary.entries, view.summary.firstDate, view.summary.lastDate)}</p>
          ) : null}
          <ThemesSection view={view} links={links} voice="own" />
          <PeopleSection view={view} links={links} voice="own" />
          <EchoesSection view={view} links={links} voice="own" />
          <TransferenceSection view={view} links={links} voice="own" />
          <DreamsSection view={view} links={links} voice="own" />
        </div>
      ) : null}
    </>
  );
}

/**
 * The client's "My patterns" (issue 7 part 8): off until they turn it on; then the same sections as
 * the therapist's tab over all their own entries, shared and private — never the CCRT workspace or
 * defensive functioning, which are the therapist's aids. Only the client can reach the route.
 */
export function MyPatternsPage() {
  const settings = useOwnPatternsSettings();
  const on = settings.data?.ownView ?? false;
  return (
    <Page title={own.title} lead={own.lead}>
      <QueryStatus query={settings} />
      {settings.data ? (
        <div className="stack">
          <OwnSwitch on={on} />
          {on ? <OwnView /> : null}
        </div>
      ) : null}
    </Page>
  );
}
