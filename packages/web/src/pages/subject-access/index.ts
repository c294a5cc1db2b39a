// Subject access requests: the admin's requests, deadlines, packs and deliveries, and each author's
// process-note decisions. One lazily loaded chunk, with its own stylesheet (a file, as the CSP requires).
import '../../styles/subject-access.css';

export { RequestsPage } from './RequestsPage';
export { NewRequestPage } from './NewRequestPage';
export { RequestPage } from './RequestPage';
export { ReviewsPage } from './ReviewsPage';
