import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { loadECharts } from '../heavy-libraries';
import type { ChartBlock } from './document';
import { FONT_FAMILY, loadFonts, type ReportFonts } from './fonts';

/** A chart rasterised once and placed in both formats; width/height are the layout size in CSS px. */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

export type ChartImages = Map<ChartBlock, ChartImage>;

export const DEFAULT_CHART_WIDTH = 720;
export const DEFAULT_CHART_HEIGHT = 400;
/** Pixel density of the PNG: crisp when a 720 px chart is printed 156 mm wide (about 240 dpi). */
export const CHART_SCALE = 2;
const MIN_SIDE = 100;
const MAX_SIDE = 2000;

const require = createRequire(import.meta.url);
let wasmReady: Promise<void> | null = null;

function ensureWasm(): Promise<void> {
  wasmReady ??= readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm'))
    .then((wasm) => initWasm(wasm))
    .catch((err: unknown) => {
      wasmReady = null;
      throw err;
    });
  return wasmReady;
}

type Option = Record<string, unknown>;
const asList = (v: unknown): Option[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []) as Option[];

const GRID_SERIES = new Set(['line', 'bar', 'scatter', 'effectScatter', 'pictorialBar', 'candlestick', 'boxplot']);

/**
 * Series on a grid clip to it through an SVG clip-path, and the rasteriser pays two full-size
 * layers for each (about 50 ms a series, most of a line chart's time). When the axis ranges are
 * fitted to the data (no min/max, no zoom, no mark lines) nothing lies outside the grid, so those
 * clips change no pixel and are left out.
 */
function clipsAreIdle(option: Option): boolean {
  const axes = ['xAxis', 'yAxis'].flatMap((k) => asList(option[k]));
  const series = asList(option.series);
  return (
    !option.dataZoom &&
    !asList(option.legend).some((l) => l.type === 'scroll') &&
    !axes.some((a) => a.min !== undefined || a.max !== undefined) &&
    series.length > 0 &&
    series.every((s) => GRID_SERIES.has(String(s.type)) && !s.markLine && !s.markArea && !s.markPoint)
  );
}

/** The ECharts option as an SVG string, laid out at width × height, every text in the report font. */
export async function chartSvg(option: object, width: number, height: number): Promise<string> {
  const echarts = await loadECharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const given = option as Option;
    const textStyle = { fontFamily: FONT_FAMILY, ...((given.textStyle as object | undefined) ?? {}) };
    // A transparent background would turn black in the RGB image: the page is white.
    const background = given.backgroundColor && given.backgroundColor !== 'transparent' && given.backgroundColor !== 'none' ? given.backgroundColor : '#ffffff';
    chart.setOption({ ...given, animation: false, backgroundColor: background, textStyle });
    const svg = chart.renderToSVGString();
    return clipsAreIdle(given) ? svg.replace(/ clip-path="url\(#[^)"]*\)"/g, '') : svg;
  } finally {
    chart.dispose();
  }
}

const BOLD = /font-weight:\s*(bold|bolder|[6-9]00)/;

/**
 * Rasterises an SVG with resvg (WebAssembly: no native build, no system fonts). `fonts: null` gives
 * the rasteriser no font at all, which only tests use to show that the labels depend on it.
 */
export async function rasterise(svg: string, scale = CHART_SCALE, fonts?: ReportFonts | null): Promise<{ pixels: Uint8Array; width: number; height: number }> {
  await ensureWasm();
  const f = fonts === undefined ? await loadFonts() : fonts;
  const resvg = new Resvg(svg, {
    // No background here: the chart paints its own, and a second full-size fill costs time.
    fitTo: { mode: 'zoom', value: scale },
    font: {
      // Loading a 10 MB font costs tens of milliseconds per chart: the bold one only where used.
      fontBuffers: f ? (BOLD.test(svg) ? [f.regular, f.bold] : [f.regular]) : [],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
    },
  });
  try {
    const image = resvg.render();
    try {
      return { pixels: image.pixels, width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An opaque RGB PNG of RGBA pixels. RGB because the page is white anyway, and pdfkit embeds RGB
 * PNG data as it is, whereas it decodes and splits an RGBA one in JavaScript. No row filter: flat
 * chart areas deflate smaller without one.
 */
export function encodeRgbPng(pixels: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  let s = 0;
  for (let y = 0; y < height; y++) {
    let d = y * stride + 1;
    for (let x = 0; x < width; x++, s += 4, d += 3) {
      // Premultiplied RGBA: a pixel that is not opaque is laid over the white page.
      const under = 255 - (pixels[s + 3] as number);
      raw[d] = (pixels[s] as number) + under;
      raw[d + 1] = (pixels[s + 1] as number) + under;
      raw[d + 2] = (pixels[s + 2] as number) + under;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const clamp = (v: number | undefined, fallback: number) => Math.round(Math.min(MAX_SIDE, Math.max(MIN_SIDE, typeof v === 'number' && Number.isFinite(v) ? v : fallback)));

/** The layout size of a chart block in CSS pixels, within sane bounds. */
export const chartSize = (block: ChartBlock) => ({ width: clamp(block.width, DEFAULT_CHART_WIDTH), height: clamp(block.height, DEFAULT_CHART_HEIGHT) });

/** One chart block as a PNG at CHART_SCALE × its layout size. */
export async function renderChart(block: ChartBlock): Promise<ChartImage> {
  const { width, height } = chartSize(block);
  const image = await rasterise(await chartSvg(block.option, width, height));
  return { png: encodeRgbPng(image.pixels, image.width, image.height), width, height };
}

/** Every chart of a document, each rendered once; onChart reports progress after each. */
export async function renderCharts(blocks: ChartBlock[], onChart?: (done: number, total: number) => void): Promise<ChartImages> {
  const out: ChartImages = new Map();
  const unique = [...new Set(blocks)];
  for (const [i, block] of unique.entries()) {
    out.set(block, await renderChart(block));
    onChart?.(i + 1, unique.length);
  }
  return out;
}
