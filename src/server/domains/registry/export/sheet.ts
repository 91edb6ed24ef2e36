import { disposition } from '../../../http/route-kit';
import { PassThrough } from 'node:stream';
import { loadExcelJS } from '../../../heavy-libraries';
import type { FastifyReply } from 'fastify';

export type SheetFormat = 'xlsx' | 'csv';
export type SheetCell = string | number | boolean | null | undefined;

/**
 * SECURITY.md EX-1: a cell a spreadsheet would read as a formula (= + - @, tab, CR at the start) is
 * neutralised with a leading apostrophe.
 */
export function safeCell(v: SheetCell): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (no line break) of formula-safe cells. */
export const csvLine = (cells: readonly SheetCell[]) => cells.map((c) => csvField(safeCell(c))).join(',');

/** RFC 6266 / 5987: a Chinese file name that every browser saves correctly. */
/**
 * Streams rows to the client as XLSX or CSV (UTF-8 with BOM for Excel) as they are produced, so an
 * export of 100,000 rows never sits in memory.
 */
export async function writeSheet(reply: FastifyReply, fileName: string, format: SheetFormat, headers: string[], rows: AsyncIterable<SheetCell[]>): Promise<FastifyReply> {
  const out = new PassThrough();
  reply
    .header('content-disposition', disposition(fileName))
    .header('cache-control', 'no-store')
    .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8');
  const send = reply.send(out);
  void (async () => {
    try {
      if (format === 'csv') {
        out.write('\ufeff');
        out.write(`${csvLine(headers)}\r\n`);
        for await (const row of rows) {
          if (!out.write(`${csvLine(row)}\r\n`)) await new Promise((r) => out.once('drain', r));
        }
        out.end();
      } else {
        const ExcelJS = await loadExcelJS();
        const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
        const sheet = book.addWorksheet('data');
        const head = sheet.addRow(headers);
        head.font = { bold: true };
        head.commit();
        for await (const row of rows) sheet.addRow(row.map(safeCell)).commit();
        sheet.commit();
        await book.commit();
      }
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return send;
}
