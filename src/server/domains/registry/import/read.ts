import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import parserStream from 'stream-json';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import jsonlParser from 'stream-json/jsonl/parser.js';
import yauzl from 'yauzl';
import { invalid, AppError } from '../../../errors';

/**
 * Reading import files: what format and encoding a file really is (by its bytes, not its name),
 * and its rows one at a time, never the whole file in memory.
 */
export type FileFormat = 'csv' | 'xlsx' | 'json' | 'jsonl';
export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le';

export interface FileInfo {
  format: FileFormat;
  encoding: Encoding | null;
  delimiter: string | null;
  bytes: number;
}

/** A cell as read: text, a number, a date (Excel date cells), or empty. */
export type Cell = string | number | boolean | Date | null;

export interface Row {
  /** The row's number as the officer sees it: the spreadsheet row, or the record's position in JSON. */
  rowNo: number;
  cells: Cell[];
}

export interface ImportLimits {
  maxBytes: number;
  /** XLSX: the most a workbook may unpack to, and the most entries it may hold (zip bombs). */
  maxUnpackedBytes: number;
  maxEntries: number;
}

const refuse = (zh: string, en: string) => invalid({ zh, en }, [{ field: 'file', message: { zh, en } }]);

/** Looks at the first bytes: zip (XLSX), JSON, or text (CSV) in UTF-8, GB18030 or UTF-16. */
export async function sniff(path: string, limits: ImportLimits): Promise<FileInfo> {
  const { size } = await stat(path);
  if (size === 0) throw refuse('文件是空的', 'The file is empty');
  if (size > limits.maxBytes) {
    throw new AppError('too_large', {
      zh: `文件超过 ${Math.round(limits.maxBytes / 1048576)} MB 上限`,
      en: `The file is larger than the ${Math.round(limits.maxBytes / 1048576)} MB limit`,
    });
  }
  const fh = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, 65536));
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    await checkWorkbook(path, limits);
    return { format: 'xlsx', encoding: null, delimiter: null, bytes: size };
  }
  let encoding: Encoding;
  let text: string;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    encoding = 'utf-8';
    text = new TextDecoder('utf-8').decode(head.subarray(3));
  } else if (head[0] === 0xff && head[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(head.subarray(2));
  } else {
    if (head.includes(0)) {
      throw new AppError('unsupported_media', {
        zh: '这不是文本、CSV、JSON 或 XLSX 文件（可能是改了扩展名的二进制文件）',
        en: 'This is not a text, CSV, JSON or XLSX file (perhaps a binary file renamed)',
      });
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      encoding = 'utf-8';
    } catch {
      encoding = 'gb18030';
      text = new TextDecoder('gb18030').decode(head);
    }
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.replace(/\u001a$/, ''))) {
    throw refuse('文件含有不可见的控制字符，不是可读的文本表格', 'The file contains control characters; it is not a readable text table');
  }
  const start = text.trimStart()[0];
  if (start === '[') return { format: 'json', encoding, delimiter: null, bytes: size };
  if (start === '{') return { format: 'jsonl', encoding, delimiter: null, bytes: size };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  const delimiter = counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
  return { format: 'csv', encoding, delimiter, bytes: size };
}

/** UP-1: a workbook is checked from its zip directory before a single entry is unpacked. */
async function checkWorkbook(path: string, limits: ImportLimits): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, z) => (err || !z ? reject(err ?? new Error('zip')) : resolve(z))),
  ).catch(() => {
    throw refuse('XLSX 文件已损坏，无法读取', 'The XLSX file is damaged and cannot be read');
  });
  let entries = 0;
  let unpacked = 0;
  let workbook = false;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries++;
      unpacked += e.uncompressedSize;
      if (e.fileName === 'xl/workbook.xml') workbook = true;
      const ratio = e.compressedSize > 0 ? e.uncompressedSize / e.compressedSize : 0;
      if (entries > limits.maxEntries || unpacked > limits.maxUnpackedBytes || ratio > 1000) {
        zip.close();
        reject(refuse('XLSX 文件解压后过大或结构异常（疑似压缩炸弹），已拒绝', 'The XLSX file would unpack to too much data or has an abnormal structure (a zip bomb?); refused'));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', () => reject(refuse('XLSX 文件已损坏，无法读取', 'The XLSX file is damaged and cannot be read')));
    zip.readEntry();
  });
  if (!workbook) throw refuse('压缩包不是 XLSX 工作簿', 'The zip archive is not an XLSX workbook');
}

/** Decodes a byte stream in the detected encoding, across chunk boundaries. */
function decoder(encoding: Encoding): Transform {
  const d = new TextDecoder(encoding, { ignoreBOM: false });
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, d.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, d.decode());
    },
  });
}

function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((p) => p.text).join('');
    if ('result' in o) return cellOf(o.result);
    if (typeof o.text === 'string') return o.text;
    if (o.error) return null;
  }
  return String(v);
}

async function* csvRows(path: string, info: FileInfo, fromRow: number): AsyncGenerator<Row> {
  const source = createReadStream(path).pipe(decoder(info.encoding ?? 'utf-8'));
  const csv = source.pipe(
    parseCsv({ delimiter: info.delimiter ?? ',', relax_column_count: true, skip_empty_lines: true, bom: true, info: true, skip_records_with_empty_values: true }),
  );
  for await (const rec of csv as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const rowNo = rec.info.lines;
    if (rowNo < fromRow) continue;
    yield { rowNo, cells: rec.record };
  }
}

async function* xlsxRows(path: string, fromRow: number): AsyncGenerator<Row> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (row.number < fromRow) continue;
      const values = (row.values as unknown[]).slice(1).map(cellOf);
      if (values.every((v) => v === null || v === '')) continue;
      yield { rowNo: row.number, cells: values };
    }
    return; // the first worksheet only
  }
}

/** JSON records become rows under the keys of the first record (later new keys are appended). */
async function* jsonRows(path: string, info: FileInfo, fromRow: number): AsyncGenerator<Row> {
  const text = createReadStream(path).pipe(decoder(info.encoding ?? 'utf-8'));
  const stream: Readable =
    info.format === 'json' ? text.pipe(parserStream()).pipe(streamArray.asStream()) : text.pipe(jsonlParser.asStream({ checkErrors: true }));
  const keys: string[] = [];
  let n = 0;
  for await (const item of stream as AsyncIterable<{ key: number; value: unknown }>) {
    n++;
    const value = item.value;
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw refuse(`第 ${n} 条记录不是 JSON 对象`, `Record ${n} is not a JSON object`);
    for (const k of Object.keys(value)) if (!keys.includes(k)) keys.push(k);
    if (n === 1) yield { rowNo: 0, cells: [...keys] };
    if (n < fromRow) continue;
    const obj = value as Record<string, unknown>;
    yield { rowNo: n, cells: keys.map((k) => cellOf(Array.isArray(obj[k]) ? (obj[k] as unknown[]).join(';') : obj[k])) };
  }
}

/**
 * The rows of a file from `fromRow` on (row numbers as the officer sees them). JSON yields a
 * header row first (rowNo 0) built from the record keys.
 */
export function readRows(path: string, info: FileInfo, fromRow = 0): AsyncGenerator<Row> {
  switch (info.format) {
    case 'csv':
      return csvRows(path, info, fromRow);
    case 'xlsx':
      return xlsxRows(path, fromRow);
    default:
      return jsonRows(path, info, fromRow);
  }
}

/** The first rows of a file (for the header search and the mapping screen). */
export async function firstRows(path: string, info: FileInfo, n: number): Promise<Row[]> {
  const out: Row[] = [];
  try {
    for await (const row of readRows(path, info)) {
      out.push(row);
      if (out.length >= n) break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse(`文件无法解析：${(err as Error).message}`, `The file cannot be parsed: ${(err as Error).message}`);
  }
  return out;
}
