// The client's journal: one lazily loaded chunk (the timeline, an entry, the editors, the "not ready
// yet" list, export), with its own stylesheet (a file, as the CSP requires). Staff never download it.
import '../../styles/journal.css';

export { JournalLayout } from './JournalLayout';
export { TimelinePage } from './TimelinePage';
export { EntryPage } from './EntryPage';
export { NotReadyPage } from './NotReadyPage';
export { ExportPage } from './ExportPage';
export { NewEntryPage, EditEntryPage } from './write';
