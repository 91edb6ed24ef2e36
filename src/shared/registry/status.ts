import { normalizeSpaces, toHalfWidth } from '../validators/fullwidth';
import type { GiKind, LegalStatus, MarkType, TrademarkStatus } from './types';
import { cellText, failure, type ParseFailure } from './cell';

/** Cell text for matching wordings: half-width, lower case, whitespace collapsed. */
function wording(value: unknown): string {
  return normalizeSpaces(toHalfWidth(cellText(value))).toLowerCase();
}

const rawOf = (value: unknown): string | null => normalizeSpaces(cellText(value)) || null;

// ---------------------------------------------------------------------------------------------
// Patent legal status
// ---------------------------------------------------------------------------------------------

export interface LegalStatusResult {
  status: LegalStatus;
  /** The cell as given (whitespace collapsed), or null when empty. */
  raw: string | null;
}

/**
 * How specific a wording is. 3: an ending (未缴年费, 驳回…); 2: an event that refines a live
 * state (授权, 实质审查); 1: the coarse status column of PatSnap/incoPat (有效, 失效, 审中).
 */
type Level = 1 | 2 | 3;
interface Classified {
  status: LegalStatus;
  level: Level;
}

const DEAD: ReadonlySet<LegalStatus> = new Set(['lapsed', 'expired', 'withdrawn', 'rejected', 'invalidated', 'abandoned']);

// First match wins, so the order matters: exceptions before the words they contain.
const LEGAL_RULES: ReadonlyArray<{ re: RegExp; status: LegalStatus | null; level: Level }> = [
  { re: /部分无效|维持有效|维持专利权有效/, status: 'valid', level: 2 },
  // A request for invalidation is not an outcome.
  { re: /无效宣告请求|无效请求|请求宣告无效/, status: null, level: 2 },
  { re: /无效|invalidat|^invalid$|revoked|revocation/, status: 'invalidated', level: 3 },
  { re: /pct.*(?:期满|未进入)/, status: 'lapsed', level: 3 },
  { re: /届满|期满|expir/, status: 'expired', level: 3 },
  { re: /撤回|视撤|withdr/, status: 'withdrawn', level: 3 },
  { re: /驳回|reject|refus/, status: 'rejected', level: 3 },
  { re: /放弃|abandon|surrender/, status: 'abandoned', level: 3 },
  { re: /未缴年费|年费终止|终止|non-?payment|unpaid|terminat/, status: 'lapsed', level: 3 },
  { re: /^(?:失效|无权|已失效|lapsed|inactive|dead|ceased)$/, status: 'lapsed', level: 1 },
  { re: /^(?:有效|有权|active|alive|valid|in force)$/, status: 'valid', level: 1 },
  { re: /^(?:审中|在审|审查中|pending)$/, status: 'pending', level: 1 },
  { re: /授权|维持|恢复|滞纳金|granted|grant|in force|patented/, status: 'valid', level: 2 },
  { re: /实质审查|实审|公开|公布|审查|受理|等待|办登|复审|published|publication|examination|filed|application/, status: 'pending', level: 2 },
  { re: /失效|无权/, status: 'lapsed', level: 1 },
  { re: /有效|有权/, status: 'valid', level: 1 },
];

function classify(piece: string): Classified | null {
  for (const rule of LEGAL_RULES) {
    if (rule.re.test(piece)) return rule.status ? { status: rule.status, level: rule.level } : null;
  }
  return null;
}

// ';', ',', '|', '、', '/', line breaks, and '-' except inside English words such as non-payment.
const STATUS_SEPARATORS = /[;；,，|、/\r\n]+|(?<![a-z])-|-(?![a-z])/;

/** Most specific; among equals, the later one (event lists run oldest to newest). */
function mostSpecific(list: Classified[]): Classified | null {
  let best: Classified | null = null;
  for (const c of list) if (best === null || c.level >= best.level) best = c;
  return best;
}

/**
 * Maps a legal-status cell to a LegalStatus. Multi-valued cells ('失效;未缴年费', '有效-授权')
 * give the most specific wording; a coarse word (有效/失效/审中) limits the choice to the
 * wordings that agree with it, so history entries such as '授权' cannot revive a '失效' patent.
 */
export function parseLegalStatus(value: unknown): LegalStatusResult {
  const raw = rawOf(value);
  if (raw === null) return { status: 'unknown', raw: null };
  const pieces = wording(value).split(STATUS_SEPARATORS).map((p) => p.trim()).filter(Boolean);
  const found = pieces.map(classify).filter((c): c is Classified => c !== null);
  const coarse = found.filter((c) => c.level === 1).at(-1);
  const specific = found.filter((c) => c.level > 1);
  if (coarse) {
    const agreeing = specific.filter((c) => (coarse.status === 'lapsed' ? DEAD.has(c.status) : c.status === coarse.status));
    return { status: mostSpecific(agreeing)?.status ?? coarse.status, raw };
  }
  return { status: mostSpecific(specific)?.status ?? 'unknown', raw };
}

// ---------------------------------------------------------------------------------------------
// Trademarks
// ---------------------------------------------------------------------------------------------

export interface TrademarkStatusResult {
  status: TrademarkStatus;
  raw: string | null;
}

const TRADEMARK_RULES: ReadonlyArray<{ re: RegExp; status: TrademarkStatus }> = [
  { re: /无效|invalidat/, status: 'invalidated' },
  { re: /撤销|注销|销亡|cancel|revok/, status: 'cancelled' },
  { re: /过期|期满|届满|未续展|失效|expired|dead/, status: 'expired' },
  // Under review after a refusal or in opposition: not decided yet.
  { re: /复审中|异议中|审查中|申请中|待审|受理|初审|公告期|等待|pending|examination|opposition/, status: 'pending' },
  { re: /驳回|不予注册|reject|refus/, status: 'rejected' },
  { re: /注册|续展|有效|正常|转让|registered|renewed|live|active|valid/, status: 'registered' },
  { re: /申请|filed|published/, status: 'pending' },
];

/** Maps 商标状态 wordings of 中国商标网 and commercial databases to a TrademarkStatus. */
export function parseTrademarkStatus(value: unknown): TrademarkStatusResult {
  const raw = rawOf(value);
  if (raw === null) return { status: 'unknown', raw: null };
  const s = wording(value);
  const rule = TRADEMARK_RULES.find((r) => r.re.test(s));
  return { status: rule?.status ?? 'unknown', raw };
}

export type MarkTypeResult = { ok: true; value: MarkType; defaulted: boolean } | ParseFailure;

const MARK_TYPE_RULES: ReadonlyArray<{ re: RegExp; value: MarkType }> = [
  { re: /集体|collective/, value: 'collective' },
  { re: /证明|certification/, value: 'certification' },
  // 特殊商标 at 中国商标网 covers three-dimensional, colour and sound marks.
  { re: /特殊|立体|三维|颜色|声音|special|3d|three-dimensional|colou?r|sound/, value: 'special' },
  { re: /普通|一般|商品商标|服务商标|文字|图形|组合|ordinary|regular|standard|word|figurative|trade ?mark|service ?mark/, value: 'ordinary' },
];

/** 商标类型: 普通/集体/证明/特殊商标; an empty cell means an ordinary mark, the usual case. */
export function parseMarkType(value: unknown): MarkTypeResult {
  const s = wording(value);
  if (s === '') return { ok: true, value: 'ordinary', defaulted: true };
  const rule = MARK_TYPE_RULES.find((r) => r.re.test(s));
  if (!rule) {
    const shown = rawOf(value) ?? '';
    return failure(
      `无法识别的商标类型「${shown}」（应为 普通商标、集体商标、证明商标 或 特殊商标）`,
      `Unrecognised mark type "${shown}" (expected ordinary, collective, certification or special)`,
    );
  }
  return { ok: true, value: rule.value, defaulted: false };
}

// ---------------------------------------------------------------------------------------------
// Geographical indications
// ---------------------------------------------------------------------------------------------

export type GiKindResult = { ok: true; value: GiKind } | ParseFailure;

const GI_KIND_RULES: ReadonlyArray<{ re: RegExp; value: GiKind }> = [
  { re: /证明商标|证明|certification/, value: 'certification_mark' },
  { re: /集体商标|集体|collective/, value: 'collective_mark' },
  // 农产品地理标志 (registered by the agriculture ministry) is filed with the products.
  { re: /产品|保护|农产品|原产地|product|pgi|pdo/, value: 'product' },
];

/** 地理标志类型: GI product, GI certification mark or GI collective mark. */
export function parseGiKind(value: unknown): GiKindResult | null {
  const s = wording(value);
  if (s === '') return null;
  const rule = GI_KIND_RULES.find((r) => r.re.test(s));
  if (!rule) {
    const shown = rawOf(value) ?? '';
    return failure(
      `无法识别的地理标志类型「${shown}」（应为 地理标志产品、地理标志证明商标 或 地理标志集体商标）`,
      `Unrecognised GI kind "${shown}" (expected GI product, certification mark or collective mark)`,
    );
  }
  return { ok: true, value: rule.value };
}

export interface GiUserStatusResult {
  status: 'active' | 'revoked' | 'unknown';
  raw: string | null;
}

/** Status of an authorised GI user: 有效/核准/在用 → active; 撤销/注销/停用/失效 → revoked. */
export function parseGiUserStatus(value: unknown): GiUserStatusResult {
  const raw = rawOf(value);
  if (raw === null) return { status: 'unknown', raw: null };
  const s = wording(value);
  if (/撤销|注销|取消|停止|停用|失效|无效|过期|revok|cancel|withdr|expired|inactive/.test(s)) return { status: 'revoked', raw };
  if (/有效|正常|核准|批准|在用|使用中|使用|active|valid|approved/.test(s)) return { status: 'active', raw };
  return { status: 'unknown', raw };
}
