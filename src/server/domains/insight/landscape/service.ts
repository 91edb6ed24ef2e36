import { todayInChina } from '../../../../shared/registry/normalise';
import { hasPermission } from '../../../../shared/roles';
import { filterToken, queryTokens } from '../../../../shared/search/tokenize';
import { areaByCode, CITY_CODE } from '../../../../shared/validators';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { forbidden, invalid, notFound, ruleViolated } from '../../../errors';
import { enqueueJob, type JobHandler } from '../../../jobs/runner';
import { appendAudit } from '../../identity/audit/service';
import { IMPORT_JOB } from '../../registry/import/service';
import { ipcArea } from '../../registry/search/query';
import * as sql from './queries';
import { MAX_LANDSCAPE_PATENTS, type LandscapeBody, type LandscapeDefinition, type LandscapeResult, type LandscapeRunView, type LandscapeView } from './schema';

export const LANDSCAPE_JOB = 'landscape';

const LIMITS = { top: 15, links: 60, ipc: 120, key: 10 };


/** The index tokens of an IPC area, as the search vector holds its codes ('C04B 14/18' → c04b, 14, 18 in a row). */
function ipcTokens(area: string): string {
  if (/^[A-H]\d{2}$/.test(area)) return `${area.toLowerCase()}:*`;
  const words = area.toLowerCase().split(/[\s/]+/).filter(Boolean);
  return words.length === 1 ? (words[0] as string) : `(${words.join(' <-> ')})`;
}

/** Checks and normalises a project's field: IPC areas de-duplicated, each word searchable, years in order. */
export function definitionOf(body: Pick<LandscapeBody, 'ipc' | 'keywords' | 'combine' | 'yearFrom' | 'yearTo'>): LandscapeDefinition {
  const ipc = [...new Set(body.ipc.map(ipcArea))];
  const keywords = [...new Set(body.keywords.map((k) => k.trim()).filter(Boolean))];
  for (const k of keywords) {
    if (!queryTokens(k).tsquery) throw invalid({ zh: `检索词「${k}」没有可检索的汉字或字母`, en: `"${k}" has no searchable characters` });
  }
  if (ipc.length + keywords.length === 0) throw invalid({ zh: '请至少给出一个 IPC 分类或一个检索词', en: 'Give at least one IPC area or one word' });
  if (body.combine === 'all' && (ipc.length === 0 || keywords.length === 0)) {
    throw invalid({ zh: '「同时满足」需要既有 IPC 分类又有检索词', en: '"All" needs both IPC areas and words' });
  }
  if (body.yearFrom > body.yearTo) throw invalid({ zh: '起始年份不能晚于截止年份', en: 'The first year is after the last' });
  if (body.yearTo - body.yearFrom >= 60) throw invalid({ zh: '年份范围最长 60 年', en: 'The year range is at most 60 years' });
  return { ipc, keywords, combine: body.combine, yearFrom: body.yearFrom, yearTo: body.yearTo };
}

/** The candidates' tsquery (IPC tokens, words, years, public records) and the words' own tsquery. */
export function matchQueries(d: LandscapeDefinition): { candidates: string; words: string | null } {
  const ipc = d.ipc.map(ipcTokens);
  const words = d.keywords.map((k) => `(${queryTokens(k).tsquery})`);
  const anyOf = (parts: string[]) => (parts.length === 1 ? (parts[0] as string) : `(${parts.join(' | ')})`);
  const field = d.combine === 'all' ? `${anyOf(ipc)} & ${anyOf(words)}` : anyOf([...ipc, ...words]);
  const years: string[] = [];
  for (let y = d.yearFrom; y <= d.yearTo; y++) years.push(filterToken('year', String(y)));
  return { candidates: `${field} & ${anyOf(years)} & ${filterToken('visibility', 'public')}`, words: words.length ? anyOf(words) : null };
}

const isCityOffice = (actor: Actor) => actor.scope === CITY_CODE && hasPermission(actor.roles, 'insight.landscape');
const canEdit = (actor: Actor, row: sql.LandscapeRow) => isCityOffice(actor) || (row.created_by !== null && row.created_by === actor.id);

const place = (p: string): 'local' | 'outside' | 'unknown' => (p === 'local' || p === 'outside' ? p : 'unknown');

function runSummary(r: sql.RunRow) {
  const h = r.result as Record<string, unknown> | null;
  return {
    id: r.id,
    status: r.status,
    jobId: r.job_id,
    patents: r.patents,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    startedBy: r.started_by_name,
    headline:
      r.status === 'done' && h
        ? {
            granted: Number(h.granted ?? 0),
            valid: Number(h.valid ?? 0),
            // The run list reads the lapsed total alone; a whole run carries the lapsed section.
            lapsed: Number((h.lapsed as { total?: number } | undefined)?.total ?? h.lapsed ?? 0),
            applicants: Number(h.applicants ?? 0),
            localPatents: Number(h.localPatents ?? 0),
            inventionGrantRate: h.inventionGrantRate === null || h.inventionGrantRate === undefined ? null : Number(h.inventionGrantRate),
          }
        : null,
  };
}

function landscapeView(actor: Actor, row: sql.LandscapeRow, runs: sql.RunRow[], lastImport: Date | null): LandscapeView {
  const latest = runs[0] ?? null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as LandscapeView['kind'],
    description: row.description,
    ipc: row.ipc,
    keywords: row.keywords,
    combine: row.combine,
    yearFrom: row.year_from,
    yearTo: row.year_to,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    isDemo: row.is_demo,
    canEdit: canEdit(actor, row),
    latestRun: latest ? runSummary(latest) : null,
    stale: !!latest?.finished_at && !!lastImport && lastImport > latest.finished_at,
  };
}

export async function listLandscapes(ctx: AppContext, actor: Actor): Promise<LandscapeView[]> {
  const rows = await sql.listLandscapes(ctx.db);
  const runs = rows.length ? await sql.runsOf(ctx.db, rows.map((r) => r.id)) : [];
  const lastImport = await sql.lastPatentImportAt(ctx.db, IMPORT_JOB);
  return rows.map((r) => landscapeView(actor, r, runs.filter((x) => x.landscape_id === r.id), lastImport));
}

async function loadLandscape(ctx: AppContext, id: number): Promise<sql.LandscapeRow> {
  const row = await sql.landscapeById(ctx.db, id);
  if (!row) throw notFound({ zh: '没有这个导航项目', en: 'No such navigation project' });
  return row;
}

export async function getLandscape(ctx: AppContext, actor: Actor, id: number) {
  const row = await loadLandscape(ctx, id);
  const runs = await sql.runsOf(ctx.db, [id]);
  return { ...landscapeView(actor, row, runs, await sql.lastPatentImportAt(ctx.db, IMPORT_JOB)), runs: runs.map(runSummary) };
}

const valuesOf = (body: LandscapeBody, d: LandscapeDefinition): sql.LandscapeValues => ({
  name: body.name,
  kind: body.kind,
  description: body.description || null,
  ...d,
});

/** Creates a project and starts its first run. */
export async function createLandscape(ctx: AppContext, actor: Actor, body: LandscapeBody) {
  const d = definitionOf(body);
  const id = await ctx.db.tx(async (tx) => {
    const id = await sql.insertLandscape(tx, valuesOf(body, d), actor.kind === 'user' ? actor.id : null);
    await appendAudit(tx, ctx.clock, { actor, action: 'landscape.create', targetType: 'landscape', targetId: String(id), after: { name: body.name, kind: body.kind, ...d } });
    return id;
  });
  await startRun(ctx, actor, id);
  return getLandscape(ctx, actor, id);
}

export async function updateLandscape(ctx: AppContext, actor: Actor, id: number, body: LandscapeBody) {
  const row = await loadLandscape(ctx, id);
  if (!canEdit(actor, row)) throw forbidden();
  const d = definitionOf(body);
  await ctx.db.tx(async (tx) => {
    await sql.updateLandscape(tx, id, valuesOf(body, d));
    await appendAudit(tx, ctx.clock, {
      actor,
      action: 'landscape.update',
      targetType: 'landscape',
      targetId: String(id),
      before: { name: row.name, kind: row.kind, ipc: row.ipc, keywords: row.keywords, combine: row.combine, yearFrom: row.year_from, yearTo: row.year_to },
      after: { name: body.name, kind: body.kind, ...d },
    });
  });
  return getLandscape(ctx, actor, id);
}

export async function deleteLandscape(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const row = await loadLandscape(ctx, id);
  if (!canEdit(actor, row)) throw forbidden();
  await ctx.db.tx(async (tx) => {
    await sql.deleteLandscape(tx, id);
    await appendAudit(tx, ctx.clock, { actor, action: 'landscape.delete', targetType: 'landscape', targetId: String(id), before: { name: row.name } });
  });
}

/** Queues a run of the project on the register as it is now. */
export async function startRun(ctx: AppContext, actor: Actor, id: number) {
  const row = await loadLandscape(ctx, id);
  const running = await sql.activeRun(ctx.db, id);
  if (running) throw ruleViolated({ zh: '这个项目正在运行，请等它完成', en: 'This project is already running' }, { runId: running });
  const d: LandscapeDefinition = { ipc: row.ipc, keywords: row.keywords, combine: row.combine, yearFrom: row.year_from, yearTo: row.year_to };
  const runId = await sql.insertRun(ctx.db, id, d, actor.kind === 'user' ? actor.id : null, ctx.clock.now());
  const job = await enqueueJob(ctx, actor, LANDSCAPE_JOB, { runId, landscapeId: id, name: row.name });
  await ctx.db.tx(async (tx) => {
    await sql.setRunJob(tx, runId, job.id);
    await appendAudit(tx, ctx.clock, { actor, action: 'landscape.run', targetType: 'landscape', targetId: String(id), after: { runId, jobId: job.id } });
  });
  return { runId, job };
}

export async function getRun(ctx: AppContext, runId: number): Promise<LandscapeRunView> {
  const r = await sql.runById(ctx.db, runId);
  if (!r) throw notFound({ zh: '没有这次运行', en: 'No such run' });
  return { ...runSummary(r), landscapeId: r.landscape_id, landscapeName: r.landscape_name ?? '', runNumber: r.run_number ?? 1, definition: r.definition, result: r.status === 'done' ? (r.result as LandscapeResult) : null };
}

const keyPatent = (k: sql.KeyPatentRow) => ({ ...k, type: k.type as LandscapeResult['keyPatents']['claims'][number]['type'], status: k.status as LandscapeResult['keyPatents']['claims'][number]['status'], value: Number(k.value) });
const holderStat = (h: sql.HolderStatRow) => ({
  id: h.id,
  name: h.name,
  kind: h.kind === 'person' ? ('person' as const) : ('org' as const),
  areaCode: h.area_code,
  areaName: h.area_code ? (areaByCode(h.area_code)?.name ?? null) : null,
  place: place(h.place),
  patents: h.patents,
  granted: h.granted,
  valid: h.valid,
  firstYear: h.first_year,
  lastYear: h.last_year,
});

/** The landscape of a run's patents (all figures from one transaction's snapshot). */
export function toResult(a: sql.Analysis, asOf: Date, change: LandscapeResult['change']): LandscapeResult {
  const t = a.totals;
  return {
    asOf: asOf.toISOString(),
    total: t.total,
    byType: a.byType,
    granted: t.granted,
    valid: t.valid,
    inventionGrantRate: t.inv_decided > 0 ? Math.round((t.inv_granted / t.inv_decided) * 1000) / 1000 : null,
    inventionsDecided: t.inv_decided,
    applicants: t.applicants,
    localApplicants: t.local_applicants,
    localPatents: t.local_patents,
    inventors: t.inventors,
    years: a.years.map((y) => ({ year: y.year, invention: y.invention, utility: y.utility, design: y.design, grants: y.grants, applicants: y.applicants, newApplicants: y.new_applicants })),
    status: a.status,
    topLocal: a.topLocal.map(holderStat),
    topOutside: a.topOutside.map(holderStat),
    network: { nodes: a.nodes.map((n) => ({ ...n, place: place(n.place) })), links: a.links, coFiled: a.coFiled },
    inventorRanking: a.inventors,
    ipcGroups: a.ipcGroups,
    counties: a.counties,
    keyPatents: { claims: a.claims.map(keyPatent), family: a.family.map(keyPatent), longest: a.longest.map(keyPatent), citationsAvailable: false },
    lapsed: { total: a.endedByStatus.reduce((n, s) => n + s.n, 0), byStatus: a.endedByStatus, recent: a.endedRecent.map(keyPatent) },
    change,
  };
}

/** Matches the field's patents, then draws the landscape; a run interrupted part way simply starts again. */
export async function executeRun(ctx: AppContext, runId: number, progress: (done: number, total: number, phase: string) => Promise<void>): Promise<LandscapeResult> {
  const run = await sql.runById(ctx.db, runId);
  if (!run) throw notFound({ zh: '没有这次运行', en: 'No such run' });
  const d = run.definition;
  try {
    await progress(0, 2, 'landscape.match');
    const asOf = ctx.clock.now();
    const field = { ...matchQueries(d), ipc: d.ipc, combine: d.combine };
    const analysis = await ctx.db.tx((tx) =>
      sql.analyse(tx, runId, field, MAX_LANDSCAPE_PATENTS, { from: d.yearFrom, to: d.yearTo }, todayInChina(asOf.getTime()), LIMITS),
    );
    if (!analysis) {
      throw ruleViolated({
        zh: `检索到的专利超过 ${MAX_LANDSCAPE_PATENTS.toLocaleString('zh-CN')} 件，请缩小 IPC 范围、增加检索词或缩短年份`,
        en: `More than ${MAX_LANDSCAPE_PATENTS.toLocaleString('en')} patents match: narrow the IPC areas, add words or shorten the years`,
      });
    }
    await progress(1, 2, 'landscape.save');
    const previous = await sql.previousRun(ctx.db, run.landscape_id, runId);
    const change = previous ? { previousRunId: previous, ...(await sql.change(ctx.db, runId, previous)) } : null;
    const result = toResult(analysis, asOf, change);
    await sql.finishRun(ctx.db, runId, 'done', result, ctx.clock.now());
    await progress(2, 2, 'landscape.done');
    return result;
  } catch (err) {
    await sql.finishRun(ctx.db, runId, 'failed', null, ctx.clock.now());
    throw err;
  }
}

export const landscapeJobHandler: JobHandler = {
  kind: LANDSCAPE_JOB,
  permission: 'insight.read',
  async run(ctx, jc) {
    const runId = Number((jc.job.params as { runId?: number }).runId);
    const result = await executeRun(ctx, runId, (done, total, phase) => jc.progress(done, total, phase));
    return { runId, patents: result.total };
  },
};
