import type { ReliableChangeMarker } from './results-types';

/** The words of results: questionnaire charts, episode outcomes and the practice outcome report (en-GB). */
export const resultsStrings = {
  chart: {
    title: (name: string) => `${name} over time`,
    summary: (name: string, n: number, first: number, last: number, max: number) =>
      n === 1
        ? `${name}: one result, ${first} out of ${max}.`
        : `${name}: ${n} results, from ${first} to ${last} out of ${max}. Lower is fewer difficulties.`,
    cutoff: (score: number) => `Cut-off ${score}`,
    tableCaption: (name: string) => `${name} results, the same numbers as the chart`,
    date: 'Date',
    total: 'Score',
    band: 'Band',
    changeHeading: 'Change from the first',
    noBand: 'No band',
    sessionsKey: 'Short marks on the date line are sessions attended.',
    legendImproved: '▼ a reliable improvement since the first result',
    legendDeteriorated: '▲ a reliable worsening since the first result',
    rcValue: (points: number | null) =>
      points === null
        ? 'This questionnaire has no reliable-change value, so no change is marked as reliable.'
        : `A change of ${points} points or more from the first result counts as reliable.`,
    unscored: (n: number) =>
      n === 1
        ? 'One result had too many questions unanswered to score.'
        : `${n} results had too many questions unanswered to score.`,
    change: (p: { changeFromFirst: number; reliableChange: ReliableChangeMarker }) => {
      if (p.reliableChange === 'first') return 'First result';
      const signed = p.changeFromFirst > 0 ? `+${p.changeFromFirst}` : String(p.changeFromFirst);
      if (p.reliableChange === 'improved') return `${signed}, reliable improvement`;
      if (p.reliableChange === 'deteriorated') return `${signed}, reliable worsening`;
      return signed;
    },
  },
  therapist: {
    heading: 'Charts',
    empty: 'No scored results yet: charts appear once a questionnaire has been entered.',
    share: (name: string) => `Share this chart with ${name}`,
    shared: 'Shown in the client’s portal.',
    notShared: 'Not shown to the client.',
    shareFailed: 'The chart’s sharing could not be changed. Try again.',
  },
  episodes: {
    heading: 'Episode outcomes (NHS Talking Therapies)',
    lead: 'First and last paired PHQ-9 and GAD-7 of each treatment episode.',
    empty: 'No agreed treatment episode yet.',
    episode: (status: string, started: string, ended: string | null) =>
      ended ? `Episode from ${started} to ${ended}` : `Episode from ${started} (${status})`,
    category: {
      'not-finished': 'Not a finished course (fewer than 2 treatment sessions attended)',
      'not-paired': 'No paired data: PHQ-9 and GAD-7 were not both given at two points',
      'reliable-recovery': 'Reliable recovery',
      recovery: 'Recovery (not reliable improvement)',
      'reliable-improvement': 'Reliable improvement',
      'reliable-deterioration': 'Reliable deterioration',
      'no-reliable-change': 'No reliable change',
      'not-a-case-at-start': 'Not a case at the start (recovery does not apply)',
    } as Record<string, string>,
    sessions: 'Treatment sessions attended',
    paired: 'Paired points',
    pairedDates: (first: string, last: string) => `${first} and ${last}`,
    caseness: 'Case at first / last',
    yesNo: (v: boolean | null) => (v === null ? 'Not known' : v ? 'Yes' : 'No'),
    change: (c: { measure: string; first: number; last: number }) =>
      `${c.measure === 'phq9' ? 'PHQ-9' : c.measure === 'gad7' ? 'GAD-7' : c.measure}: ${c.first} → ${c.last}`,
    changes: 'Scores',
    note: 'Reliable deterioration uses the symmetric rule (PHQ-9 up 6, GAD-7 up 4); the NHS rule for mixed changes is not verified.',
  },
  portal: {
    title: 'My progress',
    lead: 'Your questionnaires over time, as your therapist has chosen to share them with you. Lower scores mean fewer difficulties. These are one part of the picture: you can talk about them together.',
    empty: 'Nothing to show yet. When your therapist shares a chart with you, it will be here.',
  },
  report: {
    title: 'Outcomes report',
    lead: 'NHS Talking Therapies figures for the treatment episodes that ended in the dates chosen. Figures only: no client is named.',
    from: 'Ended on or after',
    to: 'Ended on or before',
    show: 'Show figures',
    all: 'All dates',
    download: 'Download CSV',
    caption: 'Outcome figures',
    measure: 'Figure',
    count: 'Number',
    outOf: 'Out of',
    percentage: 'Percentage',
    none: '—',
    rangeOrder: 'The start date must be on or before the end date.',
    rows: {
      episodes: 'Episodes ended',
      finishedCourse: 'Finished a course (2 or more treatment sessions)',
      pairedDataCompleteness: 'Paired data completeness',
      casesAtStart: 'Cases at the first measurement',
      recovered: 'Recovered (of cases at the start)',
      reliablyImproved: 'Reliably improved',
      reliablyRecovered: 'Reliably recovered (of cases at the start)',
      deteriorated: 'Reliably deteriorated',
    },
    percent: (p: number | null) => (p === null ? '—' : `${p.toFixed(1)}%`),
    note: 'Reliable deterioration uses the symmetric rule (unverified for mixed changes). Percentages are of the “Out of” column.',
  },
};
