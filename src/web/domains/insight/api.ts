import type { z } from 'zod';
import type * as dash from '../../../server/domains/insight/dashboard/schema';
import type * as ind from '../../../server/domains/insight/indicators/schema';
import type * as watch from '../../../server/domains/insight/watch/schema';
import { http } from '../../app/api';

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
