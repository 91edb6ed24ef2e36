import { areaByCode } from '../../../../shared/validators';
import { assertIdentifier, type Queryable } from '../../../db/db';

/** The rights that have holders and a status history, and the tables that hold them. */
const TABLES = {
  patent: { holders: 'patent_holders', history: 'patent_status_history', key: 'patent_id' },
  trademark: { holders: 'trademark_holders', history: 'trademark_status_history', key: 'trademark_id' },
} as const;

export type Right = keyof typeof TABLES;

interface HolderLinkRow {
  holder_id: number;
  name: string;
  kind: string;
  uscc: string | null;
  area_code: string | null;
  area_source: string;
}

interface HistoryRow {
  status: string;
  status_raw: string | null;
  event_date: string | null;
  recorded_at: Date;
}

/**
 * The holders of a patent or trademark in their order (the first is the main applicant) and its
 * status changes as the register recorded them, oldest first: the side of its record page.
 */
export async function holdersAndHistory(q: Queryable, right: Right, id: number) {
  const t = TABLES[right];
  const [holders, history] = await Promise.all([
    q.query<HolderLinkRow>(
      `SELECT h.id AS holder_id, h.name, h.kind, h.uscc, h.area_code, h.area_source
         FROM ${assertIdentifier(t.holders)} l JOIN holders h ON h.id = l.holder_id WHERE l.${assertIdentifier(t.key)} = $1 ORDER BY l.seq`,
      [id],
    ),
    q.query<HistoryRow>(`SELECT status, status_raw, event_date, recorded_at FROM ${assertIdentifier(t.history)} WHERE ${assertIdentifier(t.key)} = $1 ORDER BY recorded_at, id`, [id]),
  ]);
  return {
    holders: holders.map((h) => ({
      id: h.holder_id,
      name: h.name,
      kind: h.kind as 'org' | 'person',
      uscc: h.uscc,
      areaCode: h.area_code,
      areaName: h.area_code ? (areaByCode(h.area_code)?.name ?? null) : null,
      areaSource: h.area_source,
    })),
    history: history.map((e) => ({ status: e.status, statusRaw: e.status_raw, eventDate: e.event_date, recordedAt: e.recorded_at.toISOString() })),
  };
}
