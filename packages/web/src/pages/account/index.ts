// The account area: one lazily loaded chunk.
export { AccountLayout } from './AccountLayout';
export { AccountPage } from './AccountPage';
export { SecurityPage } from './SecurityPage';
export { SessionsPage } from './SessionsPage';
export { RecordAccessPage } from './RecordAccessPage';
