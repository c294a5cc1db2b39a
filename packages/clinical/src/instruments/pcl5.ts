import type { InstrumentDefinition, InstrumentItem } from './definition-types.js';

const WORDING = [
  'Repeated, disturbing, and unwanted memories of the stressful experience?',
  'Repeated, disturbing dreams of the stressful experience?',
  'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
  'Feeling very upset when something reminded you of the stressful experience?',
  'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
  'Avoiding memories, thoughts, or feelings related to the stressful experience?',
  'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
  'Trouble remembering important parts of the stressful experience?',
  'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
  'Blaming yourself or someone else for the stressful experience or what happened after it?',
  'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
  'Loss of interest in activities that you used to enjoy?',
  'Feeling distant or cut off from other people?',
  'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
  'Irritable behavior, angry outbursts, or acting aggressively?',
  'Taking too many risks or doing things that could cause you harm?',
  'Being "superalert" or watchful or on guard?',
  'Feeling jumpy or easily startled?',
  'Having difficulty concentrating?',
  'Trouble falling or staying asleep?',
];

const items: InstrumentItem[] = WORDING.map((text, i) => ({ linkId: String(i + 1), text }));

/** linkIds from..to inclusive. */
function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

const CLUSTERS = [
  { id: 'B', label: 'Intrusion (B)', linkIds: range(1, 5), minEndorsed: 1 },
  { id: 'C', label: 'Avoidance (C)', linkIds: range(6, 7), minEndorsed: 1 },
  { id: 'D', label: 'Negative alterations in cognitions and mood (D)', linkIds: range(8, 14), minEndorsed: 2 },
  { id: 'E', label: 'Alterations in arousal and reactivity (E)', linkIds: range(15, 20), minEndorsed: 2 },
];

/** PCL-5 (post-traumatic stress), exactly as CLINICAL-REFERENCE.md §1. Public domain. */
export const PCL5: InstrumentDefinition = {
  id: 'pcl-5',
  name: 'PCL-5',
  title: 'PTSD Checklist for DSM-5',
  stem: 'In the past month, how much were you bothered by:',
  answerOptions: [
    { value: 0, label: 'Not at all' },
    { value: 1, label: 'A little bit' },
    { value: 2, label: 'Moderately' },
    { value: 3, label: 'Quite a bit' },
    { value: 4, label: 'Extremely' },
  ],
  items,
  missingItemRule: {
    maxMissing: 0,
    rounding: 'half-up',
    unverified: 'No published missing-item rule found for PCL-5; by default it is scored only when complete.',
  },
  /** No severity bands are published for PCL-5; the cut-off is used instead. */
  bands: [],
  cutoff: {
    score: 33,
    comparison: 'at-or-above',
    label: 'Probable PTSD',
    unverified: 'Published cut-offs range from 31 to 33; 33 is the default.',
  },
  reliableChange: {
    points: 10,
    unverified:
      'Reliable change for PCL-5 is not established; 10 points is commonly used as clinically meaningful (from the earlier PCL).',
  },
  subscales: CLUSTERS.map(({ id, label, linkIds }) => ({ id, label, linkIds })),
  patterns: [
    {
      id: 'dsm5-provisional',
      label: 'Provisional PTSD diagnosis (DSM-5 pattern)',
      endorsedAtOrAbove: 2,
      clusters: CLUSTERS,
    },
  ],
  licence: {
    copyright:
      'PCL-5: Weathers, Litz, Keane, Palmieri, Marx and Schnurr, National Center for PTSD (US Department of Veterans Affairs).',
    terms: 'Public domain.',
  },
  unverified: ['No LOINC codes are given for PCL-5 in CLINICAL-REFERENCE.md, so none are set.'],
};
