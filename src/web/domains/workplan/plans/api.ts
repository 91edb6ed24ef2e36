/** Types and calls of the plan (工作方案), its assignments and progress, and the dashboard. */
import type { z } from 'zod';
import type * as dash from '../../../../server/domains/workplan/dashboard/schema';
import type * as plans from '../../../../server/domains/workplan/plans/schema';
import type * as progress from '../../../../server/domains/workplan/progress/schema';
import type { AssignmentStatus, PlanStatus, ProgressStatus, Rag } from '../../../../shared/workplan/rag';
import { http, uploadWithProgress, type Query } from '../../../app/api';

export type { AssignmentStatus, PlanStatus, ProgressStatus, Rag };
export type PlanList = z.output<typeof plans.planList>;
export type PlanSummary = PlanList['items'][number];
export type PlanView = z.output<typeof plans.planView>;
export type PlanTask = PlanView['taskList'][number];
export type CreatePlanBody = z.input<typeof plans.createBody>;
export type UpdatePlanBody = z.input<typeof plans.updateBody>;
export type CopyBody = z.input<typeof plans.copyBody>;
export type TaskBody = z.input<typeof plans.taskBody>;
export type AssignmentSummary = z.output<typeof progress.assignmentSummary>;
export type AssignmentDetail = z.output<typeof progress.assignmentDetail>;
export type AssignmentList = z.output<typeof progress.assignmentList>;
export type IndicatorView = AssignmentDetail['indicators'][number];
export type ProgressView = AssignmentDetail['reports'][number];
export type CreateAssignmentBody = z.input<typeof progress.createBody>;
export type UpdateAssignmentBody = z.input<typeof progress.updateBody>;
export type ProgressBody = z.input<typeof progress.progressBody>;
export type Units = z.output<typeof progress.unitsView>['items'];
export type Metrics = z.output<typeof progress.metricsView>['items'];
export type UploadView = z.output<typeof progress.uploadView>;
export type DashboardView = z.output<typeof dash.dashboardView>;

export interface AssignmentQuery extends Query {
  page: number;
  pageSize: number;
  plan?: number;
  task?: number;
  org?: string;
  status?: AssignmentStatus;
  rag?: Rag;
  overdue?: '1';
  dueSoon?: '1';
  pending?: '1';
  q?: string;
}

const a = (id: number) => `/api/workplan/assignments/${id}`;

export const workplanApi = {
  plans: (signal?: AbortSignal) => http.get<PlanList>('/api/workplan/plans', undefined, signal),
  plan: (id: number, signal?: AbortSignal) => http.get<PlanView>(`/api/workplan/plans/${id}`, undefined, signal),
  createPlan: (body: CreatePlanBody) => http.post<PlanView>('/api/workplan/plans', body),
  updatePlan: (id: number, body: UpdatePlanBody) => http.patch<PlanView>(`/api/workplan/plans/${id}`, body),
  copyPlan: (id: number, body: CopyBody) => http.post<PlanView>(`/api/workplan/plans/${id}/copy`, body),
  addTask: (id: number, body: TaskBody) => http.post<PlanView>(`/api/workplan/plans/${id}/tasks`, body),
  uploadDocument: (id: number, file: File) => http.upload<PlanView>(`/api/workplan/plans/${id}/document`, file),
  documentUrl: (id: number) => `/api/workplan/plans/${id}/document`,
  units: (signal?: AbortSignal) => http.get<{ items: Units }>('/api/workplan/units', undefined, signal),
  metrics: (signal?: AbortSignal) => http.get<{ items: Metrics }>('/api/workplan/metrics', undefined, signal),
  list: (q: AssignmentQuery, signal?: AbortSignal) => http.get<AssignmentList>('/api/workplan/assignments', q, signal),
  get: (id: number, signal?: AbortSignal) => http.get<AssignmentDetail>(a(id), undefined, signal),
  create: (body: CreateAssignmentBody) => http.post<AssignmentDetail>('/api/workplan/assignments', body),
  update: (id: number, body: UpdateAssignmentBody) => http.put<AssignmentDetail>(a(id), body),
  cancel: (id: number, reason: string) => http.post<AssignmentDetail>(`${a(id)}/cancel`, { reason }),
  upload: (file: File, onProgress?: (percent: number) => void) => uploadWithProgress<UploadView>('/api/workplan/uploads', file, { onProgress }),
  report: (id: number, body: ProgressBody) => http.post<AssignmentDetail>(`${a(id)}/progress`, body),
  accept: (id: number, pid: number, comment?: string) => http.post<AssignmentDetail>(`${a(id)}/progress/${pid}/accept`, comment ? { comment } : {}),
  returnReport: (id: number, pid: number, comment: string) => http.post<AssignmentDetail>(`${a(id)}/progress/${pid}/return`, { comment }),
  fileUrl: (id: number, pid: number, fileId: number) => `${a(id)}/progress/${pid}/files/${fileId}`,
  dashboard: (plan: number | undefined, signal?: AbortSignal) => http.get<DashboardView>('/api/workplan/dashboard', plan ? { plan } : undefined, signal),
};
