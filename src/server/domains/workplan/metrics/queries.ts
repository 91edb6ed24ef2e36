import type { Queryable } from '../../../db/db';
import type { ProtectionMetric } from '../../../../shared/workplan/metrics';

export interface AreaFigure {
  area_code: string;
  num: number;
  den: number;
}

/**
 * Per area: num (and den for rates and means) of each protection metric in [from, to). Each query
 * reads one module's table; the rule it follows is the metric's definition in shared/workplan.
 */
const QUERIES: Record<ProtectionMetric, string> = {
  mediation_closed: `SELECT area_code, count(*)::float8 AS num, 0::float8 AS den FROM mediation_cases WHERE closed_at >= $1 AND closed_at < $2 GROUP BY area_code`,
  mediation_settled: `SELECT area_code, count(*)::float8 AS num, 0::float8 AS den FROM mediation_cases WHERE closed_at >= $1 AND closed_at < $2 AND outcome = 'settled' GROUP BY area_code`,
  mediation_settlement_rate: `SELECT area_code, count(*) FILTER (WHERE outcome = 'settled')::float8 AS num, count(*)::float8 AS den
    FROM mediation_cases WHERE closed_at >= $1 AND closed_at < $2 AND outcome IN ('settled', 'not_settled', 'litigation') GROUP BY area_code`,
  mediation_average_days: `SELECT area_code, coalesce(sum(extract(epoch FROM closed_at - received_at) / 86400), 0)::float8 AS num, count(*)::float8 AS den
    FROM mediation_cases WHERE closed_at >= $1 AND closed_at < $2 GROUP BY area_code`,
  reports_concluded: `SELECT area_code, count(*)::float8 AS num, 0::float8 AS den FROM infringement_reports WHERE concluded_at >= $1 AND concluded_at < $2 AND area_code IS NOT NULL GROUP BY area_code`,
  cases_recorded: `SELECT area_code, count(*)::float8 AS num, 0::float8 AS den FROM ip_cases WHERE filed_on >= $3::date AND filed_on < $4::date GROUP BY area_code`,
  disclosures_published: `SELECT area_code, count(*)::float8 AS num, 0::float8 AS den FROM enforcement_decisions WHERE published_at >= $1 AND published_at < $2 AND status = 'published' GROUP BY area_code`,
  disclosures_on_time_rate: `SELECT area_code, count(*) FILTER (WHERE published_at < ((publish_due + 1)::text || 'T00:00:00+08:00')::timestamptz)::float8 AS num, count(*)::float8 AS den
    FROM enforcement_decisions WHERE published_at >= $1 AND published_at < $2 AND status IN ('published', 'withdrawn') GROUP BY area_code`,
  keylist_members: `SELECT area_code, count(*)::float8 AS num, 0::float8 AS den FROM key_list_entries WHERE status = 'listed' AND listed_on < $4::date GROUP BY area_code`,
  credit_records_published: `SELECT area_code, count(*)::float8 AS num, 0::float8 AS den FROM credit_records WHERE published_at >= $1 AND published_at < $2 AND status <> 'revoked' GROUP BY area_code`,
};

// Each query uses only some of the four parameters; naming all of them with their types here keeps
// PostgreSQL from refusing a parameter it cannot type.
const PARAMS = `WITH params AS (SELECT $1::timestamptz AS from_at, $2::timestamptz AS to_at, $3::date AS from_day, $4::date AS to_day) `;

export const protectionFigures = (q: Queryable, metric: ProtectionMetric, from: Date, to: Date, fromDay: string, toDay: string) =>
  q.query<AreaFigure>(PARAMS + QUERIES[metric], [from, to, fromDay, toDay]);
