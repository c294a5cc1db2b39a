// Results pages (the client's progress and the admin's outcomes report): one lazily loaded chunk.
import '../../styles/results.css';
export { MyProgressPage } from './MyProgressPage';
export { OutcomesReportPage } from './OutcomesReportPage';
