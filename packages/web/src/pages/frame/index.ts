// The therapist's frame (caseload, a client's frame, the week, settings, breaks) and the admin's
// rooms: one lazily loaded chunk, with its own stylesheet (a file, as the CSP requires).
import '../../styles/frame.css';

export { CaseloadPage } from './CaseloadPage';
export { ClientFramePage } from './ClientFramePage';
export { CalendarPage } from './CalendarPage';
export { FrameSettingsPage } from './FrameSettingsPage';
export { BreaksPage } from './BreaksPage';
export { RoomsPage } from './RoomsPage';
