export * from './safeguarding/crisis-resources.js';
