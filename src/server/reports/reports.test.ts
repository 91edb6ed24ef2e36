import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartSvg, rasterise, renderCharts } from './charts';
import { cellText, chartBlocks, chineseNumber, formatDate, headingLabel, numericColumns, outline, type ChartBlock, type ReportDocument, type TableBlock } from './document';
import { renderDocx } from './docx';
import { fontPaths } from './fonts';
import { renderPdf } from './pdf';
import { renderBoth, renderReport } from './render';
import { pdfText, unzip, type PdfText } from '../../../test/support/documents';

const LONG = '信阳市地处豫南，是大别山革命老区的重要组成部分，全市知识产权事业近年来取得了长足进步'.repeat(14); // 588 characters, no spaces

const barChart: ChartBlock = {
  kind: 'chart',
  caption: '各县区发明专利授权量',
  option: {
    title: { text: '各县区发明专利授权量', left: 'center' },
    xAxis: { type: 'category', data: ['浉河区', '平桥区', '罗山县', '光山县'] },
    yAxis: { type: 'value', name: '件' },
    series: [{ type: 'bar', data: [1234, 856, 402, 377] }],
  },
};

const countyTable: TableBlock = {
  kind: 'table',
  caption: '各县区专利授权情况',
  columns: ['县区', '发明专利（件）', '同比增长（%）'],
  rows: [
    ['浉河区', 1234, 12.5],
    ['平桥区', 856, null],
  ],
  note: '数据截至2026年10月31日。',
};

const sample: ReportDocument = {
  issuer: '信阳市知识产权局',
  docNumber: '信知析〔2026〕3号',
  title: '2026年信阳市知识产权发展状况报告',
  date: '2026-11-26',
  notice: '本报告数据为模拟数据，仅供演示。',
  source: '信知平台专利登记数据，截至2026年10月31日。',
  sections: [
    {
      heading: '总体情况',
      blocks: [{ kind: 'paragraph', text: '全市专利授权量稳步增长。' }, countyTable, barChart],
      sections: [{ heading: '专利创造', blocks: [{ kind: 'bullets', items: ['发明专利增长较快。'] }] }],
    },
    { heading: '长段落', blocks: [{ kind: 'paragraph', text: LONG }] },
  ],
};

const joined = (pages: PdfText['pages']) => pages.flat().map((i) => i.str).join('').replace(/\s+/g, '');

describe('document model', () => {
  it('numbers headings, tables and figures in the official style', () => {
    expect([1, 2, 10, 11, 20, 35].map(chineseNumber)).toEqual(['一', '二', '十', '十一', '二十', '三十五']);
    expect(headingLabel([3], 'zh')).toBe('三、');
    expect(headingLabel([3, 2], 'zh')).toBe('（二）');
    expect(headingLabel([1, 2, 4], 'zh')).toBe('4. ');
    expect(headingLabel([2, 1], 'en')).toBe('2.1 ');
    expect(formatDate('2026-01-05')).toBe('2026年1月5日');
    expect(() => formatDate('2026/01/05')).toThrow();
    const items = outline(sample);
    expect(items.filter((i) => i.kind === 'heading').map((i) => (i.kind === 'heading' ? i.label + i.text : ''))).toEqual(['一、总体情况', '（一）专利创造', '二、长段落']);
    expect(items.flatMap((i) => (i.kind === 'table' || i.kind === 'chart' ? [i.label.trim()] : []))).toEqual(['表1', '图1']);
    expect(numericColumns(countyTable)).toEqual([false, true, true]);
    expect([cellText(1234), cellText(null), cellText('1,234')]).toEqual(['1,234', '—', '1,234']);
  });
});

describe('report rendering', () => {
  let docx: Buffer;
  let pdf: Buffer;
  const progress: Array<[number, number, string]> = [];

  beforeAll(async () => {
    const both = await renderBoth(sample, (done, total, phase) => progress.push([done, total, phase]));
    docx = both.docx.bytes;
    pdf = both.pdf.bytes;
    expect(both.docx.contentType).toContain('wordprocessingml');
    expect(both.pdf.contentType).toBe('application/pdf');
  });

  it('reports progress up to its total', () => {
    const last = progress.at(-1);
    expect(last).toEqual([6, 6, 'done']); // 1 chart + 2 sections × 2 formats + 1
    expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b));
    expect(progress.filter((p) => p[2] === 'charts')).toHaveLength(1);
  });

  it('writes a .docx with the header, the table figures and the chart image', async () => {
    const files = await unzip(docx);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    for (const s of [sample.title, sample.docNumber, sample.issuer, '浉河区', '1,234', '表1', '图1', '一、总体情况', '（一）专利创造', '2026年11月26日', sample.notice ?? '']) expect(xml).toContain(s);
    const images = [...files.keys()].filter((k) => /^word\/media\/.+\.png$/.test(k));
    expect(images).toHaveLength(1);
    expect(files.get(images[0] as string)?.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(files.get('word/footer1.xml')?.toString('utf8')).toContain('PAGE');
  });

  it('writes a .pdf whose Chinese text can be extracted, with the npm font embedded', async () => {
    const { pages } = await pdfText(pdf);
    const text = joined(pages);
    for (const s of [sample.title, sample.docNumber, '浉河区', '1,234', '表1', '图1', '一、总体情况', '2026年11月26日', '—1—']) expect(text).toContain(s);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile[23]\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).not.toContain('Helvetica');
    expect(raw).toContain('/ToUnicode');
    // The font comes from the npm package, never from the operating system.
    for (const p of Object.values(fontPaths)) expect(p.split(path.sep)).toContain('node_modules');
    expect(fontPaths.regular).toMatch(/@expo-google-fonts[\\/]noto-sans-sc[\\/].+\.ttf$/);
  });

  it('wraps a long Chinese paragraph with no spaces inside the margins', async () => {
    const { pages, pageWidth } = await pdfText(pdf);
    // The paragraph runs onto a second page: leave out the page number between.
    expect(joined(pages).replace(/—\d+—/g, '')).toContain(LONG);
    const rightEdge = pageWidth - (26 * 72) / 25.4;
    const items = pages.flat().filter((i) => i.str.trim());
    expect(items.length).toBeGreaterThan(20);
    for (const i of items) expect(i.x + i.width).toBeLessThanOrEqual(rightEdge + 1);
  });

  it('repeats the header row of a table that runs over a page', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`行${i + 1}`, i * 100, i]);
    const long: ReportDocument = { ...sample, notice: undefined, sections: [{ heading: '长表', blocks: [{ ...countyTable, rows }] }] };
    const out = await renderPdf(long, new Map());
    const { pages } = await pdfText(out);
    const withRows = pages.filter((p) => p.some((i) => /^行\d+$/.test(i.str.trim())));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(p.map((i) => i.str).join('')).toContain('发明专利（件）');
    expect(joined(pages)).toContain('行80');
  });

  it('labels tables and figures in English when asked', async () => {
    const charts = await renderCharts(chartBlocks(sample));
    const files = await unzip(await renderDocx({ ...sample, lang: 'en' }, charts));
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('Table 1');
    expect(xml).toContain('Figure 1');
    expect(xml).toContain('26 November 2026');
  });

  it('refuses a chart without its image', async () => {
    await expect(renderDocx(sample, new Map())).rejects.toThrow(/No image/);
    await expect(renderPdf(sample, new Map())).rejects.toThrow(/No image/);
  });
});

describe('charts', () => {
  it('draws Chinese labels with the packaged font, and nothing without it', async () => {
    const option = { title: { text: '信阳市浉河区专利', left: 'center', top: 10, textStyle: { fontSize: 40 } }, series: [] };
    const svg = await chartSvg(option, 400, 120);
    const inked = (img: { pixels: Uint8Array; width: number; height: number }) => {
      let n = 0;
      for (let y = 0; y < 70 * 2; y++) for (let x = 0; x < img.width; x++) if ((img.pixels[(y * img.width + x) * 4] as number) < 128) n++;
      return n;
    };
    const withFont = await rasterise(svg);
    const without = await rasterise(svg, 2, null);
    expect(withFont.width).toBe(800);
    expect(inked(withFont)).toBeGreaterThan(2000);
    expect(inked(without)).toBe(0);
  });

  it('renders a chart once into a non-blank PNG', async () => {
    let calls = 0;
    const images = await renderCharts([barChart, barChart], () => calls++);
    expect(images.size).toBe(1);
    expect(calls).toBe(1);
    const png = images.get(barChart)?.png ?? Buffer.alloc(0);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(720 * 2);
    // A blank 1440 × 800 image deflates to a few kilobytes.
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('renders a single report in one format', async () => {
    const out = await renderReport(sample, 'pdf');
    expect(out.extension).toBe('pdf');
    expect(out.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
