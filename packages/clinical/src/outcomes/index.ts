/** Outcomes: Jacobson & Truax reliable change and clinical significance; NHS Talking Therapies episode and practice outcomes. */
export * from './reliable-change.js';
export * from './clinical-significance.js';
export * from './reliable-deterioration.js';
export * from './talking-therapies.js';
export * from './practice-outcomes.js';
