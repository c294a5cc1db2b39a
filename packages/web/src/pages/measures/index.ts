// Outcome measures (the admin's instruments, a client's results and paper entry): one lazily loaded
// chunk, with its own stylesheet (a file, as the CSP requires).
import '../../styles/measures.css';

export { InstrumentsPage } from './InstrumentsPage';
export { InstrumentPage } from './InstrumentPage';
export { MeasuresPage } from './MeasuresPage';
export { EnterAnswersPage } from './EnterAnswersPage';
