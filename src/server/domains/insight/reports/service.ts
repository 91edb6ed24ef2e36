import { todayInChina, yearInChina } from '../../../../shared/registry/normalise';
import { areaByCode, CITY_CODE } from '../../../../shared/validators';
import { systemActor, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { readDemoState } from '../../../demo/seed';
import { forbidden, notFound, ruleViolated } from '../../../errors';
import { enqueueJob, type JobHandler } from '../../../jobs/runner';
import { renderBoth } from '../../../reports/render';
import { appendAudit } from '../../identity/audit/service';
import { dashboard } from '../dashboard/service';
import { dashboardQuery } from '../dashboard/schema';
import { indicatorTable } from '../indicators/service';
import * as landscapes from '../landscape/service';
import { dashboardDocument, landscapeDocument, yearlyDocument, type Heading } from './documents';
import * as sql from './queries';
import type { ReportBody, ReportView } from './schema';

export const REPORT_JOB = 'report';

const areaNameOf = (code: string) => areaByCode(code)?.name ?? code;
const docNumber = (r: Pick<sql.ReportRow, 'doc_year' | 'doc_seq'>) => `信知析〔${r.doc_year}〕${r.doc_seq}号`;

/** A county desk reads the reports of its own area; the city office all of them. */
const seesArea = (actor: Actor, area: string) => actor.scope === CITY_CODE || actor.scope === area;

function reportView(r: sql.ReportRow): ReportView {
  const files: ReportView['files'] = [];
  if (r.status === 'done' && r.docx_key) files.push({ format: 'docx', bytes: r.docx_bytes ?? 0, sha256: r.docx_sha256 ?? '', url: `/api/insight/reports/${r.id}/docx` });
  if (r.status === 'done' && r.pdf_key) files.push({ format: 'pdf', bytes: r.pdf_bytes ?? 0, sha256: r.pdf_sha256 ?? '', url: `/api/insight/reports/${r.id}/pdf` });
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    docNumber: docNumber(r),
    areaCode: r.area_code,
    areaName: areaNameOf(r.area_code),
    status: r.status,
    jobId: r.job_id,
    synthetic: r.synthetic,
    files,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** What a request reports on, its title and area, checked against the caller's scope. */
async function subjectOf(ctx: AppContext, actor: Actor, body: ReportBody, year: number): Promise<{ title: string; area: string; params: Record<string, unknown> }> {
  switch (body.kind) {
    case 'dashboard': {
      // A county desk's view is always its own area, as on the page.
      const area = actor.scope === CITY_CODE ? (body.query.area ?? CITY_CODE) : actor.scope;
      if (!areaByCode(area)) throw notFound({ zh: `没有这个地区：${area}`, en: `No such area: ${area}` });
      const to = body.query.to ?? year;
      return { title: `${to}年${areaNameOf(area)}知识产权统计分析报告`, area, params: { query: { ...body.query, area } } };
    }
    case 'landscape': {
      const run = await landscapes.getRun(ctx, body.runId);
      if (run.status !== 'done') throw ruleViolated({ zh: '这次运行还没有完成，完成后才能生成报告', en: 'The run has not finished yet' });
      return { title: `${run.landscapeName}分析报告`, area: CITY_CODE, params: { runId: body.runId } };
    }
    case 'yearly': {
      if (actor.scope !== CITY_CODE) throw forbidden();
      return { title: `${body.year}年信阳市知识产权发展状况报告`, area: CITY_CODE, params: { year: body.year } };
    }
  }
}

/** Queues a report; the job writes it as .docx and .pdf. */
export async function requestReport(ctx: AppContext, actor: Actor, body: ReportBody) {
  const now = ctx.clock.now();
  const year = yearInChina(now.getTime());
  const subject = await subjectOf(ctx, actor, body, year);
  const synthetic = (await readDemoState(ctx.db))?.enabled ?? false;
  const id = await ctx.db.tx((tx) =>
    sql.insertReport(tx, { kind: body.kind, params: subject.params, title: subject.title, year, areaCode: subject.area, synthetic, by: actor.kind === 'user' ? actor.id : null, at: now }),
  );
  const job = await enqueueJob(ctx, actor, REPORT_JOB, { reportId: id, title: subject.title });
  await ctx.db.tx(async (tx) => {
    await sql.setJob(tx, id, job.id);
    await appendAudit(tx, ctx.clock, { actor, action: 'report.request', targetType: 'report', targetId: String(id), after: { kind: body.kind, title: subject.title, ...subject.params } });
  });
  return { report: reportView((await sql.reportById(ctx.db, id)) as sql.ReportRow), job };
}

export async function listReports(ctx: AppContext, actor: Actor): Promise<ReportView[]> {
  return (await sql.listReports(ctx.db, actor.scope === CITY_CODE ? null : actor.scope, 200)).map(reportView);
}

async function visibleReport(ctx: AppContext, actor: Actor, id: number): Promise<sql.ReportRow> {
  const r = await sql.reportById(ctx.db, id);
  if (!r || !seesArea(actor, r.area_code)) throw notFound({ zh: '没有这份报告', en: 'No such report' });
  return r;
}

export async function getReport(ctx: AppContext, actor: Actor, id: number): Promise<ReportView> {
  return reportView(await visibleReport(ctx, actor, id));
}

export async function reportFile(ctx: AppContext, actor: Actor, id: number, format: 'docx' | 'pdf'): Promise<{ bytes: Buffer; fileName: string }> {
  const r = await visibleReport(ctx, actor, id);
  const key = format === 'docx' ? r.docx_key : r.pdf_key;
  if (r.status !== 'done' || !key) throw notFound({ zh: '报告还没有生成', en: 'The report is not ready' });
  return { bytes: await ctx.files.get(key), fileName: `${docNumber(r)}${r.title}.${format}` };
}

/** The actor a report's figures are read as: the city office, or the desk of its area. */
const readerOf = (area: string): Actor => ({ ...systemActor, scope: area, roles: area === CITY_CODE ? ['city_officer'] : ['area_officer'] });

/** The document of a report, from the same services the pages use. */
async function documentOf(ctx: AppContext, r: sql.ReportRow) {
  const h: Heading = { title: r.title, docNumber: docNumber(r), date: todayInChina(ctx.clock.now().getTime()), synthetic: r.synthetic };
  const reader = readerOf(r.area_code);
  switch (r.kind) {
    case 'dashboard': {
      const query = dashboardQuery.parse((r.params as { query: unknown }).query);
      return dashboardDocument(h, await dashboard(ctx, reader, query), query.indicator);
    }
    case 'landscape': {
      const run = await landscapes.getRun(ctx, Number(r.params.runId));
      const project = await landscapes.getLandscape(ctx, reader, run.landscapeId);
      if (!run.result) throw ruleViolated({ zh: '这次运行没有结果', en: 'The run has no result' });
      return landscapeDocument(h, { name: run.landscapeName, kind: project.kind, description: project.description, runNumber: run.runNumber, definition: run.definition, result: run.result });
    }
    case 'yearly': {
      const year = Number(r.params.year);
      const [city, table] = await Promise.all([dashboard(ctx, reader, dashboardQuery.parse({ from: year - 9, to: year })), indicatorTable(ctx, reader, { year })]);
      return yearlyDocument(h, city, table);
    }
  }
}

export async function buildReport(ctx: AppContext, id: number, progress: (done: number, total: number, phase: string) => Promise<void>) {
  const r = await sql.reportById(ctx.db, id);
  if (!r) throw notFound({ zh: '没有这份报告', en: 'No such report' });
  try {
    await progress(0, 1, 'report.collect');
    const doc = await documentOf(ctx, r);
    let last = Promise.resolve();
    const out = await renderBoth(doc, (done, total, phase) => {
      last = progress(done, total, `report.${phase}`);
    });
    await last;
    const [docx, pdf] = [await ctx.files.put(out.docx.bytes), await ctx.files.put(out.pdf.bytes)];
    await sql.finishReport(ctx.db, id, { docx, pdf }, ctx.clock.now());
    return { reportId: id, docxBytes: docx.size, pdfBytes: pdf.size };
  } catch (err) {
    await sql.finishReport(ctx.db, id, null, ctx.clock.now());
    throw err;
  }
}

export const reportJobHandler: JobHandler = {
  kind: REPORT_JOB,
  permission: 'insight.read',
  run: (ctx, jc) => buildReport(ctx, Number((jc.job.params as { reportId?: number }).reportId), (done, total, phase) => jc.progress(done, total, phase)),
};
