import { normalizeSpaces } from '../validators/fullwidth';
import type { BilingualMessage } from '../validators/types';

/**
 * Cell values as the import readers hand them over: text, an Excel number, a Date (exceljs gives
 * Dates for date-formatted cells, at UTC midnight), a boolean, or nothing.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

export type Reason = BilingualMessage;

/** A failed parse. `empty` tells "nothing there" apart from "something wrong there". */
export interface ParseFailure {
  ok: false;
  empty: boolean;
  reason: Reason;
}

export const EMPTY_REASON: Reason = { zh: '为空', en: 'empty' };

export function emptyFailure(reason: Reason = EMPTY_REASON): ParseFailure {
  return { ok: false, empty: true, reason };
}

export function failure(zh: string, en: string): ParseFailure {
  return { ok: false, empty: false, reason: { zh, en } };
}

/** ISO date (YYYY-MM-DD) of a Date, read in UTC as exceljs writes date cells. */
export function isoDateUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The text of a cell, untrimmed. Numbers keep all their digits (no exponent for the 12- and
 * 13-digit numbers Excel stores application numbers as); Dates become their UTC date.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return Number.isInteger(value) && Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDateUtc(value);
  return '';
}

/** Cell text with whitespace collapsed and trimmed: the form used for free text. */
export function cellClean(value: unknown): string {
  return normalizeSpaces(cellText(value));
}

/** A short form of a cell for error reports (the reports show the offending value). */
export function cellPreview(value: unknown, max = 200): string {
  const s = cellText(value).trim();
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}
