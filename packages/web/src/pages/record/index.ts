// The therapist's clinical record (progress notes, signing, amendments): one lazily loaded chunk,
// with its own stylesheet (a file, as the CSP requires).
import '../../styles/record.css';

export { NotesPage } from './NotesPage';
export { NotePage } from './NotePage';
export { NoteSearchPage } from './NoteSearchPage';
export { FormulationPage } from './FormulationPage';
export { CcrtCategoriesPage } from './CcrtCategoriesPage';
export { ProcessNotePanel, ProcessNotesPage, NoteTemplatePage } from './process-index';
