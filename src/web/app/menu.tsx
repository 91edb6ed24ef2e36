import {
  ApartmentOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  FundProjectionScreenOutlined,
  RadarChartOutlined,
  BankOutlined,
  CustomerServiceOutlined,
  AreaChartOutlined,
  BellOutlined,
  FundOutlined,
  AuditOutlined,
  AimOutlined,
  AlertOutlined,
  CloudUploadOutlined,
  CompassOutlined,
  ContainerOutlined,
  FileTextOutlined,
  FileExclamationOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  IdcardOutlined,
  MailOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  SmileOutlined,
  StarOutlined,
  SwapOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { partnerSourceOf } from '../../shared/protection/cases';
import { isCourtName } from '../../shared/protection/mediation';
import type { Me, Permission } from './api-types';
import type { MessageKey } from './i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Label for users who can only read (e.g. 机构名录 instead of 机构管理). */
  readOnlyLabel?: MessageKey;
  managePermission?: Permission;
  icon: ReactNode;
  permission?: Permission;
  /** A further condition on the user (the police's 移送接收 follows the organisation, not a role). */
  when?: (user: Me) => boolean;
}

export interface NavGroup {
  label: MessageKey;
  items: NavItem[];
}

/** The side menu; each item shows only to users whose permissions allow the page. */
export const NAV: NavGroup[] = [
  {
    label: 'nav.groupWork',
    items: [{ path: '/', label: 'nav.home', icon: <DashboardOutlined /> }],
  },
  {
    label: 'nav.groupRegistry',
    items: [
      { path: '/registry/patents', label: 'nav.patents', icon: <FileSearchOutlined />, permission: 'registry.read' },
      { path: '/registry/trademarks', label: 'nav.trademarks', icon: <TagsOutlined />, permission: 'registry.read' },
      { path: '/registry/gis', label: 'nav.gis', icon: <FlagOutlined />, permission: 'registry.read' },
      { path: '/registry/holders', label: 'nav.holders', icon: <IdcardOutlined />, permission: 'registry.read' },
      { path: '/registry/holders/unresolved', label: 'nav.unresolved', icon: <AimOutlined />, permission: 'registry.curate' },
      { path: '/registry/import', label: 'nav.import', icon: <CloudUploadOutlined />, permission: 'registry.import' },
      { path: '/registry/industries', label: 'nav.industries', icon: <NodeIndexOutlined />, permission: 'registry.reference' },
    ],
  },
  {
    label: 'nav.groupInsight',
    items: [
      { path: '/insight/dashboard', label: 'nav.dashboard', icon: <AreaChartOutlined />, permission: 'insight.read' },
      { path: '/insight/indicators', label: 'nav.indicators', icon: <FundOutlined />, permission: 'insight.read' },
      { path: '/insight/landscapes', label: 'nav.landscapes', icon: <CompassOutlined />, permission: 'insight.read' },
      { path: '/insight/reports', label: 'nav.reports', icon: <FileTextOutlined />, permission: 'insight.read' },
      { path: '/insight/alerts', label: 'nav.alerts', icon: <BellOutlined />, permission: 'alerts.read' },
    ],
  },
  {
    label: 'nav.groupProtection',
    items: [
      { path: '/protection/key-list/mine', label: 'nav.keyListApply', icon: <StarOutlined />, permission: 'protection.keylist.apply' },
      { path: '/protection/mediation/mine', label: 'nav.mediationApply', icon: <CustomerServiceOutlined />, permission: 'mediation.apply' },
      { path: '/protection/mediation/referrals', label: 'nav.mediationReferrals', icon: <CustomerServiceOutlined />, permission: 'mediation.refer', when: (u) => isCourtName(u.org.name) },
      { path: '/protection/reports', label: 'nav.reportList', icon: <AlertOutlined />, permission: 'protection.reports' },
      { path: '/protection/key-list', label: 'nav.keyList', icon: <StarOutlined />, permission: 'protection.keylist.review' },
      { path: '/protection/mediation', label: 'nav.mediation', icon: <CustomerServiceOutlined />, permission: 'mediation.handle' },
      { path: '/protection/mediation/bodies', label: 'nav.mediationBodies', icon: <BankOutlined />, permission: 'mediation.handle' },
      { path: '/protection/disclosure', label: 'nav.disclosure', icon: <NotificationOutlined />, permission: 'protection.disclosure' },
      { path: '/protection/cases', label: 'nav.cases', icon: <ContainerOutlined />, permission: 'cases.read' },
      { path: '/protection/cases/transfers', label: 'nav.caseTransfers', icon: <SwapOutlined />, permission: 'cases.record', when: (u) => partnerSourceOf(u.org.name) === 'police' },
      { path: '/protection/credit/mine', label: 'nav.creditMine', icon: <SafetyOutlined />, permission: 'credit.repair' },
      { path: '/protection/credit', label: 'nav.credit', icon: <SafetyOutlined />, permission: 'credit.read' },
      { path: '/protection/settings', label: 'nav.reportSettings', icon: <SettingOutlined />, permission: 'protection.settings' },
    ],
  },
  {
    label: 'nav.groupPlan',
    items: [
      { path: '/workplan/plans', label: 'nav.wpPlans', icon: <ProjectOutlined />, permission: 'workplan.read' },
      { path: '/workplan/assignments', label: 'nav.wpAssignments', icon: <ScheduleOutlined />, permission: 'workplan.read' },
      { path: '/workplan/dashboard', label: 'nav.wpDashboard', icon: <FundProjectionScreenOutlined />, permission: 'workplan.read' },
      { path: '/workplan/assessment', label: 'nav.assessment', icon: <TrophyOutlined />, permission: 'assessment.read' },
      { path: '/workplan/evaluation', label: 'nav.evaluation', icon: <RadarChartOutlined />, permission: 'evaluation.read' },
      { path: '/workplan/surveys', label: 'nav.surveys', icon: <SmileOutlined />, permission: 'evaluation.read' },
      { path: '/workplan/supervision', label: 'nav.supervision', icon: <FileExclamationOutlined />, permission: 'workplan.read' },
    ],
  },
  {
    label: 'nav.groupData',
    items: [
      { path: '/areas', label: 'nav.areas', icon: <EnvironmentOutlined />, permission: 'area.read' },
      { path: '/orgs', label: 'nav.orgs', readOnlyLabel: 'nav.orgsDirectory', managePermission: 'org.manage', icon: <ApartmentOutlined />, permission: 'org.read' },
    ],
  },
  {
    label: 'nav.groupSystem',
    items: [
      { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
      { path: '/security/policy', label: 'nav.policy', icon: <SafetyCertificateOutlined />, permission: 'policy.read' },
      { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
      { path: '/outbox', label: 'nav.outbox', icon: <MailOutlined />, permission: 'outbox.read' },
    ],
  },
  {
    label: 'nav.groupMe',
    items: [{ path: '/account', label: 'nav.account', icon: <UserOutlined /> }],
  },
];

/** The menu entry a path belongs to (the longest matching prefix). */
export function activeNavPath(pathname: string): string {
  let best = '/';
  for (const g of NAV) {
    for (const i of g.items) {
      if (i.path !== '/' && (pathname === i.path || pathname.startsWith(`${i.path}/`)) && i.path.length > best.length) best = i.path;
    }
  }
  return best;
}
