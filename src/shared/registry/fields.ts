import type { ImportKind } from './types';

/**
 * The fields an import can fill, with the column headings the usual sources use for them
 * (CNIPA, incoPat, 智慧芽/PatSnap, 合享, 中国商标网, CNIPA's GI announcements, Chinese and English).
 * The keys are the names validate.ts reads.
 */
export interface FieldSpec {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  aliases: readonly string[];
}

const f = (key: string, zh: string, en: string, required: boolean, aliases: string[]): FieldSpec => ({ key, zh, en, required, aliases });

const PATENT_FIELDS: FieldSpec[] = [
  f('appNo', '申请号', 'Application number', true, ['专利申请号', '申请号码', '申请专利号', 'application number', 'application no', 'appno', 'app no', 'an']),
  f('appDate', '申请日', 'Application date', true, ['申请日期', 'application date', 'filing date', 'appdate', 'ad']),
  f('type', '专利类型', 'Patent type', false, ['类型', '专利种类', '专利类别', 'patent type', 'type', 'kind']),
  f('pubNo', '公开(公告)号', 'Publication number', false, ['公开号', '公开公告号', '公告号', '公布号', '文献号', 'publication number', 'publication no', 'pn', 'pubno']),
  f('pubDate', '公开(公告)日', 'Publication date', false, ['公开日', '公开日期', '公告日', '公开公告日', '公布日', 'publication date', 'pd', 'pubdate']),
  f('grantNo', '授权公告号', 'Grant number', false, ['授权号', '授权公告号码', 'grant number', 'grant no', 'grantno']),
  f('grantDate', '授权公告日', 'Grant date', false, ['授权日', '授权日期', '授权公告日期', 'grant date', 'grantdate']),
  f('title', '发明名称', 'Title', true, ['名称', '标题', '专利名称', '发明创造名称', '中文标题', '标题(中文)', 'title', 'invention title']),
  f('abstract', '摘要', 'Abstract', false, ['中文摘要', '摘要(中文)', 'abstract']),
  f('applicants', '申请人', 'Applicants', true, ['申请人/专利权人', '申请(专利权)人', '申请人名称', '原始申请人', '申请人(中文)', 'applicant', 'applicants', 'applicant name']),
  f('patentees', '专利权人', 'Patentees', false, ['当前专利权人', '当前权利人', '权利人', 'patentee', 'patentees', 'assignee', 'current assignee']),
  f('applicantUsccs', '统一社会信用代码', 'USCC', false, ['申请人统一社会信用代码', '信用代码', '社会信用代码', 'uscc', 'credit code']),
  f('address', '申请人地址', 'Address', false, ['地址', '申请人地址信息', '第一申请人地址', '专利权人地址', 'address', 'applicant address']),
  f('inventors', '发明人', 'Inventors', false, ['发明人/设计人', '设计人', '发明(设计)人', '发明人姓名', 'inventor', 'inventors', 'designer']),
  f('ipcMain', 'IPC主分类号', 'Main IPC', false, ['主分类号', 'ipc主分类', '主分类', 'main ipc', 'ipc main', 'main classification']),
  f('ipc', 'IPC分类号', 'IPC codes', false, ['ipc', '分类号', 'ipc分类', '国际分类号', 'ipc codes', 'ipc classification']),
  f('status', '法律状态', 'Legal status', false, ['当前法律状态', '专利状态', '法律状态/事件', '有效性', 'legal status', 'status']),
  f('statusDate', '法律状态日', 'Status date', false, ['法律状态公告日', '法律状态日期', '法律状态生效日', 'status date']),
  f('agency', '代理机构', 'Agency', false, ['专利代理机构', '代理机构名称', 'agency', 'patent agency']),
  f('agents', '代理人', 'Agents', false, ['专利代理人', '代理人姓名', 'agent', 'agents']),
  f('priority', '优先权', 'Priority', false, ['优先权号', '优先权信息', 'priority']),
  f('family', '同族', 'Family', false, ['同族专利', '简单同族', '同族公开号', 'family', 'family members']),
  f('claimsCount', '权利要求数', 'Number of claims', false, ['权利要求数量', '权利要求项数', '权项数', 'claims', 'number of claims', 'claims count']),
  f('provinceCode', '国省代码', 'Province code', false, ['国家/省市', '省市代码', 'province code']),
];

const TRADEMARK_FIELDS: FieldSpec[] = [
  f('regNo', '注册号', 'Registration number', true, ['申请号', '注册/申请号', '申请/注册号', '商标注册号', '注册号/申请号', 'registration number', 'reg no', 'regno', 'application number']),
  f('niceClass', '国际分类', 'Nice class', true, ['类别', '类号', '国际分类号', '商标类别', '国际类别', 'nice class', 'class']),
  f('name', '商标名称', 'Mark', true, ['商标', '名称', '商标文字', '商标名', 'trademark', 'mark', 'mark name']),
  f('appDate', '申请日', 'Application date', false, ['申请日期', 'application date', 'filing date']),
  f('regDate', '注册日', 'Registration date', false, ['注册日期', '注册公告日期', '注册公告日', 'registration date']),
  f('term', '专用期限', 'Term', false, ['专用权期限', '专用权期', '有效期', '有效期限', 'term', 'period']),
  f('termStart', '专用期限起', 'Term start', false, ['专用期限开始日', '专用权起始日', '有效期起', 'term start']),
  f('termEnd', '专用期限止', 'Term end', false, ['专用期限截止日', '专用权终止日', '有效期至', '到期日', '截止日期', 'term end', 'expiry date']),
  f('applicants', '申请人', 'Applicants', true, ['注册人', '商标权人', '申请人名称', '申请人名称(中文)', '申请人/注册人', 'applicant', 'applicants', 'owner', 'registrant']),
  f('applicantUsccs', '统一社会信用代码', 'USCC', false, ['申请人统一社会信用代码', '信用代码', '社会信用代码', 'uscc', 'credit code']),
  f('address', '地址', 'Address', false, ['申请人地址', '注册人地址', '申请人地址(中文)', 'address']),
  f('markType', '商标类型', 'Mark type', false, ['类型', '商标种类', 'mark type', 'type']),
  f('status', '商标状态', 'Status', false, ['状态', '当前状态', '法律状态', '商标流程状态', 'status']),
  f('goods', '商品/服务', 'Goods and services', false, ['指定商品', '商品服务', '商品服务列表', '使用商品', '核定使用商品', '商品/服务项目', 'goods', 'goods and services']),
  f('agency', '代理机构', 'Agency', false, ['代理人名称', '商标代理机构', '代理组织', 'agency', 'agent']),
];

const GI_FIELDS: FieldSpec[] = [
  f('name', '地理标志名称', 'GI name', true, ['产品名称', '名称', '地理标志', '商标名称', '地理标志产品名称', 'name', 'gi name', 'product']),
  f('kind', '地理标志类型', 'Kind', false, ['类型', '保护类型', '种类', 'kind', 'type']),
  f('regNo', '注册号', 'Registration / announcement number', false, ['公告号', '批准公告号', '登记证书编号', '证书编号', '注册号/公告号', 'registration number', 'reg no']),
  f('niceClass', '国际分类', 'Nice class', false, ['类别', '商标类别', 'nice class', 'class']),
  f('holder', '注册人', 'Holder', false, ['申请人', '持有人', '证书持有人', '申请单位', '注册人名称', 'holder', 'applicant']),
  f('holderUscc', '统一社会信用代码', 'Holder USCC', false, ['信用代码', 'uscc']),
  f('areaText', '保护范围', 'Protected area', false, ['地域范围', '产地范围', '保护地域范围', '划定范围', 'area', 'protected area']),
  f('approvedOn', '批准日期', 'Approved on', false, ['注册日', '注册日期', '公告日期', '登记日期', '批准日', 'approved on', 'date']),
  f('authority', '批准机关', 'Authority', false, ['登记机关', '发布机构', '批准部门', 'authority']),
  f('standard', '质量技术要求', 'Quality standard', false, ['标准', '质量标准', '技术标准', 'standard']),
  f('productCategory', '产品类别', 'Product category', false, ['产品类型', '品类', 'category', 'product category']),
];

const GI_USER_FIELDS: FieldSpec[] = [
  f('giName', '地理标志名称', 'GI name', true, ['地理标志', '产品名称', '商标名称', '地理标志产品', 'gi', 'gi name']),
  f('firmName', '企业名称', 'Firm', true, ['使用人', '用标企业', '单位名称', '生产者', '使用单位', '企业', 'firm', 'user', 'company']),
  f('uscc', '统一社会信用代码', 'USCC', false, ['信用代码', '社会信用代码', 'uscc', 'credit code']),
  f('address', '地址', 'Address', false, ['企业地址', '生产地址', '住所', 'address']),
  f('announcementNo', '公告号', 'Announcement number', false, ['批准文号', '核准公告号', '公告编号', 'announcement number', 'announcement no']),
  f('announcedOn', '公告日期', 'Announced on', false, ['核准日期', '批准日期', '公告日', 'announced on', 'date']),
  f('status', '状态', 'Status', false, ['使用状态', '当前状态', 'status']),
];

export const FIELDS: Record<ImportKind, FieldSpec[]> = {
  patents: PATENT_FIELDS,
  trademarks: TRADEMARK_FIELDS,
  gis: GI_FIELDS,
  gi_users: GI_USER_FIELDS,
};

/** The label of a field in error reports; '*' stands for the whole row. */
export function fieldLabel(kind: ImportKind, key: string, lang: 'zh' | 'en' = 'zh'): string {
  if (key === '*') return lang === 'zh' ? '整行' : 'whole row';
  return FIELDS[kind].find((f) => f.key === key)?.[lang] ?? key;
}

/** A heading reduced to what tells headings apart: half-width, lower case, letters, digits and Han only. */
export function headingKey(heading: string): string {
  return heading.normalize('NFKC').toLowerCase().replace(/[^\p{Script=Han}a-z0-9]/gu, '');
}

export type MatchConfidence = 'exact' | 'alias' | 'fuzzy' | 'none';

export interface HeaderMatch {
  header: string;
  field: string | null;
  confidence: MatchConfidence;
}

interface Lookup {
  exact: Map<string, string>;
  alias: Map<string, string>;
  /** [headingKey, field] pairs, longest first, for matching headings that contain them. */
  fuzzy: Array<[string, string]>;
}

const lookups = new Map<ImportKind, Lookup>();

function lookupOf(kind: ImportKind): Lookup {
  const cached = lookups.get(kind);
  if (cached) return cached;
  const exact = new Map<string, string>();
  const alias = new Map<string, string>();
  const fuzzy: Array<[string, string]> = [];
  for (const spec of FIELDS[kind]) {
    for (const label of [spec.zh, spec.en, spec.key]) if (!exact.has(headingKey(label))) exact.set(headingKey(label), spec.key);
    for (const a of spec.aliases) {
      const k = headingKey(a);
      if (!exact.has(k) && !alias.has(k)) alias.set(k, spec.key);
      // Short Latin abbreviations (an, pn) would match inside unrelated words.
      if (k.length >= 2 && !/^[a-z0-9]{1,3}$/.test(k)) fuzzy.push([k, spec.key]);
    }
    fuzzy.push([headingKey(spec.zh), spec.key]);
  }
  fuzzy.sort((a, b) => b[0].length - a[0].length);
  const built = { exact, alias, fuzzy };
  lookups.set(kind, built);
  return built;
}

/**
 * How each heading of a file maps to a field. Exact names and known aliases are taken first; a
 * heading that contains a known name (e.g. 申请人(中文)) is matched loosely after. A field is
 * given to one column only: the first that claims it.
 */
export function matchHeaders(kind: ImportKind, headers: readonly string[]): HeaderMatch[] {
  const { exact, alias, fuzzy } = lookupOf(kind);
  const taken = new Set<string>();
  const out: HeaderMatch[] = headers.map((header) => ({ header, field: null, confidence: 'none' }));
  out.forEach((m) => {
    const k = headingKey(m.header);
    const field = exact.get(k) ?? alias.get(k);
    if (field && !taken.has(field)) {
      taken.add(field);
      m.field = field;
      m.confidence = exact.has(k) ? 'exact' : 'alias';
    }
  });
  out.forEach((m) => {
    if (m.field) return;
    const k = headingKey(m.header);
    if (k.length < 2) return;
    const hit = fuzzy.find(([name, field]) => !taken.has(field) && k.includes(name));
    if (hit) {
      taken.add(hit[1]);
      m.field = hit[1];
      m.confidence = 'fuzzy';
    }
  });
  return out;
}

/** Required fields that no column is mapped to. */
export function missingRequired(kind: ImportKind, mapping: ReadonlyArray<string | null | undefined>): string[] {
  const used = new Set(mapping.filter((m): m is string => typeof m === 'string'));
  return FIELDS[kind].filter((spec) => spec.required && !used.has(spec.key)).map((spec) => spec.key);
}

/**
 * The index of the header line among the first rows (exports often put a title or a query line
 * above it): the row that names the most known fields, at least two of them one required.
 * -1 when no row qualifies.
 */
export function findHeaderRow(kind: ImportKind, rows: ReadonlyArray<readonly string[]>): number {
  const required = new Set(FIELDS[kind].filter((s) => s.required).map((s) => s.key));
  let best = -1;
  let bestScore = 0;
  rows.forEach((cells, i) => {
    const matched = matchHeaders(kind, cells).filter((m) => m.confidence === 'exact' || m.confidence === 'alias');
    const score = matched.length;
    if (score >= 2 && matched.some((m) => m.field && required.has(m.field)) && score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
