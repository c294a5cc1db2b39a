import type { ResultFlag } from './measures-types';

/** The words of the measures pages (en-GB). */
export const measuresStrings = {
  catalogue: {
    title: 'Instruments',
    lead: 'The questionnaires therapists in this practice can record: the four built into Undercurrent, and those the practice is licensed to use and has imported.',
    listHeading: 'Catalogue',
    builtin: 'Built in',
    practice: (version: number | null) => `Imported, version ${version ?? 1}`,
    items: (n: number) => (n === 1 ? '1 question' : `${n} questions`),
    importedBy: (name: string, when: string) => `Imported by ${name} on ${when}`,
    view: 'View questions',
    viewLabel: (name: string) => `View the questions of ${name}`,
  },
  importForm: {
    heading: 'Import an instrument',
    lead: 'Paste the definition (JSON) of an instrument the practice holds a licence for, or choose its .json file. It is checked before anything is saved.',
    jsonLabel: 'Definition (JSON)',
    jsonHint:
      'An id, name and title; the questions (items) and their answer options; the missing-item rule; the bands; and the licence with its copyright line, shown wherever the instrument is used.',
    fileLabel: 'Or choose a .json file',
    fileRead: (name: string) => `Read ${name}. Check it below, then import it.`,
    fileUnreadable: 'That file could not be read. Choose a .json file saved as text.',
    submit: 'Check and import',
    empty: 'Paste a definition or choose a file first.',
    notJson: (detail: string) => `This is not valid JSON: ${detail}`,
    problemsHeading: (n: number) => (n === 1 ? 'One problem to fix' : `${n} problems to fix`),
    imported: (name: string, version: number | null) =>
      `Imported ${name} (version ${version ?? 1}). It is now in the catalogue.`,
    whole: 'the whole definition',
  },
  instrument: {
    back: 'Back to instruments',
    licenceHeading: 'Licence',
    copyright: 'Copyright',
    terms: 'Terms of use',
    scoringHeading: 'Scoring',
    range: (min: number, max: number) => `Total from ${min} to ${max}.`,
    missing: (n: number) =>
      n === 0
        ? 'No missing answers are allowed: a blank question means no score.'
        : `Up to ${n} blank or declined question(s) are prorated.`,
    cutoff: (label: string, score: number, above: boolean) => `${label}: ${above ? 'above' : 'at or above'} ${score}.`,
    bands: 'Bands',
    band: (min: number, max: number, label: string) => `${min}–${max}: ${label}`,
    previewHeading: 'The questions as they will be shown',
    previewLead: 'This is the form a therapist fills in from a paper copy. Nothing chosen here is saved.',
    retire: 'Retire',
    retireTitle: (name: string) => `Retire ${name}?`,
    retireBody:
      'It leaves the catalogue, so no new answers can be entered with it. Answers already entered keep it, and it is never deleted. Importing it again brings it back as a new version.',
    retired: 'Retired',
  },
  form: {
    declined: 'Declined to answer',
    blank: 'Left blank',
    notApplicable: (label: string) => label,
    question: (n: number, text: string) => `${n}. ${text}`,
    unscored: '(not scored)',
  },
  results: {
    title: (name: string) => (name ? `Measures: ${name}` : 'Measures'),
    lead: 'Questionnaires this client completed, scored by Undercurrent. Only therapists caring for the client see them.',
    back: 'Back to the client',
    enter: 'Enter answers from paper',
    fhir: 'Download as FHIR (JSON)',
    heading: 'Results',
    empty: 'No questionnaire has been recorded yet. Enter the answers of one the client completed on paper.',
    attention: 'Needs your attention',
    date: 'Date',
    instrument: 'Questionnaire',
    total: 'Total',
    band: 'Band',
    caseness: 'Caseness',
    notes: 'Notes',
    noScore: 'No score',
    noScoreBecause: (reason: string) => `No score: ${reason}`,
    prorated: (missing: string[]) => `Prorated (${missing.length} blank or declined: ${missing.join(', ')})`,
    outOf: (total: number, max: number) => `${formatTotal(total)} of ${max}`,
    case: (label: string | null) => (label ? `Case (${label.replace(/^Case \((.*)\)$/, '$1')})` : 'Case'),
    notCase: 'Below the cut-off',
    noCutoff: '—',
    flag: (flag: ResultFlag, name: string) => flagMessage(flag, name),
    flagBadge: 'Review risk',
    copyrightHeading: 'Copyright',
    copyrightOf: (name: string, line: string) => `${name}: ${line}`,
    entered: (name: string, when: string) => `Entered by ${name} on ${when}`,
  },
  enter: {
    title: (name: string) => (name ? `Enter answers from paper: ${name}` : 'Enter answers from paper'),
    lead: 'Copy each answer from the completed paper form. Leave a question blank if the client left it blank.',
    back: 'Back to measures',
    instrument: 'Questionnaire',
    completedOn: 'Date completed',
    completedOnHint: 'The day the client filled in the form.',
    session: 'Session',
    noSession: 'Not linked to a session',
    sessionOn: (when: string) => `Session on ${when}`,
    save: 'Save and score',
    saved: 'Saved and scored.',
    instructions: 'Instructions',
  },
};

function formatTotal(total: number): string {
  return Number.isInteger(total) ? String(total) : total.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** The sentence a raised flag gives: PHQ-9 item 9 in the words the safeguarding guidance asks for. */
function flagMessage(flag: ResultFlag, name: string): string {
  const what =
    flag.id === 'phq9-item9'
      ? 'Item 9 (thoughts of being better off dead or of self-harm)'
      : `${name} question ${flag.linkId} (${flag.label})`;
  if (flag.reason === 'declined') return `${what} was declined — review risk.`;
  if (flag.reason === 'unanswered') return `${what} was left blank — review risk.`;
  return `${what} was answered ‘${flag.answer}’ — review risk.`;
}
