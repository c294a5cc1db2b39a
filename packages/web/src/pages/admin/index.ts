// The practice administration area: one lazily loaded chunk.
export { PeoplePage } from './PeoplePage';
export { InvitationsPage } from './InvitationsPage';
export { OutboxPage } from './OutboxPage';
export { OutboxMessagePage } from './OutboxMessagePage';
export { AuditPage } from './AuditPage';
