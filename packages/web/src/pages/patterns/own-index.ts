// The client's "My patterns": its own lazily loaded chunk (the therapist's tab is not downloaded).
import '../../styles/results.css';
import '../../styles/patterns.css';
export { MyPatternsPage } from './MyPatternsPage';
