import { loadPDFKit } from '../heavy-libraries';
import type { ChartImage, ChartImages } from './charts';
import { cellText, formatDate, labels, numericColumns, outline, type ChartBlock, type OutlineItem, type ReportDocument, type TableBlock } from './document';
import { fontPaths } from './fonts';

type Doc = PDFKit.PDFDocument;

const MM = 72 / 25.4;
/** GB/T 9704 page: A4, 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const RED = '#C00000';
const BODY = 16; // 三号
const PITCH = 28; // line pitch of body text
const CAPTION = 14;
const TABLE = 12;
const PAD_X = 4;
const PAD_Y = 3;
const PX = 0.75; // one CSS pixel in points

// The font file paths are the font names: pdfkit then reads each file once per document and no
// other font (not even its default Helvetica) enters the PDF.
const REGULAR = fontPaths.regular;
const BOLD = fontPaths.bold;

interface Ctx {
  doc: Doc;
  left: number;
  width: number;
}

const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** The extra gap that makes lines of `size` points `pitch` points apart. */
function gapFor(doc: Doc, font: string, size: number, pitch: number): number {
  doc.font(font).fontSize(size);
  return Math.max(0, pitch - doc.currentLineHeight());
}

function paragraph(c: Ctx, text: string, opts: { font?: string; size?: number; pitch?: number; indentChars?: number; align?: 'left' | 'center' | 'right'; color?: string; rightIndent?: number } = {}): void {
  const { doc } = c;
  const size = opts.size ?? BODY;
  const font = opts.font ?? REGULAR;
  const lineGap = gapFor(doc, font, size, opts.pitch ?? PITCH);
  doc.fillColor(opts.color ?? 'black');
  // pdfkit breaks lines at UAX #14 opportunities, which include every gap between two ideographs.
  doc.text(text, c.left, doc.y, { width: c.width - (opts.rightIndent ?? 0), indent: (opts.indentChars ?? 2) * size, align: opts.align ?? 'left', lineGap });
}

function header(c: Ctx, d: ReportDocument): void {
  const { doc } = c;
  // The issuer as large as fits on one line, up to 30 pt.
  doc.font(BOLD).fontSize(30);
  const size = Math.min(30, (30 * c.width) / Math.max(1, doc.widthOfString(d.issuer)));
  doc.fontSize(size).fillColor(RED);
  doc.text(d.issuer, c.left, doc.page.margins.top, { width: c.width, align: 'center', lineBreak: false });
  doc.y += 10;
  doc.font(REGULAR).fontSize(BODY).fillColor('black');
  doc.text(d.docNumber, c.left, doc.y, { width: c.width, align: 'center' });
  const ruleY = doc.y + 4 * MM;
  doc.save().moveTo(c.left, ruleY).lineTo(c.left + c.width, ruleY).lineWidth(1.5).strokeColor(RED).stroke().restore();
  doc.y = ruleY + 2 * PITCH;
  paragraph(c, d.title, { font: BOLD, size: 22, pitch: 34, indentChars: 0, align: 'center' });
  if (d.subtitle) paragraph(c, d.subtitle, { size: BODY, indentChars: 0, align: 'center' });
  doc.y += PITCH / 2;
  if (d.notice) notice(c, d.notice);
}

/** The notice (e.g. synthetic data) in a shaded, ruled box. */
function notice(c: Ctx, text: string): void {
  const { doc } = c;
  const size = CAPTION;
  const lineGap = gapFor(doc, BOLD, size, 22);
  const pad = 8;
  const h = doc.heightOfString(text, { width: c.width - 2 * pad, lineGap }) + 2 * pad - lineGap;
  ensureSpace(doc, h);
  const top = doc.y;
  doc.save().rect(c.left, top, c.width, h).lineWidth(0.75).fillAndStroke('#F2F2F2', '#7F7F7F').restore();
  doc.fillColor('#7F0000').text(text, c.left + pad, top + pad, { width: c.width - 2 * pad, lineGap });
  doc.y = top + h + PITCH / 2;
}

function heading(c: Ctx, label: string, text: string, keepWith: number): void {
  const { doc } = c;
  // A heading never ends a page: it keeps with the start of what follows (two lines at least).
  ensureSpace(doc, headingHeight(c, label, text) + Math.max(keepWith, PITCH * 2));
  paragraph(c, `${label}${text}`, { font: BOLD, size: BODY, indentChars: 2 });
}

function headingHeight(c: Ctx, label: string, text: string): number {
  const { doc } = c;
  const lineGap = gapFor(doc, BOLD, BODY, PITCH);
  return doc.heightOfString(`${label}${text}`, { width: c.width, indent: 2 * BODY, lineGap });
}

/** Column widths that fill the text width, never narrower than a column's longest unbreakable run. */
function columnWidths(doc: Doc, head: string[], body: string[][], width: number): number[] {
  doc.font(REGULAR).fontSize(TABLE);
  const natural = head.map((h, i) => {
    doc.font(BOLD);
    let w = doc.widthOfString(h);
    doc.font(REGULAR);
    for (const r of body) w = Math.max(w, doc.widthOfString(r[i] ?? ''));
    return w + 2 * PAD_X;
  });
  const minimum = head.map((h, i) => {
    // Latin words and numbers stay whole; ideographs may wrap, so two of them are the minimum.
    const runs = [h, ...body.map((r) => r[i] ?? '')].flatMap((t) => t.match(/[\x21-\x7e]+/g) ?? []);
    return Math.max(2 * TABLE, ...runs.map((r) => doc.widthOfString(r))) + 2 * PAD_X;
  });
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= width) return natural.map((n) => (n * width) / total);
  const minTotal = minimum.reduce((a, b) => a + b, 0);
  if (minTotal >= width) return minimum.map((m) => (m * width) / minTotal);
  const flex = natural.map((n, i) => n - (minimum[i] as number));
  const flexTotal = flex.reduce((a, b) => a + b, 0) || 1;
  return minimum.map((m, i) => m + ((flex[i] as number) * (width - minTotal)) / flexTotal);
}

interface TableLayout {
  caption: string;
  head: string[];
  body: string[][];
  numeric: boolean[];
  widths: number[];
  heights: number[];
  headH: number;
  note: string | null;
  noteH: number;
  /** What must fit on the page to start here: caption, header and half the rows (three at least). */
  lead: number;
}

const CELL_GAP = 2;
const CAPTION_PITCH = 24;
const NOTE_PITCH = 18;

function layoutTable(c: Ctx, label: string, t: TableBlock, lang: 'zh' | 'en'): TableLayout {
  const { doc } = c;
  const head = t.columns;
  const body = t.rows.map((r) => t.columns.map((_, i) => cellText(r[i], lang)));
  const widths = columnWidths(doc, head, body, c.width);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(TABLE);
    return Math.max(...cells.map((s, i) => doc.heightOfString(s, { width: (widths[i] as number) - 2 * PAD_X, lineGap: CELL_GAP }))) + 2 * PAD_Y;
  };
  const caption = `${label}${t.caption}`;
  const captionH = doc.font(BOLD).fontSize(CAPTION).heightOfString(caption, { width: c.width, lineGap: gapFor(doc, BOLD, CAPTION, CAPTION_PITCH) }) + 2;
  const headH = rowHeight(head, BOLD);
  const heights = body.map((r) => rowHeight(r, REGULAR));
  const note = t.note ? `${labels(lang).note}${t.note}` : null;
  const noteH = note ? doc.font(REGULAR).fontSize(TABLE).heightOfString(note, { width: c.width, lineGap: gapFor(doc, REGULAR, TABLE, NOTE_PITCH) }) + 4 : 0;
  const keep = Math.min(heights.length, Math.max(3, Math.ceil(heights.length / 2)));
  const lead = captionH + headH + heights.slice(0, keep).reduce((a, b) => a + b, 0) + (keep === heights.length ? noteH : 0);
  return { caption, head, body, numeric: numericColumns(t), widths, heights, headH, note, noteH, lead };
}

function table(c: Ctx, l: TableLayout): void {
  const { doc } = c;
  const drawRow = (cells: string[], h: number, isHead: boolean) => {
    const top = doc.y;
    if (isHead) doc.save().rect(c.left, top, c.width, h).fill('#D9D9D9').restore();
    doc.font(isHead ? BOLD : REGULAR).fontSize(TABLE).fillColor('black');
    let x = c.left;
    cells.forEach((s, i) => {
      const w = l.widths[i] as number;
      const options = { width: w - 2 * PAD_X, lineGap: CELL_GAP, align: isHead ? 'center' : l.numeric[i] ? 'right' : 'left' } as const;
      // Vertically centred, as Word shows the same table.
      const textH = doc.heightOfString(s, options) - CELL_GAP;
      doc.text(s, x + PAD_X, top + (h - textH) / 2, options);
      x += w;
    });
    // Cell borders: the row box and the column rules.
    doc.save().lineWidth(0.5).strokeColor('black').rect(c.left, top, c.width, h);
    x = c.left;
    for (const w of l.widths.slice(0, -1)) {
      x += w;
      doc.moveTo(x, top).lineTo(x, top + h);
    }
    doc.stroke().restore();
    doc.y = top + h;
  };

  // A table is read best in one piece: it starts on a new page unless half its rows fit here.
  ensureSpace(doc, l.lead);
  paragraph(c, l.caption, { font: BOLD, size: CAPTION, pitch: CAPTION_PITCH, indentChars: 0, align: 'center' });
  doc.y += 2;
  drawRow(l.head, l.headH, true);
  l.body.forEach((row, k) => {
    const h = l.heights[k] as number;
    // A table that runs over a page repeats its header row; the note stays with the last row.
    if (doc.y + h + (k === l.body.length - 1 ? l.noteH : 0) > bottom(doc)) {
      doc.addPage();
      drawRow(l.head, l.headH, true);
    }
    drawRow(row, h, false);
  });
  doc.y += 4;
  if (l.note) paragraph(c, l.note, { size: TABLE, pitch: NOTE_PITCH, indentChars: 0 });
  doc.y += PITCH / 2;
}

/** The size of a chart image on the page: its layout size, narrowed to the text width. */
function chartBox(c: Ctx, image: ChartImage): { w: number; h: number } {
  const w = Math.min(c.width, image.width * PX);
  return { w, h: (w * image.height) / image.width };
}

function chart(c: Ctx, label: string, caption: string, image: ChartImage): void {
  const { doc } = c;
  const { w, h } = chartBox(c, image);
  ensureSpace(doc, h + 4 + CAPTION_PITCH);
  const top = doc.y;
  doc.image(image.png, c.left + (c.width - w) / 2, top, { width: w, height: h });
  doc.y = top + h + 4;
  paragraph(c, `${label}${caption}`, { font: BOLD, size: CAPTION, pitch: CAPTION_PITCH, indentChars: 0, align: 'center' });
  doc.y += PITCH / 2;
}

function closing(c: Ctx, d: ReportDocument, lang: 'zh' | 'en'): void {
  const { doc } = c;
  const source = `${labels(lang).source}${d.source}`;
  const sourceH = doc.font(REGULAR).fontSize(CAPTION).heightOfString(source, { width: c.width, indent: 2 * CAPTION, lineGap: gapFor(doc, REGULAR, CAPTION, 24) });
  // The source, the issuer and the date end the report together on one page.
  ensureSpace(doc, PITCH / 2 + sourceH + PITCH * 3.5);
  doc.y += PITCH / 2;
  paragraph(c, source, { size: CAPTION, pitch: 24 });
  doc.y += PITCH * 1.5;
  paragraph(c, d.issuer, { indentChars: 0, align: 'right', rightIndent: 2 * BODY });
  paragraph(c, formatDate(d.date, lang), { indentChars: 0, align: 'right', rightIndent: 2 * BODY });
}

/** Page numbers in the official form "— 1 —", 7 mm under the text block. */
function pageNumbers(doc: Doc, c: Ctx): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGINS.bottom + 7 * MM;
    // Writing below the bottom margin would otherwise start a new page.
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(CAPTION).fillColor('black');
    doc.text(`— ${i + 1} —`, c.left, y, { width: c.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = keep;
  }
}

/**
 * The report as a PDF with the Chinese font embedded (subset, with a ToUnicode map so the text can
 * be searched and copied). `charts` must hold an image for every chart block of the document.
 */
export async function renderPdf(d: ReportDocument, charts: ChartImages, onSection?: (done: number, total: number) => void): Promise<Buffer> {
  const lang = d.lang ?? 'zh';
  const PDFDocument = await loadPDFKit();
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    font: REGULAR,
    lang: lang === 'en' ? 'en' : 'zh-CN',
    displayTitle: true,
    info: { Title: d.title, Author: d.issuer, Subject: d.docNumber, Creator: 'Xinzhi' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const c: Ctx = { doc, left: MARGINS.left, width: doc.page.width - MARGINS.left - MARGINS.right };
    header(c, d);
    const total = d.sections.length;
    let current = -1;
    const items = outline(d);
    const imageOf = (block: ChartBlock): ChartImage => {
      const image = charts.get(block);
      if (!image) throw new Error(`No image rendered for chart "${block.caption}"`);
      return image;
    };
    // The height that must stay on one page with a heading before item i.
    const leadOf = (i: number): number => {
      const item: OutlineItem | undefined = items[i];
      if (item?.kind === 'heading') return headingHeight(c, item.label, item.text) + leadOf(i + 1);
      if (item?.kind === 'table') return layoutTable(c, item.label, item.block, lang).lead;
      if (item?.kind === 'chart') return chartBox(c, imageOf(item.block)).h + 4 + CAPTION_PITCH;
      return PITCH * 2;
    };
    items.forEach((item, i) => {
      if (item.kind === 'heading') {
        if (item.level === 1 && current >= 0) onSection?.(current + 1, total);
        current = item.topIndex;
        heading(c, item.label, item.text, leadOf(i + 1));
      } else if (item.kind === 'paragraph') paragraph(c, item.text);
      else if (item.kind === 'bullets') for (const it of item.items) paragraph(c, `${labels(lang).bullet}${it}`);
      else if (item.kind === 'table') table(c, layoutTable(c, item.label, item.block, lang));
      else chart(c, item.label, item.block.caption, imageOf(item.block));
    });
    if (current >= 0) onSection?.(total, total);
    closing(c, d, lang);
    pageNumbers(doc, c);
    doc.end();
  } catch (err) {
    doc.end();
    return done.then(() => Promise.reject(err));
  }
  return done;
}
