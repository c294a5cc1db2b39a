// The therapist's patterns tab of a client: one lazily loaded chunk, with its own stylesheet.
import '../../styles/patterns.css';
export { PatternsPage } from './PatternsPage';
