import { loadExcelJS } from '../../../heavy-libraries';
import { csvLine, safeCell, type SheetCell } from '../../registry/export/sheet';

interface Sheet {
  name: string;
  headers: string[];
  rows: SheetCell[][];
}

/** An XLSX workbook of several sheets; formula-like cells neutralised (SECURITY.md EX-1). */
export async function workbook(sheets: readonly Sheet[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    sheet.addRow(s.headers).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map(safeCell));
    sheet.columns.forEach((c, i) => {
      c.width = i < 4 ? 14 : 24;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** UTF-8 with a BOM (for spreadsheets), CRLF line ends, formula-like cells neutralised. */
export const csv = (s: Sheet) => Buffer.from(`\ufeff${[csvLine(s.headers), ...s.rows.map(csvLine)].join('\r\n')}\r\n`, 'utf8');
