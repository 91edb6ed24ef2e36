import ipcData from '../../../data/reference/ipc.json';

/** A section, class or subclass of the International Patent Classification with its titles. */
export interface IpcEntry {
  /** 'A', 'A01' or 'A01B'. */
  code: string;
  zh: string;
  en: string;
}

export type IpcLang = 'zh' | 'en';

const freezeEntries = (rows: readonly IpcEntry[]): readonly IpcEntry[] =>
  Object.freeze(rows.map((r) => Object.freeze({ code: r.code, zh: r.zh, en: r.en })));

/** The eight sections A–H. */
export const IPC_SECTIONS: readonly IpcEntry[] = freezeEntries(ipcData.sections);
/** Every class of the edition in `data/reference/ipc.json`, A01 … H99. */
export const IPC_CLASSES: readonly IpcEntry[] = freezeEntries(ipcData.classes);
/** A selection of subclasses (not the full list): those of the industries the platform follows. */
export const IPC_SUBCLASSES: readonly IpcEntry[] = freezeEntries(ipcData.subclasses);

export const IPC_EDITION: string = ipcData.edition;

const BY_CODE = new Map<string, IpcEntry>([...IPC_SECTIONS, ...IPC_CLASSES, ...IPC_SUBCLASSES].map((e) => [e.code, e]));

// Section, then optionally a 2-digit class, a subclass letter and a group ('1/00', '14/18').
const IPC_CODE = /^([A-H])(?:(\d{2})(?:([A-Z])(?:\d{1,4}(?:\/\d{1,6})?)?)?)?$/;

interface CodeParts {
  section: string;
  cls: string | null;
  subclass: string | null;
}

/** 'A01B 1/00', 'a01b1/00', 'A01B', 'A01' or 'A' → its parts; null when it is not shaped like an IPC code. */
function parts(code: string): CodeParts | null {
  const m = IPC_CODE.exec(code.replace(/\s+/g, '').toUpperCase());
  if (!m || m[1] === undefined) return null;
  const cls = m[2] === undefined ? null : `${m[1]}${m[2]}`;
  return { section: m[1], cls, subclass: cls !== null && m[3] !== undefined ? `${cls}${m[3]}` : null };
}

/** The section of a code ('C04B 14/18' → C), or null for a code that is not an IPC code. */
export function ipcSection(code: string): IpcEntry | null {
  const p = parts(code);
  return p ? (BY_CODE.get(p.section) ?? null) : null;
}

/** The class of a code ('C04B 14/18' → C04), or null when the code names no known class. */
export function ipcClass(code: string): IpcEntry | null {
  const p = parts(code);
  return p?.cls ? (BY_CODE.get(p.cls) ?? null) : null;
}

/** The subclass of a code when the reference data lists it ('C04B 14/18' → C04B), else null. */
export function ipcSubclass(code: string): IpcEntry | null {
  const p = parts(code);
  return p?.subclass ? (BY_CODE.get(p.subclass) ?? null) : null;
}

/**
 * The most specific title known for a normalised IPC code: the subclass title when the data lists
 * the subclass, else the class title ('A01B 1/00', 'A01B', 'A01'), or the section title for a
 * section code ('A'). Null for malformed codes and for classes that do not exist.
 */
export function ipcTitle(code: string, lang: IpcLang): string | null {
  const p = parts(code);
  if (!p) return null;
  if (p.cls === null) return BY_CODE.get(p.section)?.[lang] ?? null;
  const cls = BY_CODE.get(p.cls);
  if (!cls) return null;
  const sub = p.subclass ? BY_CODE.get(p.subclass) : undefined;
  return (sub ?? cls)[lang];
}
