import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Row as ExcelRow } from 'exceljs';
import { loadExcelJS } from '../../../heavy-libraries';
import parserStream from 'stream-json';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import jsonlParser from 'stream-json/jsonl/parser.js';
import { inspectZip } from '../../../files/zip-check';
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
  const verdict = await inspectZip(path, limits);
  if (!verdict.ok && verdict.reason === 'damaged') throw refuse('XLSX 文件已损坏，无法读取', 'The XLSX file is damaged and cannot be read');
  if (!verdict.ok) throw refuse('XLSX 文件解压后过大或结构异常（疑似压缩炸弹），已拒绝', 'The XLSX file would unpack to too much data or has an abnormal structure (a zip bomb?); refused');
  if (!verdict.names.has('xl/workbook.xml')) throw refuse('压缩包不是 XLSX 工作簿', 'The zip archive is not an XLSX workbook');
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

/** Text is decoded and parsed a chunk at a time, each cut at the end of its last whole record. */
const CSV_CHUNK_BYTES = 1 << 20;
/** A record that grows past this without ending is an unclosed quote, not a real register row. */
const MAX_RECORD_CHARS = 8 << 20;

function countQuotes(text: string, from: number, to: number): number {
  let n = 0;
  for (let at = text.indexOf('"', from); at >= 0 && at < to; at = text.indexOf('"', at + 1)) n++;
  return n;
}

/**
 * Where the last whole record of some CSV text ends: the last line break outside quotes, or -1.
 * The text starts at a record boundary, so a line break is outside quotes when an even number of
 * quote characters precede it (an escaped quote "" counts twice).
 */
export function lastRecordEnd(text: string, newline: string): number {
  let at = text.lastIndexOf(newline);
  if (at < 0) return -1;
  let quotes = countQuotes(text, 0, at);
  while (quotes % 2 === 1) {
    const before = at > 0 ? text.lastIndexOf(newline, at - 1) : -1;
    if (before < 0) return -1;
    quotes -= countQuotes(text, before, at);
    at = before;
  }
  return at;
}

/** The file's line break, from the first one seen (null: none yet). */
function newlineOf(text: string): '\r\n' | '\n' | '\r' | null {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.indexOf('\r') >= 0 ? '\r' : null;
}

const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * CSV rows in batches (one per chunk of the file). Rows are numbered as a spreadsheet program shows
 * them: one per record, blank lines included (and then skipped), a quoted multi-line cell in one row.
 */
async function* csvBatches(path: string, info: FileInfo, fromRow: number): AsyncGenerator<Row[]> {
  const decoder = new TextDecoder(info.encoding ?? 'utf-8'); // drops a byte-order mark
  const delimiter = info.delimiter ?? ',';
  let newline: ReturnType<typeof newlineOf> = null;
  let carry = '';
  let rowNo = 0;
  const parse = (text: string): Row[] => {
    const res = Papa.parse<string[]>(text, { delimiter, newline: newline ?? undefined, quoteChar: '"', skipEmptyLines: false });
    const unclosed = res.errors.find((e) => e.code === 'MissingQuotes');
    if (unclosed) {
      const at = rowNo + (unclosed.row ?? 0) + 1;
      throw refuse(`第 ${at} 行的引号没有闭合，文件无法解析`, `The quote opened in row ${at} is never closed; the file cannot be parsed`);
    }
    const out: Row[] = [];
    for (const cells of res.data) {
      rowNo++;
      if (rowNo >= fromRow && !isBlankRow(cells)) out.push({ rowNo, cells });
    }
    return out;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CSV_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    const text = carry + decoder.decode(chunk, { stream: true });
    newline ??= newlineOf(text);
    const end = newline ? lastRecordEnd(text, newline) : -1;
    if (end < 0) {
      carry = text;
    } else {
      carry = text.slice(end + (newline?.length ?? 1));
      const rows = parse(text.slice(0, end));
      if (rows.length > 0) yield rows;
    }
    if (carry.length > MAX_RECORD_CHARS) {
      throw refuse(`第 ${rowNo + 1} 行起的引号没有闭合（或一行超过 ${MAX_RECORD_CHARS >> 20} M 字符），文件无法解析`, `A quote opened in row ${rowNo + 1} is never closed (or a row is over ${MAX_RECORD_CHARS >> 20} M characters)`);
    }
  }
  const rest = carry + decoder.decode();
  if (rest !== '') {
    const rows = parse(rest);
    if (rows.length > 0) yield rows;
  }
}

/** Rows of XLSX and JSON files are handed on in batches of this many, like CSV chunks. */
const BATCH_ROWS = 500;

async function* batched(rows: AsyncIterable<Row>): AsyncGenerator<Row[]> {
  let batch: Row[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function* xlsxRows(path: string, fromRow: number): AsyncGenerator<Row> {
  const ExcelJS = await loadExcelJS();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelRow>) {
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
 * The rows of a file from `fromRow` on (row numbers as the officer sees them), in batches: a row
 * at a time would spend more on the async hand-over than on the parsing. JSON yields a header row
 * first (rowNo 0) built from the record keys.
 */
export function readRowBatches(path: string, info: FileInfo, fromRow = 0): AsyncGenerator<Row[]> {
  switch (info.format) {
    case 'csv':
      return csvBatches(path, info, fromRow);
    case 'xlsx':
      return batched(xlsxRows(path, fromRow));
    default:
      return batched(jsonRows(path, info, fromRow));
  }
}

/** The same rows one at a time. */
export async function* readRows(path: string, info: FileInfo, fromRow = 0): AsyncGenerator<Row> {
  for await (const batch of readRowBatches(path, info, fromRow)) yield* batch;
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
