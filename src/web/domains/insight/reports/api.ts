import type { z } from 'zod';
import type * as rp from '../../../../server/domains/insight/reports/schema';
import type { JobView } from '../../../app/api-types';
import { http } from '../../../app/api';

export type ReportView = z.infer<typeof rp.reportView>;
export type ReportBody = z.input<typeof rp.reportBody>;
export type DashboardReportQuery = Extract<ReportBody, { kind: 'dashboard' }>['query'];

export const reportsApi = {
  request: (body: ReportBody) => http.post<{ report: ReportView; job: JobView }>('/api/insight/reports', body),
  get: (id: number) => http.get<ReportView>(`/api/insight/reports/${id}`),
  list: (signal?: AbortSignal) => http.get<ReportView[]>('/api/insight/reports', undefined, signal),
};
