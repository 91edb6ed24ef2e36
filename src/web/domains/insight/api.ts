import type { z } from 'zod';
import type * as dash from '../../../server/domains/insight/dashboard/schema';
import type * as ind from '../../../server/domains/insight/indicators/schema';
import type * as ls from '../../../server/domains/insight/landscape/schema';
import type * as watch from '../../../server/domains/insight/watch/schema';
import { http } from '../../app/api';
import type { JobView } from '../../app/api-types';

export type Dashboard = z.infer<typeof dash.dashboard>;
export type DashboardQuery = Partial<Record<'area' | 'from' | 'to' | 'type' | 'industry' | 'indicator', string>>;
export type IndicatorTable = z.infer<typeof ind.indicatorTable>;
export type IndicatorValue = z.infer<typeof ind.indicatorValue>;
export type IndicatorDefinition = z.infer<typeof ind.indicatorDefinition>;
export type TargetView = z.infer<typeof ind.targetView>;

export interface CountyMap {
  type: 'FeatureCollection';
  features: Array<{ properties: { adcode: string; name: string } }>;
}

const enc = encodeURIComponent;

export const insightApi = {
  dashboard: (q: DashboardQuery, signal?: AbortSignal) => http.get<Dashboard>('/api/insight/dashboard', q, signal),
  countyMap: () => http.get<CountyMap>('/api/insight/county-map'),
  indicators: (year: number, signal?: AbortSignal) => http.get<IndicatorTable>('/api/insight/indicators', { year }, signal),
  saveTarget: (indicator: string, area: string, year: number, body: { target: number; note?: string }) =>
    http.put<TargetView>(`/api/insight/targets/${enc(indicator)}/${enc(area)}/${year}`, body),
  deleteTarget: (indicator: string, area: string, year: number) => http.del<{ ok: true }>(`/api/insight/targets/${enc(indicator)}/${enc(area)}/${year}`),
};

export type AlertPage = z.infer<typeof watch.alertPage>;
export type AlertView = z.infer<typeof watch.alertView>;
export type WatchView = z.infer<typeof watch.watchView>;
export type WatchBody = z.infer<typeof watch.watchBody>;

export const alertsApi = {
  list: (q: { page: number; pageSize: number; unread?: string; kind?: string }, signal?: AbortSignal) => http.get<AlertPage>('/api/insight/alerts', q, signal),
  markRead: (ids?: number[]) => http.post<{ marked: number }>('/api/insight/alerts/read', ids ? { ids } : {}),
  scan: () => http.post<{ id: string }>('/api/insight/alert-scans'),
  watches: () => http.get<WatchView[]>('/api/insight/watches'),
  addWatch: (body: WatchBody) => http.post<WatchView>('/api/insight/watches', body),
  removeWatch: (id: number) => http.del<{ ok: true }>(`/api/insight/watches/${id}`),
};

export type LandscapeView = z.infer<typeof ls.landscapeView>;
export type LandscapeDetail = z.infer<typeof ls.landscapeDetail>;
export type LandscapeBody = z.input<typeof ls.landscapeBody>;
export type LandscapeRun = z.infer<typeof ls.runView>;
export type LandscapeRunSummary = LandscapeDetail['runs'][number];
export type LandscapeResult = z.infer<typeof ls.landscapeResult>;
export type LandscapeKind = LandscapeView['kind'];

/** The navigation types of GB/T 39551-2020, in the standard's order. */
export const LANDSCAPE_KINDS: readonly LandscapeKind[] = ['regional', 'industry', 'enterprise', 'research', 'talent'];

export const landscapeApi = {
  list: (signal?: AbortSignal) => http.get<LandscapeView[]>('/api/insight/landscapes', undefined, signal),
  get: (id: number, signal?: AbortSignal) => http.get<LandscapeDetail>(`/api/insight/landscapes/${id}`, undefined, signal),
  create: (body: LandscapeBody) => http.post<LandscapeDetail>('/api/insight/landscapes', body),
  update: (id: number, body: LandscapeBody) => http.put<LandscapeDetail>(`/api/insight/landscapes/${id}`, body),
  remove: (id: number) => http.del<{ ok: true }>(`/api/insight/landscapes/${id}`),
  run: (id: number) => http.post<{ runId: number; job: JobView }>(`/api/insight/landscapes/${id}/runs`),
  getRun: (runId: number, signal?: AbortSignal) => http.get<LandscapeRun>(`/api/insight/landscape-runs/${runId}`, undefined, signal),
};
