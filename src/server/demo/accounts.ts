import type { OrgKind, Role } from '../../shared/roles';

/**
 * The demo organisations and accounts (one per kind of user). Public bodies keep their real names;
 * firms marked `synthetic` are invented, and their credit codes are generated (valid check
 * characters, invented numbers). Everything seeded here is flagged is_demo.
 */
export interface DemoOrg {
  key: string;
  name: string;
  kind: OrgKind;
  area: string;
  address?: string;
  synthetic?: boolean;
}

export const DEMO_ORGS: readonly DemoOrg[] = [
  { key: 'city', name: '信阳市知识产权局', kind: 'city_office', area: '411500', address: '河南省信阳市羊山新区新七大道' },
  { key: 'court', name: '信阳市中级人民法院', kind: 'partner', area: '411500' },
  { key: 'procuratorate', name: '信阳市人民检察院', kind: 'partner', area: '411500' },
  { key: 'police', name: '信阳市公安局', kind: 'partner', area: '411500' },
  { key: 'justice', name: '信阳市司法局', kind: 'partner', area: '411500' },
  { key: 'culture', name: '信阳市文化广电和旅游局', kind: 'partner', area: '411500' },
  { key: 'lingrui', name: '河南羚锐制药股份有限公司', kind: 'enterprise', area: '411523', address: '河南省信阳市新县' },
  { key: 'tea', name: '信阳浉河云雾茶业有限公司', kind: 'enterprise', area: '411502', address: '河南省信阳市浉河区董家河镇', synthetic: true },
  { key: 'perlite', name: '河南上天梯珍珠岩新材料有限公司', kind: 'enterprise', area: 'shangtianti', address: '河南省信阳市上天梯管理区', synthetic: true },
  { key: 'food', name: '固始县皇姑山食品有限公司', kind: 'enterprise', area: '411525', address: '河南省信阳市固始县城关镇', synthetic: true },
  { key: 'xynu', name: '信阳师范大学', kind: 'university', area: '411502', address: '河南省信阳市浉河区南湖路237号' },
  { key: 'agency', name: '信阳申城专利代理事务所（普通合伙）', kind: 'agency', area: '411502', address: '河南省信阳市浉河区新华路', synthetic: true },
  { key: 'bank', name: '中国银行股份有限公司信阳分行', kind: 'bank', area: '411500' },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  /** Key of a DEMO_ORGS entry, or `desk:<area code>` for a county/zone desk. */
  orgKey: string;
  /** Organisation name shown on the sign-in page. */
  org: string;
  scope?: string;
  note: { zh: string; en: string };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: '赵立新', roles: ['sysadmin'], orgKey: 'city', org: '信阳市知识产权局', note: { zh: '系统管理员：机构、账号、API 令牌', en: 'System administrator: organisations, accounts, API tokens' } },
  { username: 'security', displayName: '钱敏', roles: ['secadmin'], orgKey: 'city', org: '信阳市知识产权局', note: { zh: '安全管理员：角色授权、安全策略', en: 'Security administrator: role grants, security policy' } },
  { username: 'auditor', displayName: '孙静', roles: ['auditor'], orgKey: 'city', org: '信阳市知识产权局', note: { zh: '审计管理员：审计日志', en: 'Auditor: audit log' } },
  { username: 'city', displayName: '李文博', roles: ['city_officer'], orgKey: 'city', org: '信阳市知识产权局', note: { zh: '市局工作人员，全市范围', en: 'City IP office officer, whole city' } },
  { username: 'leader', displayName: '刘振华', roles: ['leader'], orgKey: 'city', org: '信阳市知识产权局', note: { zh: '局领导：只读查阅看板、进展与考核', en: 'Office leader: reads dashboards, progress and assessment' } },
  { username: 'gushi', displayName: '周建国', roles: ['area_officer'], orgKey: 'desk:411525', org: '固始县市场监督管理局', scope: '411525', note: { zh: '固始县知识产权股，仅限固始县', en: 'Gushi County IP desk, Gushi only' } },
  { username: 'shangtianti', displayName: '吴海燕', roles: ['area_officer'], orgKey: 'desk:shangtianti', org: '上天梯非金属矿管理区管委会', scope: 'shangtianti', note: { zh: '上天梯管理区知识产权工作人员', en: 'Shangtianti zone IP desk' } },
  { username: 'court', displayName: '郑法官', roles: ['partner'], orgKey: 'court', org: '信阳市中级人民法院', note: { zh: '联席会议成员单位（法院）', en: 'Partner department (court)' } },
  { username: 'police', displayName: '何志强', roles: ['partner'], orgKey: 'police', org: '信阳市公安局', note: { zh: '联席会议成员单位（公安，接收移送案件）', en: 'Partner department (police; receives transferred cases)' } },
  { username: 'lingrui', displayName: '王晓峰', roles: ['enterprise'], orgKey: 'lingrui', org: '河南羚锐制药股份有限公司', note: { zh: '企业用户', en: 'Enterprise user' } },
  { username: 'xynu', displayName: '冯雅琴', roles: ['university'], orgKey: 'xynu', org: '信阳师范大学', note: { zh: '高校运营中心用户', en: 'University IP operation centre' } },
  { username: 'agency', displayName: '陈志刚', roles: ['agency'], orgKey: 'agency', org: '信阳申城专利代理事务所（普通合伙）', note: { zh: '知识产权代理机构用户', en: 'IP agency user' } },
  { username: 'bank', displayName: '褚丽华', roles: ['bank'], orgKey: 'bank', org: '中国银行股份有限公司信阳分行', note: { zh: '金融机构（质押融资）用户', en: 'Lender (pledge financing)' } },
];

/** The desk organisation of a county/district (its market-regulation bureau) or a zone (its committee). */
export function deskName(area: { name: string; kind: string }): string {
  return area.kind === 'zone' ? `${area.name}管委会` : `${area.name}市场监督管理局`;
}
