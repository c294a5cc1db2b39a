/** Every word of the process notes (the therapist's private notes), in British English. */
export const processStrings = {
  marker: {
    title: 'Process notes — private to you',
    body:
      'Not part of the clinical record: not seen by the client, the practice admin, supervisors or other ' +
      'therapists, and left out of exports and subject-access packs unless you decide otherwise.',
    badge: 'Private to you',
  },
  panel: {
    allNotes: 'All your process notes for this client',
  },
  editor: {
    label: 'Your process note',
    labelFor: (what: string) => `Your process note ${what}`,
    hint: 'Your own thoughts, impressions and hypotheses about the work. Only you can read them.',
    save: 'Save process note',
    saving: 'Saving your process note…',
    saved: (time: string) => `Saved at ${time}. Only you can read it.`,
    unsaved: 'Changes not saved yet.',
    reload: 'Reload the saved note',
    reloadHint: 'Reloading replaces what is in the box with the saved note. Copy anything you want to keep first.',
    reloaded: 'The saved note is shown again.',
    done: 'Close',
    delete: 'Delete process note',
    deleteTitle: 'Delete this process note?',
    deleteBody: 'It will be gone for good: nobody, you included, can bring it back.',
    deleteConfirm: 'Delete it',
    deleted: 'Process note deleted.',
  },
  page: {
    title: 'Your process notes',
    titleFor: (name: string) => `Your process notes about ${name}`,
    back: 'Back to session notes',
    write: 'Write a process note',
    newHeading: 'A new process note',
    newHint: 'Not tied to a session. To write about one session, open that session’s note.',
    cancel: 'Cancel',
    listHeading: 'Your notes, newest first',
    empty: 'You have no process notes about this client yet.',
    aboutSession: (date: string) => `About the session of ${date}`,
    aboutASession: 'About a session',
    general: 'About the work in general',
    written: (date: string) => `Written ${date}`,
    updated: (date: string) => `last changed ${date}`,
    edit: 'Edit',
    editLabel: (heading: string) => `Edit the process note: ${heading}`,
  },
};
