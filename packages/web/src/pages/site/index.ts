// The practice's public side (its pages, "Is this right for me?", the therapists): one small lazily
// loaded chunk, so a visitor never downloads the signed-in app, with its own stylesheet (a file, as
// the CSP requires).
import '../../styles/site.css';

export { SiteLayout } from './SiteLayout';
export { SiteHomePage } from './SiteHomePage';
export { SitePage } from './SitePage';
export { DirectoryPage } from './DirectoryPage';
export { ProfilePage } from './ProfilePage';
export { ReflectionPage } from './ReflectionPage';
export { RootSiteHome } from './RootSiteHome';
export { IntakeFormPage } from './IntakeFormPage';
export { EnquiryPage } from './EnquiryPage';
