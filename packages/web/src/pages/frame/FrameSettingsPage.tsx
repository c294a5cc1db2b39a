import { useFrameSettings } from '../../api/frame';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { CalendarFeedLinks } from '../../components/calendar-feeds/CalendarFeedLinks';
import { frameStrings as t } from './frame-strings';
import { LocationsSection } from './LocationsSection';
import { SettingsForm } from './SettingsForm';

/** The therapist's frame settings, their rooms and online places, and their calendar feeds. */
export function FrameSettingsPage() {
  const settings = useFrameSettings();
  return (
    <Page title={t.settings.title} lead={t.settings.lead}>
      <div className="stack">
        <div className="card">
          <QueryStatus query={settings} />
          {settings.data ? <SettingsForm settings={settings.data} /> : null}
        </div>
        <LocationsSection />
        <CalendarFeedLinks className="card stack-small" words={t.feeds} />
      </div>
    </Page>
  );
}
