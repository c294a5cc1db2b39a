// The signed-in start page and inviting a client: one lazily loaded chunk.
export { HomePage } from './HomePage';
export { InviteClientPage } from './InviteClientPage';
