import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { HelpPage } from '../pages/public/HelpPage';
import { NotFoundPage } from '../pages/public/NotFoundPage';
import { RouteErrorPage } from '../pages/public/RouteErrorPage';
import { Loading } from '../components/States';
import { AppShell } from './AppShell';
import { RequireRole, RequireSession } from './guards';

// Each area is one lazily loaded chunk, so a client never downloads the admin screens.
const auth = () => import('../pages/auth');
const workspace = () => import('../pages/workspace');
const account = () => import('../pages/account');
const admin = () => import('../pages/admin');
// frame (therapist)
const frame = () => import('../pages/frame');
// portal (client)
const portal = () => import('../pages/portal');
// journal (client)
const journal = () => import('../pages/journal');
// journal (therapist)
const journalShared = () => import('../pages/journal-shared');
// record (therapist)
const record = () => import('../pages/record');
// patterns (therapist's tab, client's My patterns)
const patterns = () => import('../pages/patterns');
// letters (therapist, admin)
const letters = () => import('../pages/letters');
// subject access (admin, therapist)
const subjectAccess = () => import('../pages/subject-access');
// measures (therapist, admin)
const measures = () => import('../pages/measures');
// the practice's public side (no sign-in)
const site = () => import('../pages/site');
// the public side's editing (admin, therapist)
const siteAdmin = () => import('../pages/site-admin');
// results (client, admin)
const results = () => import('../pages/results');
// questionnaires (client)
const questionnaires = () => import('../pages/questionnaires');
// safeguarding (staff, client)
const safeguarding = () => import('../pages/safeguarding');
// enquiries, the practice's side (admin, therapist)
const intakeQueue = () => import('../pages/intake-queue');

function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): RouteObject['lazy'] {
  return async () => ({ Component: pick(await load()) });
}

export const routes: RouteObject[] = [
  {
    Component: AppShell,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        // A page that fails to load or render is explained inside the frame, so the header, the
        // navigation and the help link stay where they are.
        errorElement: <RouteErrorPage inShell />,
        children: [
          { path: 'help', Component: HelpPage },
          // public site routes: begin
          {
            path: 'p/:slug',
            lazy: page(site, (m) => m.SiteLayout),
            children: [
              { index: true, lazy: page(site, (m) => m.SiteHomePage) },
              { path: 'therapists', lazy: page(site, (m) => m.DirectoryPage) },
              { path: 'therapists/:therapistId', lazy: page(site, (m) => m.ProfilePage) },
              { path: 'is-this-right-for-me', lazy: page(site, (m) => m.ReflectionPage) },
              { path: 'enquire', lazy: page(site, (m) => m.IntakeFormPage) },
              { path: ':page', lazy: page(site, (m) => m.SitePage) },
            ],
          },
          // The person's own enquiry page: the private link's token is its only key (no account).
          { path: 'enquiry/:token', lazy: page(site, (m) => m.EnquiryPage) },
          // public site routes: end
          { path: 'setup', lazy: page(auth, (m) => m.SetupPage) },
          { path: 'sign-in', lazy: page(auth, (m) => m.SignInPage) },
          { path: 'sign-in/verify', lazy: page(auth, (m) => m.VerifyPage) },
          { path: 'forgot-password', lazy: page(auth, (m) => m.ForgotPasswordPage) },
          { path: 'reset-password/:token', lazy: page(auth, (m) => m.ResetPasswordPage) },
          { path: 'invite/:token', lazy: page(auth, (m) => m.InvitePage) },
          {
            Component: RequireSession,
            children: [
              { index: true, lazy: page(workspace, (m) => m.HomePage) },
              {
                path: 'clients',
                element: <RequireRole roles={['therapist']} />,
                children: [
                  { index: true, lazy: page(frame, (m) => m.CaseloadPage) },
                  { path: 'invite', lazy: page(workspace, (m) => m.InviteClientPage) },
                  { path: ':clientId', lazy: page(frame, (m) => m.ClientFramePage) },
                ],
              },
              // intake queue (admin, therapist) routes: begin
              {
                path: 'intakes',
                element: <RequireRole roles={['admin', 'therapist']} />,
                children: [
                  { index: true, lazy: page(intakeQueue, (m) => m.IntakeQueuePage) },
                  { path: ':id', lazy: page(intakeQueue, (m) => m.IntakeDetailPage) },
                ],
              },
              // intake queue (admin, therapist) routes: end
              // frame (therapist) routes: begin
              {
                element: <RequireRole roles={['therapist']} />,
                children: [
                  { path: 'calendar', lazy: page(frame, (m) => m.CalendarPage) },
                  { path: 'frame/settings', lazy: page(frame, (m) => m.FrameSettingsPage) },
                ],
              },
              {
                path: 'breaks',
                element: <RequireRole roles={['therapist', 'admin']} />,
                children: [{ index: true, lazy: page(frame, (m) => m.BreaksPage) }],
              },
              {
                path: 'admin/rooms',
                element: <RequireRole roles={['admin']} />,
                children: [{ index: true, lazy: page(frame, (m) => m.RoomsPage) }],
              },
              // frame (therapist) routes: end
              // portal (client) routes: begin
              {
                path: 'sessions',
                element: <RequireRole roles={['client']} />,
                children: [
                  {
                    lazy: page(portal, (m) => m.PortalLayout),
                    children: [
                      { index: true, lazy: page(portal, (m) => m.MySessionsPage) },
                      { path: 'away', lazy: page(portal, (m) => m.TimeAwayPage) },
                      { path: 'charges', lazy: page(portal, (m) => m.ChargesPage) },
                    ],
                  },
                ],
              },
              // portal (client) routes: end
              // questionnaires (client) routes: begin
              {
                path: 'questionnaires',
                element: <RequireRole roles={['client']} />,
                children: [
                  { index: true, lazy: page(questionnaires, (m) => m.MyQuestionnairesPage) },
                  { path: ':requestId', lazy: page(questionnaires, (m) => m.CompleteQuestionnairePage) },
                ],
              },
              // questionnaires (client) routes: end
              // journal (client) routes: begin
              {
                path: 'journal',
                element: <RequireRole roles={['client']} />,
                children: [
                  // The editors take the whole screen, so they sit outside the journal's sub-navigation.
                  { path: 'new/:kind', lazy: page(journal, (m) => m.NewEntryPage) },
                  { path: ':id/edit', lazy: page(journal, (m) => m.EditEntryPage) },
                  {
                    lazy: page(journal, (m) => m.JournalLayout),
                    children: [
                      { index: true, lazy: page(journal, (m) => m.TimelinePage) },
                      { path: 'not-ready', lazy: page(journal, (m) => m.NotReadyPage) },
                      { path: 'export', lazy: page(journal, (m) => m.ExportPage) },
                      { path: ':id', lazy: page(journal, (m) => m.EntryPage) },
                    ],
                  },
                ],
              },
              // journal (client) routes: end
              // journal (therapist) routes: begin
              {
                path: 'clients/:clientId/journal',
                element: <RequireRole roles={['therapist']} />,
                children: [
                  { index: true, lazy: page(journalShared, (m) => m.SharedJournalPage) },
                  { path: ':shareId', lazy: page(journalShared, (m) => m.SharedEntryPage) },
                ],
              },
              // journal (therapist) routes: end
              // record (therapist) routes: begin
              {
                path: 'clients/:clientId',
                element: <RequireRole roles={['therapist']} />,
                children: [
                  { path: 'notes', lazy: page(record, (m) => m.NotesPage) },
                  { path: 'notes/:noteId', lazy: page(record, (m) => m.NotePage) },
                  { path: 'process-notes', lazy: page(record, (m) => m.ProcessNotesPage) },
                  { path: 'formulation', lazy: page(record, (m) => m.FormulationPage) },
                  { path: 'patterns', lazy: page(patterns, (m) => m.PatternsPage) },
                ],
              },
              {
                path: 'admin/note-template',
                element: <RequireRole roles={['admin']} />,
                children: [{ index: true, lazy: page(record, (m) => m.NoteTemplatePage) }],
              },
              {
                path: 'admin/ccrt-categories',
                element: <RequireRole roles={['admin']} />,
                children: [{ index: true, lazy: page(record, (m) => m.CcrtCategoriesPage) }],
              },
              {
                path: 'notes/search',
                element: <RequireRole roles={['therapist']} />,
                children: [{ index: true, lazy: page(record, (m) => m.NoteSearchPage) }],
              },
              // record (therapist) routes: end
              // letters (therapist, admin) routes: begin
              {
                path: 'clients/:clientId/letters',
                element: <RequireRole roles={['therapist']} />,
                children: [
                  { index: true, lazy: page(letters, (m) => m.LettersPage) },
                  { path: ':letterId', lazy: page(letters, (m) => m.LetterPage) },
                ],
              },
              {
                element: <RequireRole roles={['admin']} />,
                children: [
                  { path: 'admin/letterhead', lazy: page(letters, (m) => m.LetterheadPage) },
                  { path: 'admin/letter-templates', lazy: page(letters, (m) => m.LetterTemplatesPage) },
                ],
              },
              // letters (therapist, admin) routes: end
              // subject access (admin, therapist) routes: begin
              {
                path: 'admin/subject-access',
                element: <RequireRole roles={['admin']} />,
                children: [
                  { index: true, lazy: page(subjectAccess, (m) => m.RequestsPage) },
                  { path: 'new', lazy: page(subjectAccess, (m) => m.NewRequestPage) },
                  { path: ':id', lazy: page(subjectAccess, (m) => m.RequestPage) },
                ],
              },
              {
                path: 'subject-access/reviews',
                element: <RequireRole roles={['therapist']} />,
                children: [{ index: true, lazy: page(subjectAccess, (m) => m.ReviewsPage) }],
              },
              // subject access (admin, therapist) routes: end
              // measures (therapist, admin) routes: begin
              {
                path: 'clients/:clientId/measures',
                element: <RequireRole roles={['therapist']} />,
                children: [
                  { index: true, lazy: page(measures, (m) => m.MeasuresPage) },
                  { path: 'enter', lazy: page(measures, (m) => m.EnterAnswersPage) },
                ],
              },
              {
                path: 'admin/instruments',
                element: <RequireRole roles={['admin']} />,
                children: [
                  { index: true, lazy: page(measures, (m) => m.InstrumentsPage) },
                  { path: ':instrumentId', lazy: page(measures, (m) => m.InstrumentPage) },
                ],
              },
              // measures (therapist, admin) routes: end
              // public site editing routes: begin
              {
                path: 'admin/public-site',
                element: <RequireRole roles={['admin']} />,
                children: [
                  { index: true, lazy: page(siteAdmin, (m) => m.PublicSiteAdminPage) },
                  { path: 'pages/:page', lazy: page(siteAdmin, (m) => m.EditPublicPage) },
                ],
              },
              {
                path: 'public-profile',
                element: <RequireRole roles={['therapist']} />,
                children: [{ index: true, lazy: page(siteAdmin, (m) => m.MyProfilePage) }],
              },
              // public site editing routes: end
              // patterns (client) routes: begin
              {
                path: 'my/patterns',
                element: <RequireRole roles={['client']} />,
                children: [{ index: true, lazy: page(patterns, (m) => m.MyPatternsPage) }],
              },
              // patterns (client) routes: end
              // results (client, admin) routes: begin
              {
                path: 'progress',
                element: <RequireRole roles={['client']} />,
                children: [{ index: true, lazy: page(results, (m) => m.MyProgressPage) }],
              },
              {
                path: 'admin/outcomes',
                element: <RequireRole roles={['admin']} />,
                children: [{ index: true, lazy: page(results, (m) => m.OutcomesReportPage) }],
              },
              // results (client, admin) routes: end
              // safeguarding (staff, client) routes: begin
              {
                path: 'alerts',
                element: <RequireRole roles={['therapist', 'admin', 'supervisor']} />,
                children: [{ index: true, lazy: page(safeguarding, (m) => m.AlertsPage) }],
              },
              {
                path: 'clients/:clientId/risk',
                element: <RequireRole roles={['therapist', 'admin', 'supervisor']} />,
                children: [{ index: true, lazy: page(safeguarding, (m) => m.RiskRecordPage) }],
              },
              {
                path: 'clients/:clientId/safety-plan',
                element: <RequireRole roles={['therapist']} />,
                children: [{ index: true, lazy: page(safeguarding, (m) => m.SafetyPlanEditorPage) }],
              },
              {
                path: 'my/safety-plan',
                element: <RequireRole roles={['client']} />,
                children: [{ index: true, lazy: page(safeguarding, (m) => m.MySafetyPlanPage) }],
              },
              {
                path: 'admin/safeguarding',
                element: <RequireRole roles={['admin']} />,
                children: [{ index: true, lazy: page(safeguarding, (m) => m.SettingsPage) }],
              },
              // safeguarding (staff, client) routes: end
              {
                path: 'account',
                lazy: page(account, (m) => m.AccountLayout),
                children: [
                  { index: true, lazy: page(account, (m) => m.AccountPage) },
                  { path: 'security', lazy: page(account, (m) => m.SecurityPage) },
                  { path: 'sessions', lazy: page(account, (m) => m.SessionsPage) },
                  { path: 'record-access', lazy: page(account, (m) => m.RecordAccessPage) },
                ],
              },
              {
                path: 'admin',
                element: <RequireRole roles={['admin']} />,
                children: [
                  { path: 'people', lazy: page(admin, (m) => m.PeoplePage) },
                  { path: 'invitations', lazy: page(admin, (m) => m.InvitationsPage) },
                  { path: 'outbox', lazy: page(admin, (m) => m.OutboxPage) },
                  { path: 'outbox/:id', lazy: page(admin, (m) => m.OutboxMessagePage) },
                  { path: 'audit', lazy: page(admin, (m) => m.AuditPage) },
                ],
              },
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
