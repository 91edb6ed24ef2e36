import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { ChartImages } from './charts';
import { cellText, formatDate, labels, numericColumns, outline, type ReportDocument, type TableBlock } from './document';

/**
 * A .docx only names its fonts and Word substitutes what a machine lacks; these are the fonts of
 * GB/T 9704 documents (Latin letters and digits in Times New Roman).
 */
const FONTS = {
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  title: '方正小标宋简体',
  latin: 'Times New Roman',
} as const;
const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia, hint: 'eastAsia' });

const MM = 1440 / 25.4; // twips per millimetre
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const TEXT_WIDTH_PX = Math.floor(TEXT_WIDTH / 15); // images are sized in 96-dpi pixels: 15 twips each
const RED = 'C00000';
const BODY = 32; // half-points: 16 pt, 三号
const CAPTION = 28; // 14 pt, 四号
const TABLE = 24; // 12 pt, 小四
const PITCH = 560; // 28 pt between body lines
const INDENT = { firstLine: 640, firstLineChars: 200 }; // two characters of 16 pt

type Run = Omit<IRunOptions, 'text' | 'children'>;

function para(text: string, run: Run = {}, options: Omit<IParagraphOptions, 'children' | 'text'> = {}): Paragraph {
  return new Paragraph({
    spacing: { line: PITCH, lineRule: LineRuleType.EXACT },
    indent: INDENT,
    ...options,
    children: [new TextRun({ text, font: font(FONTS.body), size: BODY, ...run })],
  });
}

function header(d: ReportDocument): Paragraph[] {
  // The issuer as large as fits on one line (up to 30 pt), counting ideographs as one em each.
  const ems = [...d.issuer].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1), 0);
  const issuerSize = Math.max(20, Math.min(60, Math.floor((TEXT_WIDTH / 20 / Math.max(1, ems)) * 2)));
  const auto = { line: 240, lineRule: LineRuleType.AUTO };
  const out = [
    para(d.issuer, { font: font(FONTS.title), size: issuerSize, bold: true, color: RED }, { alignment: AlignmentType.CENTER, indent: {}, spacing: { ...auto, after: 200 } }),
    // The red rule under the document number (版头分隔线), 4 mm below it.
    para(d.docNumber, {}, {
      alignment: AlignmentType.CENTER,
      indent: {},
      spacing: { line: PITCH, lineRule: LineRuleType.EXACT, after: PITCH * 2 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    }),
    para(d.title, { font: font(FONTS.title), size: 44, bold: true }, { alignment: AlignmentType.CENTER, indent: {}, spacing: { line: 680, lineRule: LineRuleType.EXACT } }),
  ];
  if (d.subtitle) out.push(para(d.subtitle, { font: font(FONTS.subheading) }, { alignment: AlignmentType.CENTER, indent: {} }));
  if (d.notice) {
    const line = { style: BorderStyle.SINGLE, size: 6, color: '7F7F7F', space: 4 };
    out.push(
      para(d.notice, { size: CAPTION, bold: true, color: '7F0000', font: font(FONTS.heading) }, {
        indent: {},
        spacing: { line: 440, lineRule: LineRuleType.EXACT, before: 280, after: 280 },
        border: { top: line, bottom: line, left: line, right: line },
        shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
      }),
    );
  }
  if (d.addressee) out.push(para(`${d.addressee}：`, {}, { indent: {}, spacing: { line: PITCH, lineRule: LineRuleType.EXACT, before: PITCH } }));
  return out;
}

function heading(level: number, label: string, text: string): Paragraph {
  const face = level === 1 ? FONTS.heading : level === 2 ? FONTS.subheading : FONTS.body;
  return para(`${label}${text}`, { font: font(face), bold: level <= 3 }, { keepNext: true, keepLines: true, outlineLevel: Math.min(level - 1, 8) });
}

function caption(text: string, keepNext: boolean): Paragraph {
  return para(text, { font: font(FONTS.heading), size: CAPTION }, { alignment: AlignmentType.CENTER, indent: {}, keepNext, spacing: { line: 480, lineRule: LineRuleType.EXACT, before: keepNext ? 120 : 0, after: keepNext ? 0 : 200 } });
}

/** Column widths from the longest cell of each column, ideographs counting twice a Latin letter. */
function columnWidths(t: TableBlock, body: string[][]): number[] {
  const len = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2e80 ? 1 : 2), 0);
  const natural = t.columns.map((h, i) => Math.max(4, Math.min(24, Math.max(len(h), ...body.map((r) => len(r[i] ?? ''))))));
  const total = natural.reduce((a, b) => a + b, 0);
  return natural.map((n) => Math.floor((n * TEXT_WIDTH) / total));
}

function table(label: string, t: TableBlock, lang: 'zh' | 'en'): Array<Paragraph | Table> {
  const numeric = numericColumns(t);
  const body = t.rows.map((r) => t.columns.map((_, i) => cellText(r[i], lang)));
  const widths = columnWidths(t, body);
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: line, bottom: line, left: line, right: line };
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      shading: head ? { type: ShadingType.CLEAR, fill: 'D9D9D9', color: 'auto' } : undefined,
      children: [
        para(text, { size: TABLE, bold: head, font: font(head ? FONTS.heading : FONTS.body) }, {
          indent: {},
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          alignment: head ? AlignmentType.CENTER : numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
        }),
      ],
    });
  // Rows keep with the next one so that Word moves a table that fits on a page there in one piece;
  // the header row repeats on every page of a longer one.
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: t.columns.map((h, i) => cell(h, i, true)) }),
    ...body.map((r, k) => new TableRow({ cantSplit: true, keepNext: k < body.length - 1 || !!t.note, children: r.map((v, i) => cell(v, i, false)) })),
  ];
  const out: Array<Paragraph | Table> = [
    caption(`${label}${t.caption}`, true),
    new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, alignment: AlignmentType.CENTER }),
  ];
  if (t.note) out.push(para(`${labels(lang).note}${t.note}`, { size: TABLE }, { indent: {}, spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 60 } }));
  out.push(para('', {}, { indent: {}, spacing: { line: 240, lineRule: LineRuleType.AUTO } }));
  return out;
}

function chart(label: string, captionText: string, image: { png: Buffer; width: number; height: number }): Paragraph[] {
  const width = Math.min(TEXT_WIDTH_PX, image.width);
  const height = Math.round((width * image.height) / image.width);
  return [
    // An exact line pitch would clip the picture: this paragraph sizes itself to the image.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 },
      children: [new ImageRun({ type: 'png', data: image.png, transformation: { width, height }, altText: { name: captionText, description: captionText, title: captionText } })],
    }),
    caption(`${label}${captionText}`, false),
  ];
}

function closing(d: ReportDocument, lang: 'zh' | 'en'): Paragraph[] {
  const right = { alignment: AlignmentType.RIGHT, indent: { right: 640 } };
  // Kept together, so that the issuer and the date never stand alone on the last page.
  return [
    ...(d.source ? [para(`${labels(lang).source}${d.source}`, { size: CAPTION }, { keepNext: true, keepLines: true, spacing: { line: 480, lineRule: LineRuleType.EXACT, before: 280 } })] : []),
    para('', {}, { keepNext: true }),
    para('', {}, { keepNext: true }),
    para(d.issuer, {}, { ...right, keepNext: true }),
    para(formatDate(d.date, lang), {}, right),
  ];
}

/** Page numbers in the official form "— 1 —". */
function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: CAPTION, font: font('宋体') })],
      }),
    ],
  });
}

/** The report as a Word document. `charts` must hold an image for every chart block of the document. */
export async function renderDocx(d: ReportDocument, charts: ChartImages, onSection?: (done: number, total: number) => void): Promise<Buffer> {
  const lang = d.lang ?? 'zh';
  const children: Array<Paragraph | Table> = header(d);
  const total = d.sections.length;
  let current = -1;
  for (const item of outline(d)) {
    if (item.kind === 'heading') {
      if (item.level === 1 && current >= 0) onSection?.(current + 1, total);
      current = item.topIndex;
      children.push(heading(item.level, item.label, item.text));
    } else if (item.kind === 'paragraph') children.push(para(item.text));
    else if (item.kind === 'bullets') children.push(...item.items.map((it) => para(`${labels(lang).bullet}${it}`)));
    else if (item.kind === 'table') children.push(...table(item.label, item.block, lang));
    else {
      const image = charts.get(item.block);
      if (!image) throw new Error(`No image rendered for chart "${item.block.caption}"`);
      children.push(...chart(item.label, item.block.caption, image));
    }
  }
  if (current >= 0) onSection?.(total, total);
  children.push(...closing(d, lang));

  const document = new Document({
    title: d.title,
    subject: d.docNumber,
    creator: d.issuer,
    description: d.source,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: BODY, language: { value: lang === 'en' ? 'en-GB' : 'zh-CN', eastAsia: 'zh-CN' } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: Math.round(15 * MM), footer: Math.round(21 * MM) },
          },
        },
        footers: { default: footer() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
