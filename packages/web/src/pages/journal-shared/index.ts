// The therapist's side of the journal (what a client shared, one entry): one lazily loaded chunk,
// with its own stylesheet (a file, as the CSP requires).
import '../../styles/journal-shared.css';

export { SharedJournalPage } from './SharedJournalPage';
export { SharedEntryPage } from './SharedEntryPage';
