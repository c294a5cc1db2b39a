// Patterns: the therapist's tab of a client and the client's "My patterns" — one lazily loaded chunk
// with its own stylesheet (results.css for the switch it shares with the results pages).
import '../../styles/results.css';
import '../../styles/patterns.css';
export { PatternsPage } from './PatternsPage';
export { MyPatternsPage } from './MyPatternsPage';
