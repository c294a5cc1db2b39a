// The practice's side of enquiries (the queue, the waiting list, one enquiry and its answer): one
// lazily loaded chunk with its own stylesheet (a file, as the CSP requires).
import '../../styles/intake-queue.css';

export { IntakeQueuePage } from './IntakeQueuePage';
export { IntakeDetailPage } from './IntakeDetailPage';
