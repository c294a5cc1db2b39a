// The journal's writing side (editors and autosave). Re-exported by pages/journal/index.ts, so the
// client's journal is one lazily loaded chunk.
export { NewEntryPage, EditEntryPage } from './EntryEditorPage';
