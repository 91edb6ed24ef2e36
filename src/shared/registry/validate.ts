import { parseApplicationNumber } from '../validators/patent-number';
import { parseUscc } from '../validators/uscc';
import { cellClean, cellPreview, type Reason } from './cell';
import {
  parseDate,
  parseDateRange,
  parseGiKind,
  parseGiUserStatus,
  parseInteger,
  parseLegalStatus,
  parseMarkType,
  parseNiceClass,
  parsePatentType,
  parsePublicationNumber,
  parseTrademarkNumber,
  parseTrademarkStatus,
  splitAligned,
  splitIpcList,
  normaliseIpc,
  splitNames,
  patentTypeLabel,
} from './normalise';
import type { GiRecord, GiUserRecord, PatentRecord, RowProblem, TrademarkRecord } from './types';

/**
 * Row validation of the four import kinds: a raw row keyed by field (fields.ts) becomes a record
 * of types.ts, or the list of everything wrong with it, each with a reason an officer can act on.
 */
export type RowResult<R> = { ok: true; record: R; warnings: RowProblem[] } | { ok: false; problems: RowProblem[] };
export interface RowOptions {
  /** 'YYYY-MM-DD': dates after it are refused. */
  today: string;
}
type Raw = Record<string, unknown>;

const LIMITS = { title: 500, abstract: 20_000, name: 300, text: 2_000 } as const;

/** Collects problems while reading a row's cells. */
class Row {
  readonly problems: RowProblem[] = [];
  readonly warnings: RowProblem[] = [];
  constructor(
    private readonly raw: Raw,
    readonly today: string,
  ) {}

  has(field: string): boolean {
    return cellClean(this.raw[field]) !== '';
  }

  value(field: string): unknown {
    return this.raw[field];
  }

  problem(field: string, reason: Reason, value: unknown = this.raw[field]): null {
    this.problems.push({ field, value: cellPreview(value), reason });
    return null;
  }

  warn(field: string, reason: Reason): void {
    this.warnings.push({ field, value: cellPreview(this.raw[field]), reason });
  }

  required(field: string, label: string, labelEn: string): void {
    if (!this.has(field)) this.problem(field, { zh: `缺少必填项「${label}」`, en: `${labelEn} is required` });
  }

  text(field: string, max: number = LIMITS.text): string | null {
    const s = cellClean(this.raw[field]);
    if (s === '') return null;
    if ([...s].length > max) return this.problem(field, { zh: `内容过长（超过 ${max} 字）`, en: `Longer than ${max} characters` });
    return s;
  }

  names(field: string): string[] {
    const list = splitNames(this.raw[field]);
    const long = list.find((n) => [...n].length > LIMITS.name);
    if (long) this.problem(field, { zh: `名称过长（超过 ${LIMITS.name} 字）`, en: `A name is longer than ${LIMITS.name} characters` });
    return list;
  }

  date(field: string, opts: { allowFuture?: boolean; min?: string } = {}): string | null {
    if (!this.has(field)) return null;
    const r = parseDate(this.raw[field], { today: this.today, ...opts });
    return r.ok ? r.date : this.problem(field, r.reason);
  }

  usccs(field: string): Array<string | null> {
    return splitAligned(this.raw[field]).map((code) => {
      if (code === '') return null;
      const r = parseUscc(code);
      return r.ok ? r.canonical : this.problem(field, r.message, code);
    });
  }

  uscc(field: string): string | null {
    if (!this.has(field)) return null;
    const r = parseUscc(cellClean(this.raw[field]));
    return r.ok ? r.canonical : this.problem(field, r.message);
  }

  result<R>(record: R): RowResult<R> {
    return this.problems.length > 0 ? { ok: false, problems: this.problems } : { ok: true, record, warnings: this.warnings };
  }
}

/** A date that must not precede another of the same row (a publication before the filing). */
function notBefore(row: Row, field: string, date: string | null, earlier: string | null, zh: string, en: string): void {
  if (date && earlier && date < earlier) row.problem(field, { zh: `${zh}（${date}）早于申请日（${earlier}）`, en: `${en} (${date}) is before the application date (${earlier})` });
}

export function validatePatentRow(raw: Raw, opts: RowOptions): RowResult<PatentRecord> {
  const row = new Row(raw, opts.today);
  row.required('appNo', '申请号', 'Application number');
  row.required('appDate', '申请日', 'Application date');
  row.required('title', '发明名称', 'Title');
  row.required('applicants', '申请人', 'Applicant');

  let appNo: string | null = null;
  let pct = false;
  if (row.has('appNo')) {
    const r = parseApplicationNumber(cellClean(raw.appNo));
    if (r.ok) {
      appNo = r.canonical;
      pct = r.pct;
    } else row.problem('appNo', r.message);
  }
  const appDate = row.date('appDate', { min: '1985-04-01' });
  if (appNo && appDate) {
    const year = Number(appNo.length > 12 ? appNo.slice(0, 4) : `${Number(appNo.slice(0, 2)) > 84 ? '19' : '20'}${appNo.slice(0, 2)}`);
    // A divisional or PCT national-phase number is younger than its filing date, never older.
    if (year < Number(appDate.slice(0, 4))) {
      row.problem('appDate', { zh: `申请日 ${appDate} 与申请号 ${appNo} 的年份 ${year} 不符`, en: `Application date ${appDate} does not match the year ${year} of ${appNo}` });
    }
  }

  const typeResult = parsePatentType(raw.type, appNo);
  // An empty type is taken from a valid number; with a bad number that is the only problem to report.
  const type = typeResult.ok ? typeResult.type : typeResult.empty && appNo === null ? null : (row.problem('type', typeResult.reason), null);

  // 公开(公告)号 holds the latest publication: an A for a pending invention, a B/U/S once granted.
  let pubNo: string | null = null;
  let pubDate = row.date('pubDate');
  let grantNo: string | null = null;
  let grantDate = row.date('grantDate');
  const publications: Array<[string, 'pubNo' | 'grantNo']> = [];
  if (row.has('pubNo')) publications.push([String(raw.pubNo), 'pubNo']);
  if (row.has('grantNo')) publications.push([String(raw.grantNo), 'grantNo']);
  for (const [value, field] of publications) {
    const r = parsePublicationNumber(value);
    if (!r.ok) {
      row.problem(field, r.reason);
      continue;
    }
    if (type && r.type && r.type !== type) {
      row.problem(field, {
        zh: `公开（公告）号 ${r.canonical} 是${patentTypeLabel(r.type).zh}的号码，与专利类型「${patentTypeLabel(type).zh}」不符`,
        en: `${r.canonical} is a${r.type === 'invention' ? 'n' : ''} ${patentTypeLabel(r.type).en} number, not a ${patentTypeLabel(type).en}`,
      });
      continue;
    }
    if (r.grant || field === 'grantNo') {
      grantNo = grantNo ?? r.canonical;
      if (field === 'pubNo' && !grantDate) {
        grantDate = pubDate;
        pubDate = null;
      }
    } else pubNo = r.canonical;
  }
  notBefore(row, 'pubDate', pubDate, appDate, '公开日', 'Publication date');
  notBefore(row, 'grantDate', grantDate, appDate, '授权公告日', 'Grant date');

  const ipcList = splitIpcList(raw.ipc);
  for (const bad of ipcList.invalid) row.problem('ipc', bad.reason, bad.value);
  let ipcMain: string | null = null;
  if (row.has('ipcMain')) {
    const r = normaliseIpc(raw.ipcMain);
    if (r.ok) ipcMain = r.code;
    else row.problem('ipcMain', r.reason);
  }
  ipcMain = ipcMain ?? ipcList.codes[0] ?? null;
  const ipc = ipcMain ? [ipcMain, ...ipcList.codes.filter((c) => c !== ipcMain)] : ipcList.codes;

  const status = parseLegalStatus(raw.status);
  let claimsCount: number | null = null;
  if (row.has('claimsCount')) {
    const r = parseInteger(raw.claimsCount, { min: 0, max: 10_000 });
    if (r.ok) claimsCount = r.value;
    else row.problem('claimsCount', r.reason);
  }
  const applicants = row.names('applicants');
  const applicantUsccs = row.usccs('applicantUsccs');
  if (applicantUsccs.length > applicants.length && applicants.length > 0) {
    row.problem('applicantUsccs', { zh: `统一社会信用代码有 ${applicantUsccs.length} 个，申请人只有 ${applicants.length} 个`, en: `${applicantUsccs.length} credit codes for ${applicants.length} applicants` });
  }

  const record: PatentRecord = {
    appNo: appNo ?? '',
    appDate: appDate ?? '',
    type: type ?? 'invention',
    pct,
    pubNo,
    pubDate,
    grantNo,
    grantDate,
    title: row.text('title', LIMITS.title) ?? '',
    abstract: row.text('abstract', LIMITS.abstract),
    applicants,
    patentees: row.names('patentees'),
    applicantUsccs: applicants.map((_, i) => applicantUsccs[i] ?? null),
    address: row.text('address'),
    inventors: row.names('inventors'),
    ipcMain,
    ipc,
    status: status.status === 'unknown' && status.raw === null ? (grantNo ? 'valid' : 'pending') : status.status,
    statusRaw: status.raw,
    statusDate: row.date('statusDate'),
    agency: row.text('agency'),
    agents: row.names('agents'),
    priority: row.text('priority'),
    family: row.names('family'),
    claimsCount,
    provinceCode: row.text('provinceCode', 40),
  };
  if (status.status === 'unknown' && status.raw !== null) row.warn('status', { zh: `未能识别的法律状态「${status.raw}」，记为“未知”`, en: `Unrecognised legal status "${status.raw}", stored as unknown` });
  return row.result(record);
}

export function validateTrademarkRow(raw: Raw, opts: RowOptions): RowResult<TrademarkRecord> {
  const row = new Row(raw, opts.today);
  row.required('regNo', '注册号', 'Registration number');
  row.required('niceClass', '国际分类', 'Nice class');
  row.required('name', '商标名称', 'Mark');
  row.required('applicants', '申请人', 'Applicant');
  let regNo: string | null = null;
  if (row.has('regNo')) {
    const r = parseTrademarkNumber(raw.regNo);
    if (r.ok) regNo = r.value;
    else row.problem('regNo', r.reason);
  }
  let niceClass: number | null = null;
  if (row.has('niceClass')) {
    const r = parseNiceClass(raw.niceClass);
    if (r.ok) niceClass = r.value;
    else row.problem('niceClass', r.reason);
  }
  const appDate = row.date('appDate', { min: '1950-01-01' });
  const regDate = row.date('regDate', { min: '1950-01-01' });
  notBefore(row, 'regDate', regDate, appDate, '注册日', 'Registration date');
  let termStart: string | null = null;
  let termEnd: string | null = null;
  if (row.has('term')) {
    const r = parseDateRange(raw.term, { min: '1950-01-01' });
    if (r.ok) [termStart, termEnd] = [r.start, r.end];
    else row.problem('term', r.reason);
  }
  termStart = termStart ?? row.date('termStart', { allowFuture: true, min: '1950-01-01' });
  termEnd = termEnd ?? row.date('termEnd', { allowFuture: true, min: '1950-01-01' });
  if (termStart && termEnd && termEnd < termStart) row.problem('termEnd', { zh: `专用期限止（${termEnd}）早于起始日（${termStart}）`, en: `The term ends (${termEnd}) before it starts (${termStart})` });
  const markType = parseMarkType(raw.markType);
  if (!markType.ok) row.problem('markType', markType.reason);
  const status = parseTrademarkStatus(raw.status);
  if (status.status === 'unknown' && status.raw !== null) row.warn('status', { zh: `未能识别的商标状态「${status.raw}」，记为“未知”`, en: `Unrecognised status "${status.raw}", stored as unknown` });
  const applicants = row.names('applicants');
  const usccs = row.usccs('applicantUsccs');
  return row.result<TrademarkRecord>({
    regNo: regNo ?? '',
    niceClass: niceClass ?? 0,
    name: row.text('name', LIMITS.name) ?? '',
    appDate,
    regDate,
    termStart,
    termEnd,
    applicants,
    applicantUsccs: applicants.map((_, i) => usccs[i] ?? null),
    address: row.text('address'),
    markType: markType.ok ? markType.value : 'ordinary',
    status: status.status === 'unknown' && status.raw === null ? (regDate ? 'registered' : 'pending') : status.status,
    statusRaw: status.raw,
    goods: row.text('goods', LIMITS.abstract),
    agency: row.text('agency'),
  });
}

export function validateGiRow(raw: Raw, opts: RowOptions): RowResult<GiRecord> {
  const row = new Row(raw, opts.today);
  row.required('name', '地理标志名称', 'GI name');
  let niceClass: number | null = null;
  if (row.has('niceClass')) {
    const r = parseNiceClass(raw.niceClass);
    if (r.ok) niceClass = r.value;
    else row.problem('niceClass', r.reason);
  }
  const kind = parseGiKind(raw.kind);
  if (kind && !kind.ok) row.problem('kind', kind.reason);
  // Without a kind, a Nice class says it is a mark; a GI product has none.
  const resolvedKind = kind?.ok ? kind.value : niceClass ? 'certification_mark' : 'product';
  return row.result<GiRecord>({
    name: row.text('name', LIMITS.name) ?? '',
    kind: resolvedKind,
    regNo: row.text('regNo', 100),
    niceClass,
    holder: row.text('holder', LIMITS.name),
    holderUscc: row.uscc('holderUscc'),
    areaText: row.text('areaText', LIMITS.abstract),
    approvedOn: row.date('approvedOn', { min: '1980-01-01' }),
    authority: row.text('authority'),
    standard: row.text('standard'),
    productCategory: row.text('productCategory', 100),
  });
}

export function validateGiUserRow(raw: Raw, opts: RowOptions): RowResult<GiUserRecord> {
  const row = new Row(raw, opts.today);
  row.required('giName', '地理标志名称', 'GI name');
  row.required('firmName', '企业名称', 'Firm');
  return row.result<GiUserRecord>({
    giName: row.text('giName', LIMITS.name) ?? '',
    firmName: row.text('firmName', LIMITS.name) ?? '',
    uscc: row.uscc('uscc'),
    address: row.text('address'),
    announcementNo: row.text('announcementNo', 100),
    announcedOn: row.date('announcedOn', { min: '1980-01-01' }),
    status: parseGiUserStatus(raw.status).status,
  });
}
