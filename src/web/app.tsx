import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppShell, RequireCan, RequireSignedIn } from './app-shell';
import { Loading } from './components/feedback';
import { NotFound } from './components/no-access';
import { loadNamespaces } from './i18n';

/**
 * A page loaded on first visit (each page is its own chunk), together with the catalogs only it
 * needs, so they stay out of the first load. This is the one way the web app loads a feature
 * catalog (issue #17): a page lists here the namespaces it and the panels it shows use; the page
 * itself never waits for texts. (The signed-in shell loads the catalogs every page shares.)
 */
function page<M>(load: () => Promise<M>, name: keyof M, namespaces: readonly string[] = []) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadNamespaces(namespaces)]);
    return { default: module[name] as ComponentType };
  });
}

const PEOPLE_NS = ['people', 'departments', 'privacy'] as const;
const MAILBOX_NS = ['mailbox'] as const;
const WELLBEING_NS = ['wellbeing'] as const;
/** The goals catalog serves the conversation's panels, so its pages load both. */
const CONVERSATIONS_NS = ['conversations', 'goals'] as const;
const GOALS_NS = ['goals'] as const;
/** People: the round form picks a manager with the person picker. */
const ROUNDS_NS = ['rounds', 'people'] as const;

const SignInPage = page(() => import('./routes/sign-in'), 'SignInPage');
const SetPasswordPage = page(() => import('./routes/set-password'), 'SetPasswordPage');
const HomePage = page(() => import('./routes/home'), 'HomePage');
const TeamPage = page(() => import('./routes/home'), 'TeamPage');
const PeoplePage = page(() => import('./routes/people'), 'PeoplePage', PEOPLE_NS);
const PersonPage = page(() => import('./routes/person'), 'PersonPage', PEOPLE_NS);
const NewPersonPage = page(() => import('./routes/person'), 'NewPersonPage', PEOPLE_NS);
const DepartmentsPage = page(() => import('./routes/departments'), 'DepartmentsPage', PEOPLE_NS);
const ImportPage = page(() => import('./routes/import'), 'ImportPage', PEOPLE_NS);
const SettingsPage = page(() => import('./routes/settings'), 'SettingsPage', [
  'settings',
  'mailbox',
  'privacy',
]);
const oneOnOnes = {
  book: () => import('./one-on-ones/series-form'),
  series: () => import('./one-on-ones/series-page'),
  meeting: () => import('./one-on-ones/meeting-page'),
  minutes: () => import('./one-on-ones/minutes-page'),
  reflection: () => import('./one-on-ones/reflection-page'),
  actions: () => import('./one-on-ones/my-actions-page'),
};
const BookSeriesPage = page(oneOnOnes.book, 'BookSeriesPage', MAILBOX_NS);
const EditSeriesPage = page(oneOnOnes.book, 'EditSeriesPage', MAILBOX_NS);
const SeriesPage = page(oneOnOnes.series, 'SeriesPage');
/** The 1:1 page shows the pair's goals and the wellbeing check-in as panels. */
const MeetingPage = page(oneOnOnes.meeting, 'MeetingPage', ['goals', 'wellbeing']);
const MinutesPage = page(oneOnOnes.minutes, 'MinutesPage');
const ReflectionPage = page(oneOnOnes.reflection, 'ReflectionPage');
const ReflectionsPage = page(oneOnOnes.reflection, 'ReflectionsPage');
const MyActionsPage = page(oneOnOnes.actions, 'MyActionsPage');
const wellbeing = {
  trend: () => import('./wellbeing/trend-page'),
  team: () => import('./wellbeing/team-page'),
  reviews: () => import('./wellbeing/task-reviews-page'),
  review: () => import('./wellbeing/task-review-page'),
};
const TrendPage = page(wellbeing.trend, 'TrendPage', WELLBEING_NS);
const TeamWellbeingPage = page(wellbeing.team, 'TeamWellbeingPage', WELLBEING_NS);
const TaskReviewsPage = page(wellbeing.reviews, 'TaskReviewsPage', WELLBEING_NS);
const TaskReviewPage = page(wellbeing.review, 'TaskReviewPage', WELLBEING_NS);
const SearchPage = page(() => import('./search/search-page'), 'SearchPage');
const CoachingPage = page(() => import('./coaching/coaching-page'), 'CoachingPage', ['coaching']);
const MailboxPage = page(() => import('./mail/mailbox-page'), 'MailboxPage', MAILBOX_NS);
const StatisticsPage = page(() => import('./statistics/statistics-page'), 'StatisticsPage', [
  'statistics',
]);
const AuditPage = page(() => import('./audit/audit-page'), 'AuditPage', ['audit', 'people']);
const SingleSignOnPage = page(() => import('./sso/sso-page'), 'SingleSignOnPage', ['sso']);
const ForgotPasswordPage = page(() => import('./routes/forgot-password'), 'ForgotPasswordPage');
const DownloadMyDataPage = page(() => import('./privacy/download-page'), 'DownloadMyDataPage', [
  'privacy',
]);
const ConversationsPage = page(
  () => import('./development/conversations-page'),
  'ConversationsPage',
  CONVERSATIONS_NS,
);
const ConversationPage = page(
  () => import('./development/conversation-page'),
  'ConversationPage',
  CONVERSATIONS_NS,
);
const MailPage = page(() => import('./mail/mail-page'), 'MailPage', MAILBOX_NS);
const MyMailListPage = page(() => import('./mail/my-mail-page'), 'MyMailListPage', MAILBOX_NS);
const NotificationsPage = page(
  () => import('./notifications/notifications-page'),
  'NotificationsPage',
  ['notifications', 'conversations'],
);
const OrganisationGoalsPage = page(
  () => import('./development/goals-organisation-page'),
  'OrganisationGoalsPage',
  GOALS_NS,
);
const SalaryOutcomesPage = page(
  () => import('./development/salary-outcomes-page'),
  'SalaryOutcomesPage',
  GOALS_NS,
);
const rounds = {
  list: () => import('./rounds/rounds-page'),
  open: () => import('./rounds/open-round-page'),
  round: () => import('./rounds/round-page'),
  templates: () => import('./rounds/templates-page'),
  editor: () => import('./rounds/template-editor-page'),
};
const RoundsPage = page(rounds.list, 'RoundsPage', ROUNDS_NS);
const OpenRoundPage = page(rounds.open, 'OpenRoundPage', ROUNDS_NS);
const RoundPage = page(rounds.round, 'RoundPage', ROUNDS_NS);
const TemplatesPage = page(rounds.templates, 'TemplatesPage', ROUNDS_NS);
const TemplateEditorPage = page(rounds.editor, 'TemplateEditorPage', ROUNDS_NS);

/** The routes of the app. */
export function App({ client }: { client: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/set-password" element={<SetPasswordPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/download-my-data" element={<DownloadMyDataPage />} />
            <Route
              element={
                <RequireSignedIn>
                  <AppShell />
                </RequireSignedIn>
              }
            >
              <Route index element={<HomePage />} />
              <Route path="team" element={<TeamPage />} />
              <Route
                path="people"
                element={<RequireCan right="managePeople" children={<PeoplePage />} />}
              />
              <Route
                path="people/new"
                element={<RequireCan right="managePeople" children={<NewPersonPage />} />}
              />
              <Route
                path="people/:id"
                element={<RequireCan right="managePeople" children={<PersonPage />} />}
              />
              <Route
                path="departments"
                element={<RequireCan right="manageDepartments" children={<DepartmentsPage />} />}
              />
              <Route
                path="import"
                element={<RequireCan right="importPeople" children={<ImportPage />} />}
              />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="search" element={<SearchPage />} />
              <Route path="actions" element={<MyActionsPage />} />
              <Route path="one-on-ones/book/:personId" element={<BookSeriesPage />} />
              <Route path="one-on-ones/series/:id" element={<SeriesPage />} />
              <Route path="one-on-ones/series/:id/edit" element={<EditSeriesPage />} />
              <Route path="one-on-ones/meetings/:id" element={<MeetingPage />} />
              <Route path="one-on-ones/meetings/:id/minutes" element={<MinutesPage />} />
              <Route path="one-on-ones/meetings/:id/reflection" element={<ReflectionPage />} />
              <Route path="one-on-ones/reflections" element={<ReflectionsPage />} />
              <Route path="one-on-ones/series/:id/wellbeing" element={<TrendPage />} />
              <Route path="one-on-ones/series/:id/task-reviews" element={<TaskReviewsPage />} />
              <Route path="one-on-ones/task-reviews/:id" element={<TaskReviewPage />} />
              <Route path="wellbeing/team" element={<TeamWellbeingPage />} />
              <Route path="coaching" element={<CoachingPage />} />
              <Route path="conversations" element={<ConversationsPage />} />
              <Route path="conversations/:id" element={<ConversationPage />} />
              <Route path="admin/mailbox" element={<MailboxPage />} />
              <Route
                path="statistics"
                element={<RequireCan right="viewStatistics" children={<StatisticsPage />} />}
              />
              <Route path="mail" element={<MyMailListPage />} />
              <Route path="mail/:id" element={<MailPage />} />
              <Route path="notifications" element={<NotificationsPage />} />
              <Route path="admin/audit" element={<AuditPage />} />
              <Route path="admin/single-sign-on" element={<SingleSignOnPage />} />
              <Route
                path="organisation-goals"
                element={
                  <RequireCan
                    right="manageOrganisationGoals"
                    children={<OrganisationGoalsPage />}
                  />
                }
              />
              <Route path="salary-outcomes" element={<SalaryOutcomesPage />} />
              <Route
                path="rounds"
                element={<RequireCan right="manageRounds" children={<RoundsPage />} />}
              />
              <Route
                path="rounds/new"
                element={<RequireCan right="manageRounds" children={<OpenRoundPage />} />}
              />
              <Route
                path="rounds/:id"
                element={<RequireCan right="manageRounds" children={<RoundPage />} />}
              />
              <Route
                path="templates"
                element={<RequireCan right="manageTemplates" children={<TemplatesPage />} />}
              />
              <Route
                path="templates/new"
                element={<RequireCan right="manageTemplates" children={<TemplateEditorPage />} />}
              />
              <Route
                path="templates/:id"
                element={<RequireCan right="manageTemplates" children={<TemplateEditorPage />} />}
              />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
