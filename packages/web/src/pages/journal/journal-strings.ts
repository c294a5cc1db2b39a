/**
 * Every word of the client's journal (the lazily loaded `pages/journal` chunk) except the editors'
 * (write-strings.ts), in British English: plain, calm, and exact about who can see what. A person may
 * read these at 3 a.m.; nothing here should alarm or hurry them.
 */
import type { DreamPeriod, EntryKind } from '../../api/journal-types';
import type { SharingFilter } from './journal-api';

/** Listed feelings are stored as lower-case words (“fear”); shown as a person writes a list item. */
export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export const journalStrings = {
  subnav: 'Your journal',
  navTimeline: 'Timeline',
  navNotReady: 'Not ready yet',
  navExport: 'Export',

  kinds: {
    free_association: 'Free association',
    dream: 'Dream',
    reflection: 'Reflection',
    check_in: 'Check-in',
  } satisfies Record<EntryKind, string>,
  kindHints: {
    free_association: 'Write whatever comes, without stopping to judge it.',
    dream: 'Write a dream down while you still remember it.',
    reflection: 'Think something over: a session, a day, a thought.',
    check_in: 'How you are, from 0 to 10, and a few words.',
  } satisfies Record<EntryKind, string>,
  periods: { night: 'a night’s dream', nap: 'a nap' } satisfies Record<DreamPeriod, string>,

  markers: {
    private: 'Private',
    shared: 'Shared',
    toBring: 'To bring',
    withdrawn: 'Withdrawn',
    nightmare: 'Nightmare',
    lucid: 'Lucid',
    nap: 'Nap',
    copy: 'Copy from another device',
  },

  timeline: {
    title: 'My journal',
    lead: 'A private place to write between sessions. Everything here is yours alone unless you choose to share an entry.',
    writeHeading: 'Write',
    writeLabel: 'Start a new entry',
    filtersHeading: 'Find entries',
    search: 'Search your entries',
    searchHint: 'Only your own entries are searched.',
    filtersMore: 'Filter by kind, sharing or tag',
    filtersOn: (n: number) => `Filters: ${n} on`,
    kind: 'Kind',
    anyKind: 'All kinds',
    sharing: 'Who can see it',
    anySharing: 'All entries',
    sharingOptions: {
      private: 'Private (only me)',
      shared: 'Shared with my therapist',
      to_bring: 'To bring to my next session',
    } satisfies Record<SharingFilter, string>,
    tag: 'Tag',
    anyTag: 'All tags',
    clear: 'Clear filters',
    entriesLabel: (month: string) => `Entries from ${month}`,
    entryLink: (kind: string, day: string) => `${kind}, ${day}`,
    mood: (n: number) => `Mood ${n} out of 10`,
    dreamtOn: (day: string) => `Dreamt ${day}`,
    words: (n: number) => plural(n, 'word', 'words'),
    nothingWritten: 'Nothing written yet.',
    tagsLabel: 'Tags',
    shown: (n: number, more: boolean) =>
      more ? `Showing the latest ${plural(n, 'entry', 'entries')}.` : `Showing ${plural(n, 'entry', 'entries')}.`,
    loadMore: 'Load more entries',
    loadingMore: 'Loading more entries…',
    emptyAll:
      'Nothing here yet. When something surfaces, a dream, a thought after a session, how today feels, choose one of the kinds above and write. No one else sees it unless you share it.',
    emptyFiltered: 'No entries match. Try fewer words or other filters.',
    deleted: 'The entry has been deleted.',
  },

  tags: {
    heading: 'Tags',
    manageHeading: 'Your tags',
    manageLead: 'Deleting a tag takes it off every entry that has it. The entries themselves stay.',
    none: 'No tags yet. You can add tags to any entry, then find entries by tag here.',
    count: (n: number) => plural(n, 'entry', 'entries'),
    listLabel: 'Your tags',
    deleteTag: 'Delete tag',
    deleteFor: (name: string) => `Delete the tag “${name}”`,
    deleteTitle: 'Delete this tag?',
    deleteBody: (name: string, n: number) =>
      n > 0
        ? `“${name}” will be taken off ${plural(n, 'entry', 'entries')}. The entries themselves stay as they are.`
        : `“${name}” is not on any entry. Deleting it changes nothing else.`,
    deleted: (name: string) => `The tag “${name}” has been deleted.`,
    onEntry: 'Tags on this entry',
    noneOnEntry: 'No tags on this entry yet.',
    add: 'Add a tag',
    addHint: 'Type a new tag, or choose one you have used before.',
    addButton: 'Add tag',
    suggestions: 'Tags you have used',
    addExisting: (name: string) => `Add “${name}”`,
    remove: (name: string) => `Remove the tag “${name}”`,
    added: (name: string) => `Tag “${name}” added.`,
    removed: (name: string) => `Tag “${name}” removed.`,
    tooMany: 'An entry can have up to 30 tags.',
    tooLong: 'A tag can be up to 60 characters long.',
  },

  entry: {
    edit: 'Edit',
    back: 'Back to your journal',
    title: (kind: string, day: string) => `${kind}, ${day}`,
    written: 'Written',
    changed: 'Last changed',
    words: 'Length',
    spent: 'Time spent writing',
    minutes: (n: number) => (n === 0 ? 'Less than a minute' : plural(n, 'minute', 'minutes')),
    timer: (n: number) => `with a ${n}-minute timer`,
    mood: 'Mood',
    moodValue: (n: number) => `${n} out of 10`,
    dreamt: 'Dreamt',
    dreamtValue: (day: string, period: string | null) => (period ? `${day}, ${period}` : day),
    flags: 'Kind of dream',
    empty: 'This entry has no text yet.',
    copyNotice: 'This is a copy, kept when the same entry was changed on another device at the same time.',
    copyOriginal: 'Open the other version',
    notFound: 'This entry is not in your journal. It may have been deleted.',
    details: {
      heading: 'About the dream',
      setting: 'Where it happened',
      people: 'Who was in it',
      feelings: 'Feelings on waking',
      dayBefore: 'The day before',
      associations: 'What it brings to mind',
      intensity: ['', 'faint', 'mild', 'moderate', 'strong', 'overwhelming'] as const,
      feeling: (name: string, word: string) => `${capitalise(name)} (${word})`,
    },
    session: 'Written about',
    sessionOn: (day: string) => `Your session on ${day}`,
    sessionUnknown: 'One of your sessions',
    recursHeading: 'Recurring dreams',
    recursLead: 'Earlier dreams this one comes back to.',
    recursLabel: 'Earlier dreams',
    earlierDream: (day: string) => `Dream, ${day}`,
    earlierGone: 'An earlier dream that is no longer in your journal',
  },

  privacy: {
    heading: 'Who can see this',
    private: 'Only you can see this.',
    privateMore:
      'No one at the practice, your therapist included, can read a private entry. You can share it when you choose, and withdraw it again later.',
    shared: (day: string) => `Shared with your therapist on ${day}.`,
    sharedNow: 'Shared with your therapist.',
    withdrawnNow: 'You withdrew this. Only you can see it now.',
    sharedMore: 'Your therapist can read it as it is now, including any changes you make later.',
    bringing: (session: string) => `You would like to bring it to ${session}.`,
    bringSession: (day: string) => `your session on ${day}`,
    bringNoSession: 'your next session, once one is booked',
    readAt: (when: string) => `Your therapist opened it on ${when}.`,
    notRead: 'Your therapist has not opened it yet.',
    withdrawn: (day: string) => `You withdrew this on ${day}. Only you can see it now.`,
    withdrawnMore:
      'Your therapist sees only that you withdrew something, never its words. What they had already read, and anything they wrote in their own notes, they keep.',
    readBefore: (when: string) => `Before you withdrew it, your therapist had opened it on ${when}.`,
    share: 'Share with my therapist',
    shareAndBring: 'Share, and bring it to my next session',
    bring: 'Bring to my next session',
    dontBring: 'Don’t bring it to the next session',
    withdraw: 'Withdraw',
    shareAgain: 'Share again',
    shareTitle: 'Share this entry with your therapist?',
    shareBody:
      'Your therapist will be able to read this entry, as it is now and with any changes you make later. You can withdraw it at any time.',
    shareBringBody: 'It will also be on their list for your next session.',
    shareConfirm: 'Share',
    withdrawTitle: 'Withdraw this entry?',
    withdrawBody:
      'Your therapist will no longer be able to read it. They will see only that you withdrew something, never its words.',
    withdrawRead: (when: string) =>
      `They opened it on ${when}, so they may remember what they read, and anything they wrote in their own notes stays in your clinical record.`,
    withdrawUnread: 'They have not opened it, so they have not read it.',
    withdrawConfirm: 'Withdraw',
    didShare: 'Shared with your therapist.',
    didShareBring: 'Shared with your therapist, to bring to your next session.',
    didBring: 'Marked to bring to your next session.',
    didUnbring: 'No longer marked to bring to your next session. It is still shared.',
    didWithdraw: 'Withdrawn. Only you can see this entry now.',
  },

  remove: {
    button: 'Delete entry',
    title: 'Delete this entry?',
    private: 'It will be gone from your journal for good. This cannot be undone.',
    neverShared: 'You never shared it, so no one else has seen it.',
    shared:
      'This entry is shared with your therapist. Deleting it withdraws it first: they will see only that you withdrew something, never its words.',
    wasShared:
      'You shared this entry before and then withdrew it. Your therapist sees only that you withdrew something.',
    read: (when: string) => `Your therapist opened it on ${when}, so they have already read it as it was then.`,
    unread: 'Your therapist has not opened it.',
    notes:
      'Anything your therapist wrote in their own notes about it stays in your clinical record, kept under the practice’s rules for keeping records.',
    confirm: 'Delete entry',
    confirmShared: 'Withdraw and delete',
  },

  notReady: {
    title: 'Not ready to talk about yet',
    lead: 'Things you know are there but are not ready to bring to a session. Writing them down can be enough for now.',
    privacy:
      'No one at the practice, not your therapist and not anyone who runs the practice, can ever see this list. It is yours alone, and it is never shared.',
    addHeading: 'Add something',
    text: 'Something you are not ready to talk about yet',
    textHint: 'A word or two is enough. Only you will ever read it.',
    add: 'Add to my list',
    added: 'Added to your list.',
    listHeading: 'Your list',
    listLabel: 'Things you are not ready to talk about yet',
    empty:
      'Nothing on your list. If something comes to mind that you are not ready to talk about, you can keep it here.',
    addedOn: (day: string) => `Added ${day}`,
    changedOn: (day: string) => `changed ${day}`,
    edit: 'Edit',
    editFor: (n: number) => `Edit item ${n}`,
    editLabel: (n: number) => `Item ${n}`,
    save: 'Save',
    saved: 'Saved.',
    cancel: 'Cancel',
    remove: 'Delete',
    removeFor: (n: number) => `Delete item ${n}`,
    removeTitle: 'Delete this from your list?',
    removeBody: 'It will be gone for good. This cannot be undone.',
    removed: 'Deleted from your list.',
    required: 'Write something first.',
  },

  exportPage: {
    title: 'Export your journal',
    lead: 'Your journal is yours. Take a copy with you whenever you like.',
    downloadHeading: 'Download',
    downloadLead: 'Every entry, with its dream details, tags and whether it was shared.',
    markdown: 'Download as text (Markdown)',
    markdownHint: 'Opens in any text editor, and reads well as it is.',
    json: 'Download as data (JSON)',
    jsonHint: 'For moving your journal to another program.',
    devices:
      'A downloaded copy is only as private as the device you keep it on. Think about who else uses this device before you save it.',
    printHeading: 'Save as PDF or print',
    printLead:
      'Show the whole journal as one page, then print it or choose “Save as PDF” in the print window. This can take a moment for a long journal.',
    prepare: 'Show the whole journal',
    preparing: 'Getting your whole journal…',
    print: 'Print or save as PDF',
    hide: 'Hide the printable copy',
    copyHeading: 'Your journal',
    copyMade: (day: string) => `A copy made on ${day}.`,
    copyCount: (n: number) => plural(n, 'entry', 'entries'),
    nothing: 'Your journal has no entries yet, so there is nothing to print.',
    tags: (names: string) => `Tags: ${names}`,
    sharing: {
      private: 'Private',
      shared: 'Shared with my therapist',
      withdrawn: 'Shared, then withdrawn',
    },
  },
};
