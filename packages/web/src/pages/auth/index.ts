// The signed-out area: one lazily loaded chunk.
export { SetupPage } from './SetupPage';
export { SignInPage } from './SignInPage';
export { VerifyPage } from './VerifyPage';
export { ForgotPasswordPage } from './ForgotPasswordPage';
export { ResetPasswordPage } from './ResetPasswordPage';
export { InvitePage } from './InvitePage';
