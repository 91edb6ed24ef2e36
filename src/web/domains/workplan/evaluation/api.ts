/** Types and calls of 保护水平评估 (protection-level evaluation). */
import type { z } from 'zod';
import type * as schema from '../../../../server/domains/workplan/evaluation/schema';
import { http } from '../../../app/api';

export type EvaluationView = z.output<typeof schema.evaluationView>;
export type RunView = z.output<typeof schema.runView>;
export type AreaRow = RunView['areas'][number];
export type IndicatorRow = NonNullable<AreaRow['indicators']>[number];
export type SystemBody = z.input<typeof schema.systemBody>;
export type ManualBody = z.input<typeof schema.manualBody>;
export type VerifyView = z.output<typeof schema.verifyView>;

const base = (year: number) => `/api/workplan/evaluation/${year}`;

export const evaluationApi = {
  get: (year: number, run?: number, signal?: AbortSignal) => http.get<EvaluationView>(base(year), run ? { run } : undefined, signal),
  saveSystem: (year: number, body: SystemBody) => http.put<EvaluationView>(`${base(year)}/system`, body),
  useDefault: (year: number) => http.post<EvaluationView>(`${base(year)}/system/default`),
  setManual: (year: number, body: ManualBody) => http.put<EvaluationView>(`${base(year)}/manual`, body),
  compute: (year: number) => http.post<EvaluationView>(`${base(year)}/runs`),
  verify: (year: number, id: number) => http.get<VerifyView>(`${base(year)}/runs/${id}/verify`),
};
