export * from './safeguarding/crisis-resources.js';
export * from './safeguarding/risk-language.js';
export * from './instruments/index.js';
export * from './outcomes/index.js';
export * from './defences/dmrs.js';
export * from './defences/odf.js';
export * from './ccrt/clusters.js';
export * from './ccrt/summary.js';
