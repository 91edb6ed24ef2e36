import type { JobRow } from './queries';
import type { JobView } from './schema';

/** A job as the API and the CLI show it. */
export function toJobView(j: JobRow): JobView {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    phase: j.phase,
    progress: { done: j.progress_done, total: j.progress_total },
    params: j.params,
    result: j.result,
    errors: j.error,
    createdBy: j.created_by_name,
    createdAt: j.created_at.toISOString(),
    startedAt: j.started_at?.toISOString() ?? null,
    finishedAt: j.finished_at?.toISOString() ?? null,
  };
}

