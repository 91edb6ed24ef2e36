import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import type { Permission } from './api-types';
import { RouteError } from './errors';
import { RequirePermission, RequireSession } from './guards';
import { AppLayout, type RouteHandle } from './Layout';
import { NotFoundPage } from './pages/StatusPage';

// Each page is its own chunk: the first load carries only the shell and the sign-in page.
const LoginLayout = lazy(() => import('../domains/identity/login/LoginLayout'));
const LoginPage = lazy(() => import('../domains/identity/login/LoginPage'));
const MfaStepPage = lazy(() => import('../domains/identity/login/MfaStepPage'));
const EnrolStepPage = lazy(() => import('../domains/identity/login/EnrolStepPage'));
const PasswordStepPage = lazy(() => import('../domains/identity/login/PasswordStepPage'));
const HomePage = lazy(() => import('../domains/home/HomePage'));
const AreaListPage = lazy(() => import('../domains/regions/AreaListPage'));
const AreaDetailPage = lazy(() => import('../domains/regions/AreaDetailPage'));
const OrgListPage = lazy(() => import('../domains/identity/orgs/OrgListPage'));
const OrgDetailPage = lazy(() => import('../domains/identity/orgs/OrgDetailPage'));
const UserListPage = lazy(() => import('../domains/identity/users/UserListPage'));
const PolicyPage = lazy(() => import('../domains/identity/policy/PolicyPage'));
const AuditPage = lazy(() => import('../domains/identity/audit/AuditPage'));
const OutboxPage = lazy(() => import('../domains/identity/outbox/OutboxPage'));
const AccountPage = lazy(() => import('../domains/identity/account/AccountPage'));
const PatentSearchPage = lazy(() => import('../domains/registry/patents/PatentSearchPage'));
const PatentPage = lazy(() => import('../domains/registry/patents/PatentPage'));
const TrademarkSearchPage = lazy(() => import('../domains/registry/trademarks/TrademarkSearchPage'));
const TrademarkPage = lazy(() => import('../domains/registry/trademarks/TrademarkPage'));
const GiListPage = lazy(() => import('../domains/registry/gis/GiListPage'));
const GiPage = lazy(() => import('../domains/registry/gis/GiPage'));
const HolderListPage = lazy(() => import('../domains/registry/holders/HolderListPage'));
const HolderPage = lazy(() => import('../domains/registry/holders/HolderPage'));
const UnresolvedPage = lazy(() => import('../domains/registry/holders/UnresolvedPage'));
const ImportPage = lazy(() => import('../domains/registry/import/ImportPage'));
const IndustriesPage = lazy(() => import('../domains/registry/industries/IndustriesPage'));
const DashboardPage = lazy(() => import('../domains/insight/DashboardPage'));
const IndicatorsPage = lazy(() => import('../domains/insight/IndicatorsPage'));
const AlertsPage = lazy(() => import('../domains/insight/AlertsPage'));
const WatchesPage = lazy(() => import('../domains/insight/WatchesPage'));
const LandscapeListPage = lazy(() => import('../domains/insight/landscape/LandscapeListPage'));
const LandscapeDetailPage = lazy(() => import('../domains/insight/landscape/LandscapeDetailPage'));
const ReportsPage = lazy(() => import('../domains/insight/reports/ReportsPage'));
const PublicLayout = lazy(() => import('../domains/protection/public/PublicLayout'));
const PublicReportPage = lazy(() => import('../domains/protection/public/ReportPage'));
const PublicTrackPage = lazy(() => import('../domains/protection/public/TrackPage'));
const PublicVerifyPage = lazy(() => import('../domains/protection/public/VerifyPage'));
const PublicKeyListPage = lazy(() => import('../domains/protection/public/KeyListPage'));
const ReportListPage = lazy(() => import('../domains/protection/reports/ReportListPage'));
const ReportDetailPage = lazy(() => import('../domains/protection/reports/ReportDetailPage'));
const ReportSettingsPage = lazy(() => import('../domains/protection/settings/ReportSettingsPage'));
const KeyListPage = lazy(() => import('../domains/protection/keylist/KeyListPage'));
const KeyListDetailPage = lazy(() => import('../domains/protection/keylist/KeyListDetailPage'));
const KeyListMinePage = lazy(() => import('../domains/protection/keylist/KeyListMinePage'));
const MediationListPage = lazy(() => import('../domains/protection/mediation/MediationListPage'));
const MediationCaseDetailPage = lazy(() => import('../domains/protection/mediation/CaseDetailPage'));
const MediationBodiesPage = lazy(() => import('../domains/protection/mediation/BodiesPage'));
const MediationReferralsPage = lazy(() => import('../domains/protection/mediation/ReferralsPage'));
const MediationMinePage = lazy(() => import('../domains/protection/mediation/MinePage'));
const PublicMediationPage = lazy(() => import('../domains/protection/mediation/public/MediationApplyPage'));
const PublicMediationTrackPage = lazy(() => import('../domains/protection/mediation/public/MediationTrackPage'));
const DisclosureListPage = lazy(() => import('../domains/protection/disclosure/DisclosureListPage'));
const DisclosureDetailPage = lazy(() => import('../domains/protection/disclosure/DisclosureDetailPage'));
const DisclosureFormPage = lazy(() => import('../domains/protection/disclosure/DisclosureFormPage'));
const PublicEnforcementPage = lazy(() => import('../domains/protection/public/EnforcementPage'));
const PublicEnforcementDetailPage = lazy(() => import('../domains/protection/public/EnforcementDetailPage'));
const CreditListPage = lazy(() => import('../domains/protection/credit/CreditListPage'));
const CreditDetailPage = lazy(() => import('../domains/protection/credit/CreditDetailPage'));
const CreditMinePage = lazy(() => import('../domains/protection/credit/CreditMinePage'));
const PublicCreditPage = lazy(() => import('../domains/protection/public/CreditPage'));
const CaseListPage = lazy(() => import('../domains/protection/cases/CaseListPage'));
const CaseDetailPage = lazy(() => import('../domains/protection/cases/CaseDetailPage'));
const CaseTransfersPage = lazy(() => import('../domains/protection/cases/TransfersPage'));
const SurveyListPage = lazy(() => import('../domains/workplan/survey/SurveyListPage'));
const SurveyDetailPage = lazy(() => import('../domains/workplan/survey/SurveyDetailPage'));
const PublicSurveyPage = lazy(() => import('../domains/workplan/survey/public/SurveyAnswerPage'));
const EvaluationPage = lazy(() => import('../domains/workplan/evaluation/EvaluationPage'));
const AssessmentPage = lazy(() => import('../domains/workplan/assessment/AssessmentPage'));
const AssessmentAreaPage = lazy(() => import('../domains/workplan/assessment/AreaCardPage'));
const SupervisionPage = lazy(() => import('../domains/workplan/supervision/SupervisionPage'));
const WorkplanPlanListPage = lazy(() => import('../domains/workplan/plans/PlanListPage'));
const WorkplanPlanDetailPage = lazy(() => import('../domains/workplan/plans/PlanDetailPage'));
const WorkplanAssignmentListPage = lazy(() => import('../domains/workplan/progress/AssignmentListPage'));
const WorkplanAssignmentDetailPage = lazy(() => import('../domains/workplan/progress/AssignmentDetailPage'));
const WorkplanDashboardPage = lazy(() => import('../domains/workplan/dashboard/DashboardPage'));
const NoticeDetailPage = lazy(() => import('../domains/workplan/supervision/NoticeDetailPage'));
const CircularDetailPage = lazy(() => import('../domains/workplan/supervision/CircularDetailPage'));
const InterviewDetailPage = lazy(() => import('../domains/workplan/supervision/InterviewDetailPage'));
const RectificationDetailPage = lazy(() => import('../domains/workplan/supervision/RectificationDetailPage'));

const guard = (permission: Permission | readonly Permission[], page: ReactNode) => <RequirePermission permission={permission}>{page}</RequirePermission>;
const handle = (h: RouteHandle) => h;
const SURVEY_READERS: readonly Permission[] = ['survey.manage', 'evaluation.read', 'assessment.read'];

export const router = createBrowserRouter([
  {
    path: '/login',
    element: <LoginLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <LoginPage /> },
      { path: 'mfa', element: <MfaStepPage /> },
      { path: 'enrol', element: <EnrolStepPage /> },
      { path: 'password', element: <PasswordStepPage /> },
    ],
  },
  {
    // Open to everyone, signed in or not: reporting, following a report, checking evidence, the key-protection list.
    path: '/public',
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/public/report" replace /> },
      { path: 'report', element: <PublicReportPage /> },
      { path: 'track', element: <PublicTrackPage /> },
      { path: 'verify', element: <PublicVerifyPage /> },
      { path: 'key-list', element: <PublicKeyListPage /> },
      { path: 'mediation', element: <PublicMediationPage /> },
      { path: 'mediation/track', element: <PublicMediationTrackPage /> },
      { path: 'enforcement', element: <PublicEnforcementPage /> },
      { path: 'enforcement/:id', element: <PublicEnforcementDetailPage /> },
      { path: 'credit', element: <PublicCreditPage /> },
      { path: 'survey/:slug', element: <PublicSurveyPage /> },
    ],
  },
  {
    path: '/',
    element: (
      <RequireSession publicFrame={<LoginLayout />}>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage />, handle: handle({ crumb: 'nav.home' }) },
      {
        path: 'areas',
        element: <Outlet />,
        children: [
          { index: true, element: guard('area.read', <AreaListPage />), handle: handle({ crumb: 'nav.areas' }) },
          { path: ':code', element: guard('area.read', <AreaDetailPage />), handle: handle({ parent: { path: '/areas', crumb: 'nav.areas' }, crumb: 'areas.detail' }) },
        ],
      },
      {
        path: 'orgs',
        element: <Outlet />,
        children: [
          { index: true, element: guard('org.read', <OrgListPage />), handle: handle({ crumb: 'nav.orgs' }) },
          { path: ':id', element: guard('org.read', <OrgDetailPage />), handle: handle({ parent: { path: '/orgs', crumb: 'nav.orgs' }, crumb: 'orgs.detail' }) },
        ],
      },
      {
        path: 'registry',
        element: <Outlet />,
        handle: handle({ crumb: 'nav.groupRegistry' }),
        children: [
          { path: 'patents', element: guard('registry.read', <PatentSearchPage />), handle: handle({ crumb: 'nav.patents' }) },
          { path: 'patents/:number', element: guard('registry.read', <PatentPage />), handle: handle({ parent: { path: '/registry/patents', crumb: 'nav.patents' }, crumb: 'patent.detail' }) },
          { path: 'trademarks', element: guard('registry.read', <TrademarkSearchPage />), handle: handle({ crumb: 'nav.trademarks' }) },
          { path: 'trademarks/:regNo/:cls?', element: guard('registry.read', <TrademarkPage />), handle: handle({ parent: { path: '/registry/trademarks', crumb: 'nav.trademarks' }, crumb: 'tm.detail' }) },
          { path: 'gis', element: guard('registry.read', <GiListPage />), handle: handle({ crumb: 'nav.gis' }) },
          { path: 'gis/:id', element: guard('registry.read', <GiPage />), handle: handle({ parent: { path: '/registry/gis', crumb: 'nav.gis' }, crumb: 'gi.detail' }) },
          { path: 'holders', element: guard('registry.read', <HolderListPage />), handle: handle({ crumb: 'nav.holders' }) },
          { path: 'holders/unresolved', element: guard('registry.curate', <UnresolvedPage />), handle: handle({ parent: { path: '/registry/holders', crumb: 'nav.holders' }, crumb: 'nav.unresolved' }) },
          { path: 'holders/:id', element: guard('registry.read', <HolderPage />), handle: handle({ parent: { path: '/registry/holders', crumb: 'nav.holders' }, crumb: 'holder.detail' }) },
          { path: 'import', element: guard('registry.import', <ImportPage />), handle: handle({ crumb: 'nav.import' }) },
          { path: 'industries', element: guard(['registry.read', 'registry.reference'], <IndustriesPage />), handle: handle({ crumb: 'nav.industries' }) },
        ],
      },
      {
        path: 'insight',
        element: <Outlet />,
        handle: handle({ crumb: 'nav.groupInsight' }),
        children: [
          { path: 'dashboard', element: guard('insight.read', <DashboardPage />), handle: handle({ crumb: 'nav.dashboard' }) },
          { path: 'indicators', element: guard('insight.read', <IndicatorsPage />), handle: handle({ crumb: 'nav.indicators' }) },
          { path: 'landscapes', element: guard('insight.read', <LandscapeListPage />), handle: handle({ crumb: 'nav.landscapes' }) },
          { path: 'reports', element: guard('insight.read', <ReportsPage />), handle: handle({ crumb: 'nav.reports' }) },
          { path: 'landscapes/:id', element: guard('insight.read', <LandscapeDetailPage />), handle: handle({ parent: { path: '/insight/landscapes', crumb: 'nav.landscapes' }, crumb: 'ls.detail' }) },
          { path: 'alerts', element: guard('alerts.read', <AlertsPage />), handle: handle({ crumb: 'nav.alerts' }) },
          { path: 'watches', element: guard('alerts.read', <WatchesPage />), handle: handle({ parent: { path: '/insight/alerts', crumb: 'nav.alerts' }, crumb: 'nav.watches' }) },
        ],
      },
      {
        path: 'protection',
        element: <Outlet />,
        handle: handle({ crumb: 'nav.groupProtection' }),
        children: [
          { path: 'reports', element: guard('protection.reports', <ReportListPage />), handle: handle({ crumb: 'nav.reportList' }) },
          { path: 'reports/:id', element: guard('protection.reports', <ReportDetailPage />), handle: handle({ parent: { path: '/protection/reports', crumb: 'nav.reportList' }, crumb: 'prd.crumb' }) },
          { path: 'settings', element: guard('protection.settings', <ReportSettingsPage />), handle: handle({ crumb: 'nav.reportSettings' }) },
          { path: 'key-list', element: guard('protection.keylist.review', <KeyListPage />), handle: handle({ crumb: 'nav.keyList' }) },
          { path: 'key-list/mine', element: guard('protection.keylist.apply', <KeyListMinePage />), handle: handle({ crumb: 'nav.keyListApply' }) },
          { path: 'key-list/:id', element: guard('protection.keylist.review', <KeyListDetailPage />), handle: handle({ parent: { path: '/protection/key-list', crumb: 'nav.keyList' }, crumb: 'kl.crumb' }) },
          { path: 'mediation', element: guard('mediation.handle', <MediationListPage />), handle: handle({ crumb: 'nav.mediation' }) },
          { path: 'mediation/bodies', element: guard(['mediation.handle', 'mediation.directory'], <MediationBodiesPage />), handle: handle({ crumb: 'nav.mediationBodies' }) },
          { path: 'mediation/referrals', element: guard('mediation.refer', <MediationReferralsPage />), handle: handle({ crumb: 'nav.mediationReferrals' }) },
          { path: 'mediation/referrals/:id', element: guard('mediation.refer', <MediationCaseDetailPage back="/protection/mediation/referrals" />), handle: handle({ parent: { path: '/protection/mediation/referrals', crumb: 'nav.mediationReferrals' }, crumb: 'md.crumb' }) },
          { path: 'mediation/mine', element: guard('mediation.apply', <MediationMinePage />), handle: handle({ crumb: 'nav.mediationApply' }) },
          { path: 'mediation/mine/:id', element: guard('mediation.apply', <MediationCaseDetailPage back="/protection/mediation/mine" />), handle: handle({ parent: { path: '/protection/mediation/mine', crumb: 'nav.mediationApply' }, crumb: 'md.crumb' }) },
          { path: 'mediation/:id', element: guard('mediation.handle', <MediationCaseDetailPage back="/protection/mediation" />), handle: handle({ parent: { path: '/protection/mediation', crumb: 'nav.mediation' }, crumb: 'md.crumb' }) },
          { path: 'disclosure', element: guard('protection.disclosure', <DisclosureListPage />), handle: handle({ crumb: 'nav.disclosure' }) },
          { path: 'disclosure/new', element: guard('protection.disclosure', <DisclosureFormPage />), handle: handle({ parent: { path: '/protection/disclosure', crumb: 'nav.disclosure' }, crumb: 'dc.new' }) },
          { path: 'disclosure/:id', element: guard('protection.disclosure', <DisclosureDetailPage />), handle: handle({ parent: { path: '/protection/disclosure', crumb: 'nav.disclosure' }, crumb: 'dc.crumb' }) },
          { path: 'disclosure/:id/edit', element: guard('protection.disclosure', <DisclosureFormPage />), handle: handle({ parent: { path: '/protection/disclosure', crumb: 'nav.disclosure' }, crumb: 'dc.editTitle' }) },
          { path: 'credit', element: guard('credit.read', <CreditListPage />), handle: handle({ crumb: 'nav.credit' }) },
          { path: 'credit/mine', element: guard('credit.repair', <CreditMinePage />), handle: handle({ crumb: 'nav.creditMine' }) },
          { path: 'credit/:id', element: guard('credit.read', <CreditDetailPage />), handle: handle({ parent: { path: '/protection/credit', crumb: 'nav.credit' }, crumb: 'cr.crumb' }) },
          { path: 'cases', element: guard('cases.read', <CaseListPage />), handle: handle({ crumb: 'nav.cases' }) },
          { path: 'cases/transfers', element: guard('cases.record', <CaseTransfersPage />), handle: handle({ parent: { path: '/protection/cases', crumb: 'nav.cases' }, crumb: 'nav.caseTransfers' }) },
          { path: 'cases/:id', element: guard('cases.read', <CaseDetailPage />), handle: handle({ parent: { path: '/protection/cases', crumb: 'nav.cases' }, crumb: 'cs.crumb' }) },
        ],
      },
      { path: 'workplan/plans', element: guard('workplan.read', <WorkplanPlanListPage />), handle: handle({ crumb: 'nav.wpPlans' }) },
      { path: 'workplan/plans/:id', element: guard('workplan.read', <WorkplanPlanDetailPage />), handle: handle({ parent: { path: '/workplan/plans', crumb: 'nav.wpPlans' }, crumb: 'wp.planCrumb' }) },
      { path: 'workplan/assignments', element: guard('workplan.read', <WorkplanAssignmentListPage />), handle: handle({ crumb: 'nav.wpAssignments' }) },
      { path: 'workplan/assignments/:id', element: guard('workplan.read', <WorkplanAssignmentDetailPage />), handle: handle({ parent: { path: '/workplan/assignments', crumb: 'nav.wpAssignments' }, crumb: 'wp.assignmentCrumb' }) },
      { path: 'workplan/dashboard', element: guard('workplan.read', <WorkplanDashboardPage />), handle: handle({ crumb: 'nav.wpDashboard' }) },
      { path: 'workplan/evaluation', element: guard('evaluation.read', <EvaluationPage />), handle: handle({ crumb: 'nav.evaluation' }) },
      { path: 'workplan/assessment', element: guard('assessment.read', <AssessmentPage />), handle: handle({ crumb: 'nav.assessment' }) },
      { path: 'workplan/assessment/:year/areas/:code', element: guard('assessment.read', <AssessmentAreaPage />), handle: handle({ parent: { path: '/workplan/assessment', crumb: 'nav.assessment' }, crumb: 'asm.cardCrumb' }) },
      { path: 'workplan/surveys', element: guard(SURVEY_READERS, <SurveyListPage />), handle: handle({ crumb: 'nav.surveys' }) },
      { path: 'workplan/surveys/:id', element: guard(SURVEY_READERS, <SurveyDetailPage />), handle: handle({ parent: { path: '/workplan/surveys', crumb: 'nav.surveys' }, crumb: 'sv.crumb' }) },
      { path: 'workplan/supervision', element: guard('workplan.read', <SupervisionPage />), handle: handle({ crumb: 'nav.supervision' }) },
      { path: 'workplan/supervision/notices/:id', element: guard('workplan.read', <NoticeDetailPage />), handle: handle({ parent: { path: '/workplan/supervision', crumb: 'nav.supervision' }, crumb: 'sup.noticeTitle' }) },
      { path: 'workplan/supervision/circulars/:id', element: guard('workplan.read', <CircularDetailPage />), handle: handle({ parent: { path: '/workplan/supervision', crumb: 'nav.supervision' }, crumb: 'sup.tab.circulars' }) },
      { path: 'workplan/supervision/interviews/:id', element: guard('workplan.read', <InterviewDetailPage />), handle: handle({ parent: { path: '/workplan/supervision', crumb: 'nav.supervision' }, crumb: 'sup.interviewTitle' }) },
      { path: 'workplan/supervision/rectifications/:id', element: guard('workplan.read', <RectificationDetailPage />), handle: handle({ parent: { path: '/workplan/supervision', crumb: 'nav.supervision' }, crumb: 'sup.rectTitle' }) },
      { path: 'users', element: guard('user.read', <UserListPage />), handle: handle({ crumb: 'nav.users' }) },
      { path: 'security/policy', element: guard('policy.read', <PolicyPage />), handle: handle({ crumb: 'nav.policy' }) },
      { path: 'audit', element: guard('audit.read', <AuditPage />), handle: handle({ crumb: 'nav.audit' }) },
      { path: 'outbox', element: guard('outbox.read', <OutboxPage />), handle: handle({ crumb: 'nav.outbox' }) },
      { path: 'account', element: <AccountPage />, handle: handle({ crumb: 'nav.account' }) },
      { path: '*', element: <NotFoundPage />, handle: handle({ crumb: 'notFound.crumb', public: true }) },
    ],
  },
]);
