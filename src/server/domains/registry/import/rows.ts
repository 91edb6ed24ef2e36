import type { ImportKind, RowProblem } from '../../../../shared/registry/types';
import { KIND_SPECS } from './kinds';
import { readRowBatches, type Cell, type FileInfo } from './read';

/** What is read and validated: a stored file from a row on, mapped to fields. */
export interface RowSource {
  kind: ImportKind;
  path: string;
  info: FileInfo;
  /** The first row to read (rows before it are committed already, or the header). */
  fromRow: number;
  mapping: Array<string | null>;
  /** Columns in the header; a data row with more filled cells is ragged. */
  columnCount: number;
  /** Today in China, 'YYYY-MM-DD': no date may be later. */
  today: string;
  /** Rows per batch (a batch is committed as one transaction). */
  batchSize: number;
}

/** A run of rows of the file, validated: what to store and what was refused. */
export interface ValidatedBatch {
  records: unknown[];
  /** What the kind's `prepare` worked out for each record, in the same order. */
  prepared: unknown[];
  /** The file row of each record, in the same order. */
  recordRows: number[];
  problems: Array<RowProblem & { rowNo: number }>;
  /** Rows read, stored or refused. */
  rows: number;
  lastRowNo: number;
  warnings: number;
}

/** A cell as validation takes it: strings trimmed, empty cells null. */
function cellValue(c: Cell | undefined): unknown {
  if (c === undefined || c === null) return null;
  return typeof c === 'string' ? c.trim() : c;
}

/** A data row keyed by field; several columns mapped to one list field are joined with ';'. */
export function mapRow(cells: Cell[], mapping: Array<string | null>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  mapping.forEach((field, i) => {
    if (!field) return;
    const v = cellValue(cells[i]);
    if (v === null || v === '') return;
    out[field] = field in out ? `${String(out[field])};${String(v)}` : v;
  });
  return out;
}

const isFilled = (c: Cell) => c !== null && c !== '';

/**
 * Reads and validates the rows of a file in batches. Needs no database, so it can run in a worker
 * thread while the previous batch is being written (see pipeline.ts).
 */
export async function* validatedBatches(src: RowSource): AsyncGenerator<ValidatedBatch> {
  const spec = KIND_SPECS[src.kind];
  const newBatch = (lastRowNo: number): ValidatedBatch => ({ records: [], prepared: [], recordRows: [], problems: [], rows: 0, lastRowNo, warnings: 0 });
  let batch = newBatch(src.fromRow - 1);
  for await (const rows of readRowBatches(src.path, src.info, src.fromRow)) {
    for (const row of rows) {
      if (row.rowNo < src.fromRow) continue;
      batch.lastRowNo = row.rowNo;
      batch.rows++;
      if (row.cells.length > src.columnCount && row.cells.slice(src.columnCount).some(isFilled)) {
        batch.problems.push({
          rowNo: row.rowNo,
          field: '*',
          value: `${row.cells.length}`,
          reason: { zh: `此行有 ${row.cells.length} 列，表头只有 ${src.columnCount} 列（列数不一致）`, en: `This row has ${row.cells.length} columns, the header ${src.columnCount}` },
        });
      } else {
        const result = spec.validate(mapRow(row.cells, src.mapping), { today: src.today });
        if (result.ok) {
          batch.records.push(result.record);
          batch.prepared.push(spec.prepare ? spec.prepare(result.record) : null);
          batch.recordRows.push(row.rowNo);
          batch.warnings += result.warnings.length;
        } else {
          for (const p of result.problems) batch.problems.push({ ...p, rowNo: row.rowNo });
        }
      }
      if (batch.rows >= src.batchSize) {
        yield batch;
        batch = newBatch(batch.lastRowNo);
      }
    }
  }
  if (batch.rows > 0) yield batch;
}
