// The client's sessions area: one lazily loaded chunk, so staff never download it.
export { PortalLayout } from './PortalLayout';
export { MySessionsPage } from './MySessionsPage';
export { TimeAwayPage } from './TimeAwayPage';
export { ChargesPage } from './ChargesPage';
