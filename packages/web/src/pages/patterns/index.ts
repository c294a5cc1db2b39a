// The therapist's patterns tab of a client: one lazily loaded chunk.
export { PatternsPage } from './PatternsPage';
