import plan2022 from '../../../../../data/reference/workplan-2022.json';
import type { Queryable } from '../../../db/db';

/**
 * The city's published plans that ship with the platform (data/reference/workplan-*.json): loaded
 * at every start, inserted once and kept word for word as the file has them. They are the real
 * documents, not demo data.
 */
const REFERENCE_PLANS = [plan2022];

export async function syncReferencePlans(q: Queryable): Promise<number> {
  let added = 0;
  for (const p of REFERENCE_PLANS) {
    // The document's date, in China time, stands for when it entered the platform.
    const at = new Date(`${p.issueDate}T09:00:00+08:00`);
    const [found] = await q.query<{ id: number }>('SELECT id::int AS id FROM workplan_plans WHERE doc_no = $1', [p.docNo]);
    let id = found?.id;
    if (!id) {
      const [row] = await q.query<{ id: number }>(
        `INSERT INTO workplan_plans (year, title, doc_no, issuer, issue_date, goals, status, is_official_text, source_note, is_demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5::date, $6, 'issued', true, $7, false, $8, $8) RETURNING id::int AS id`,
        [p.year, p.title, p.docNo, p.issuer, p.issueDate, p.goals, p.source, at],
      );
      id = row?.id;
      added++;
    } else {
      await q.query('UPDATE workplan_plans SET title = $2, issuer = $3, issue_date = $4::date, goals = $5, source_note = $6, is_official_text = true WHERE id = $1', [id, p.title, p.issuer, p.issueDate, p.goals, p.source]);
    }
    for (const t of p.tasks) {
      await q.query(
        `INSERT INTO workplan_tasks (plan_id, seq, title, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (plan_id, seq) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body`,
        [id, t.seq, t.title, t.body, at],
      );
    }
  }
  return added;
}
