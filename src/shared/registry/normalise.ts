/**
 * Normalisation of the cells of imported IP spreadsheets (incoPat, 智慧芽/PatSnap, 合享, CNIPA,
 * 中国商标网). Every function takes a raw cell (string, Excel number, Date, null) and is pure.
 * The pieces live in small modules; this file is the one to import from.
 */
export { cellText, cellClean, cellPreview, type CellValue, type ParseFailure, type Reason } from './cell';
export {
  parseDate,
  parseDateRange,
  excelSerialToIso,
  todayInChina,
  yearInChina,
  PATENT_LAW_START,
  DEFAULT_MIN_DATE,
  type DateResult,
  type DateRangeResult,
  type DateOptions,
  type DateErrorCode,
} from './dates';
export { normaliseIpc, splitIpcList, ipcParts, type IpcResult, type IpcParts, type IpcListResult } from './ipc';
export {
  codeText,
  parsePatentType,
  patentTypeLabel,
  parsePublicationNumber,
  parseInteger,
  parseNiceClass,
  parseTrademarkNumber,
  type PatentTypeResult,
  type PublicationNumberResult,
  type IntegerResult,
  type NiceClassResult,
  type TrademarkNumberResult,
} from './numbers';
export {
  parseLegalStatus,
  parseTrademarkStatus,
  parseMarkType,
  parseGiKind,
  parseGiUserStatus,
  type LegalStatusResult,
  type TrademarkStatusResult,
  type MarkTypeResult,
  type GiKindResult,
  type GiUserStatusResult,
} from './status';
export { splitNames, splitAligned, normaliseHolderName, isPersonName } from './names';
