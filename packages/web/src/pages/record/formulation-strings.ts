import type { CcrtComponent, FormulationSection, GoalStatus } from './formulation-types';

/** Every word of the case formulation pages, in British English. */
export const formulationStrings = {
  title: (name: string) => (name ? `Case formulation: ${name}` : 'Case formulation'),
  lead: 'A living document for this episode: what brought them, their history, the relationship pattern, how they defend, and what you are working towards. Part of the clinical record.',
  back: 'Back to the session notes',
  episode: 'Episode',
  episodeHint: 'Each episode of therapy has its own formulation.',
  episodeOption: (status: string, from: string) => `${status} · from ${from}`,
  episodeStatus: {
    assessment: 'Assessment',
    active: 'Active',
    paused: 'Paused',
    ending: 'Ending',
    ended: 'Ended',
  } as Record<string, string>,
  noEpisode: 'There is no episode for this client yet. Start one from their page, and the formulation will be here.',
  notFound: 'This client is not on your caseload, or the episode does not exist.',

  sections: {
    presentingDifficulties: 'Presenting difficulties',
    history: 'History',
    attachmentDevelopment: 'Attachment and development',
  } satisfies Record<FormulationSection, string>,
  sectionHints: {
    presentingDifficulties: 'What brought them, in their words and yours.',
    history: 'Family, losses, moves, earlier help.',
    attachmentDevelopment: 'Early relationships, and how they show in the room.',
  } satisfies Record<FormulationSection, string>,

  ccrtHeading: 'Relationship pattern (CCRT)',
  ccrtLead:
    'The core conflictual relationship theme: what they wish for, how others respond (or are expected to), and how they respond in turn. Choose from your practice’s clusters and put it in your own words.',
  ccrtUnverified: (source: string) => `These clusters are default data and unverified: ${source}.`,
  parts: {
    W: 'Wish (W)',
    RO: 'Response of other (RO)',
    RS: 'Response of self (RS)',
  } satisfies Record<CcrtComponent, string>,
  clustersLabel: (part: string) => `Clusters: ${part}`,
  ownWords: (part: string) => `In your own words: ${part}`,
  positive: 'positive',
  negative: 'negative',
  removedCluster: (id: string) => `${id} (no longer in your practice’s set; kept here)`,

  goalsHeading: 'Goals',
  goalsEmpty: 'No goals yet. Add the first one below.',
  goalText: (n: number) => `Goal ${n}`,
  goalStatus: (n: number) => `Status of goal ${n}`,
  statuses: {
    open: 'Open',
    partly_met: 'Partly met',
    met: 'Met',
    set_aside: 'Set aside',
  } satisfies Record<GoalStatus, string>,
  removeGoal: 'Remove',
  removeGoalLabel: (n: number) => `Remove goal ${n}`,
  addGoal: 'Add a goal',
  tooManyGoals: 'A formulation holds up to 30 goals.',

  save: 'Save formulation',
  unsaved: 'Changes not saved yet',
  saved: (when: string) => `Saved ${when}`,
  savedBy: (name: string, when: string, version: number) => `Version ${version}, saved by ${name} on ${when}.`,
  notSavedYet: 'Not saved yet.',
  staleTitle: 'Saved somewhere else',
  stale:
    'Someone saved this formulation after you opened it. Your text is still on this page: copy what you changed, then reload to see theirs.',
  reload: 'Reload the formulation',

  odfHeading: 'Defensive functioning',
  odfLead:
    'The overall defensive functioning (ODF, 1–7) of each session note of this episode with defences rated on the DMRS, oldest first. Drafts are marked.',
  odfEmpty:
    'No defences rated yet in this episode’s session notes. Rate the defences you observe in a note (“Defences observed”), and the ODF of each session will appear here as a trend.',
  odfOverall: (value: number, notes: number, defences: number) =>
    `ODF of the episode: ${value.toFixed(2)} (of 7), from ${defences} ${defences === 1 ? 'defence' : 'defences'} rated in ${notes} ${notes === 1 ? 'note' : 'notes'}.`,
  chartLabel: (count: number) =>
    `Chart of the ODF over ${count} ${count === 1 ? 'session' : 'sessions'}; the same values are in the table below.`,
  tableCaption: 'ODF per session note',
  colSession: 'Session',
  colOdf: 'ODF',
  colDefences: 'Defences rated',
  colStatus: 'Note',
  draft: 'Draft',
  signed: 'Signed',
  openNote: (when: string) => `Session of ${when}`,
  profileHeading: 'Level profile',
  profileCaption: 'Share of the defences rated at each DMRS level',
  colLevel: 'Level',
  colCount: 'Rated',
  colShare: 'Share',
  level: (level: number, name: string) => `${level} · ${name}`,
  percent: (share: number) => `${Math.round(share * 100)}%`,

  reviewsHeading: 'Reviews',
  reviewsEmpty: 'No reviews yet. Add one when you look back over the work.',
  reviewBy: (name: string) => `by ${name}`,
  reviewDate: 'Date of the review',
  reviewDateHint: 'Today or earlier, as YYYY-MM-DD.',
  reviewText: 'What the review found',
  addReview: 'Add review',
  reviewAdded: 'Review added. Reviews are kept as written; add another to say what changed.',
  reviewDateInvalid: 'Enter the date as YYYY-MM-DD.',

  historyHeading: 'History',
  historyShow: 'Show earlier versions',
  historyEmpty: 'Nothing saved yet.',
  historyVersion: (version: number, name: string, when: string) => `Version ${version} · ${name} · ${when}`,
  historyEmptySection: '(empty)',

  link: 'Case formulation',
};

/** Words of the admin's CCRT categories page. */
export const ccrtAdminStrings = {
  title: 'CCRT categories',
  lead: 'The clusters your therapists choose from for the wish (W), the response of other (RO) and the response of self (RS) in a case formulation. Formulations keep the clusters they chose even if you remove one here.',
  standardNote:
    'Your practice uses the standard clusters. They were written from memory and are unverified: check them against the CCRT manual and correct them here.',
  editedNote: (source: string) => `Your practice’s own set (${source}).`,
  name: 'Name of the set',
  unverified: 'Some clusters or markings are not yet checked against the CCRT manual',
  unverifiedHint: 'Therapists are told so when they choose.',
  componentHeading: (part: string) => part,
  label: 'Label',
  valence: 'Counts as',
  positive: 'Positive',
  negative: 'Negative',
  remove: 'Remove',
  removeLabel: (label: string) => `Remove “${label}”`,
  newLabel: (part: string) => `New cluster: ${part}`,
  add: 'Add',
  addLabel: (part: string) => `Add a cluster to ${part}`,
  added: (label: string) => `“${label}” added. Save to keep it.`,
  save: 'Save categories',
  saved: 'Saved. Therapists now choose from this set.',
  reset: 'Undo changes',
  standard: 'Start again from the standard clusters',
  standardLoaded: 'The standard clusters are in the form. Save to use them.',
};
