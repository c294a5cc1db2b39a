/** Words of the note search page (British English). */
export const searchStrings = {
  title: 'Search notes',
  lead: 'Search the progress notes of the clients currently in your care: yours and your colleagues’. Process notes are never searched.',
  label: 'Words to find',
  hint: 'Every word must appear in the note. Capitals and accents don’t matter.',
  submit: 'Search',
  resultsHeading: 'Results',
  count: (n: number, searched: number) =>
    `${n === 0 ? 'No' : n.toLocaleString('en-GB')} ${n === 1 ? 'note matches' : 'notes match'}, of ${searched.toLocaleString('en-GB')} searched.`,
  more: (limit: number) => `Showing the newest ${limit}. Add a word to narrow the search.`,
  empty: (q: string) => `No note in your caseload has every word of “${q}”.`,
  start: 'Type a word or two and choose Search.',
  session: (date: string) => `Session of ${date}`,
  matchedIn: { narrative: 'In the narrative', fields: 'In a structured field', amendment: 'In an amendment' },
  status: { draft: 'Draft', signed: 'Signed' },
  tooLong: 'A search can be up to 200 characters long.',
};
