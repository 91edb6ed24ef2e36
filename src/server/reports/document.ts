/**
 * The document model of an analysis report (分析评议报告), independent of the output format: the
 * .docx and .pdf renderers both walk `outline()` so numbering and captions agree between them.
 */
export interface ReportDocument {
  /** Issuing authority, shown as the red header (发文机关标志) and again above the date at the end. */
  issuer: string;
  /** Document number (发文字号), e.g. 信知析〔2026〕3号. */
  docNumber: string;
  title: string;
  subtitle?: string;
  /** YYYY-MM-DD; shown as 2026年11月26日. */
  date: string;
  /** Shown boxed under the title, e.g. that the figures are synthetic demo data. */
  notice?: string;
  /** 主送机关: the units a notice is addressed to, flush left under the title, ending in a colon. */
  addressee?: string;
  sections: ReportSection[];
  /** Data source and as-of statement, shown at the end; empty for a notice, which has none. */
  source: string;
  /** Language of the labels the engine adds (captions, numbering, date); default zh. */
  lang?: 'zh' | 'en';
}

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
  sections?: ReportSection[];
}

/** A number is shown with thousands separators (1,234): give years and codes as strings. */
export type ReportCell = string | number | null;

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
}

export interface BulletsBlock {
  kind: 'bullets';
  items: string[];
}

export interface TableBlock {
  kind: 'table';
  caption: string;
  columns: string[];
  rows: ReportCell[][];
  /** Per column: right-aligned figures. Default: a column whose cells are all numbers (or empty). */
  numeric?: boolean[];
  note?: string;
}

export interface ChartBlock {
  kind: 'chart';
  caption: string;
  /** An ECharts option; rendered on the server, without animation. */
  option: object;
  /** Size in CSS pixels at which the chart is laid out; default 720 × 400. */
  width?: number;
  height?: number;
}

export type ReportBlock = ParagraphBlock | BulletsBlock | TableBlock | ChartBlock;

/** One step of the rendered order: a numbered heading, or a block with its table/figure number. */
export type OutlineItem =
  | { kind: 'heading'; level: number; label: string; text: string; topIndex: number }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; label: string; block: TableBlock }
  | { kind: 'chart'; label: string; block: ChartBlock };

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (section numbers never go further). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : DIGITS[ones]);
}

/**
 * Heading numbers of official documents (GB/T 9704): 一、 then （一） then 1. then （1）; English
 * reports use 1 / 1.2 / 1.2.3.
 */
export function headingLabel(path: number[], lang: 'zh' | 'en'): string {
  const n = path[path.length - 1] ?? 1;
  if (lang === 'en') return `${path.join('.')}${path.length === 1 ? '.' : ''} `;
  switch (path.length) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}. `;
    default:
      return `（${n}）`;
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2026-11-26 → 2026年11月26日 (no leading zeros, as official documents write it). */
export function formatDate(date: string, lang: 'zh' | 'en' = 'zh'): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === 'en') return new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${y}年${mo}月${d}日`;
}

export function labels(lang: 'zh' | 'en') {
  return lang === 'en'
    ? { table: (n: number) => `Table ${n}  `, figure: (n: number) => `Figure ${n}  `, source: 'Data source: ', note: 'Note: ', bullet: '• ' }
    : { table: (n: number) => `表${n}  `, figure: (n: number) => `图${n}  `, source: '数据来源：', note: '注：', bullet: '● ' };
}

/** Columns whose every non-empty cell is a number are right-aligned unless the table says otherwise. */
export function numericColumns(table: TableBlock): boolean[] {
  return table.columns.map((_, c) => table.numeric?.[c] ?? table.rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number' || /^[-+]?[\d,]+(\.\d+)?%?$/.test(String(r[c]).trim())));
}

/** A cell as shown: numbers with thousands separators (1234 → 1,234), null as a dash. */
export function cellText(v: ReportCell | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isFinite(v) ? v.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }) : '—';
  return v;
}

/** The document in reading order, with heading, table and figure numbers. */
export function outline(doc: ReportDocument): OutlineItem[] {
  const lang = doc.lang ?? 'zh';
  const out: OutlineItem[] = [];
  let tables = 0;
  let figures = 0;
  const walk = (sections: ReportSection[], path: number[], topIndex: number | null) => {
    sections.forEach((s, i) => {
      const here = [...path, i + 1];
      const top = topIndex ?? i;
      out.push({ kind: 'heading', level: here.length, label: headingLabel(here, lang), text: s.heading, topIndex: top });
      for (const b of s.blocks) {
        if (b.kind === 'table') out.push({ kind: 'table', label: labels(lang).table(++tables), block: b });
        else if (b.kind === 'chart') out.push({ kind: 'chart', label: labels(lang).figure(++figures), block: b });
        else if (b.kind === 'paragraph') out.push({ kind: 'paragraph', text: b.text });
        else out.push({ kind: 'bullets', items: b.items });
      }
      if (s.sections?.length) walk(s.sections, here, top);
    });
  };
  walk(doc.sections, [], null);
  return out;
}

/** Every chart block, in figure order. */
export const chartBlocks = (doc: ReportDocument): ChartBlock[] =>
  outline(doc).flatMap((i) => (i.kind === 'chart' ? [i.block] : []));
