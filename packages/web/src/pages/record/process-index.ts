// The therapist's process notes and the admin's note template (re-exported by ./index.ts, in the
// record chunk), with their own stylesheet (a file, as the CSP requires).
import '../../styles/record-private.css';

export { ProcessNotePanel } from './ProcessNotePanel';
export { ProcessNotesPage } from './ProcessNotesPage';
export { NoteTemplatePage } from './NoteTemplatePage';
