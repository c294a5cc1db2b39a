// The signed-in start page and the therapist's clients: one lazily loaded chunk.
export { HomePage } from './HomePage';
export { ClientsPage } from './ClientsPage';
export { InviteClientPage } from './InviteClientPage';
