import { queryTokens } from '../../../../shared/search/tokenize';
import { normaliseIpcArea } from '../../../../shared/registry/ipc';
import { parseApplicationNumber } from '../../../../shared/validators';
import { todayInChina } from '../../../../shared/registry/normalise';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { conflict, invalid, notFound } from '../../../errors';
import { enqueueJob, type JobHandler } from '../../../jobs/runner';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import * as sql from './queries';
import { markSimilarity } from './similar-marks';
import type { AlertView, WatchBody } from './schema';

export const ALERT_SCAN_JOB = 'alert-scan';

const KIND_ZH: Record<string, string> = {
  fee_due: '年费即将到期',
  fee_grace: '年费滞纳期',
  expiry: '专利即将届满',
  status_change: '法律状态变化',
  new_filing: '新申请',
  tm_renewal: '商标续展期',
  tm_grace: '商标续展宽展期',
  similar_mark: '近似商标申请',
};

const LOOK_BACK_MS = 10 * 60_000;

/**
 * One scan: every rule for everyone, then one digest mail per person with an address. Status
 * changes and new filings count from the previous scan's start; the first scan sets that baseline.
 */
export async function scanAlerts(ctx: AppContext, jobId: string | null, onRule?: (rule: sql.Rule, i: number) => Promise<void>) {
  const scanDate = todayInChina(ctx.clock.now().getTime());
  const previous = await sql.scanStarts(ctx.db);
  const scan = await sql.startScan(ctx.db, jobId, scanDate);
  // Records stamped just before the last scan may have committed after it read them: look back a
  // little (alerts are de-duplicated), but never before the first scan, which took the register as
  // it stood as the baseline.
  const since = previous ? new Date(Math.max(previous.last.getTime() - LOOK_BACK_MS, previous.first.getTime())) : scan.started_at;
  const scanId = scan.id;
  const added: Record<string, number> = {};
  for (const [i, rule] of sql.RULES.entries()) {
    await onRule?.(rule, i);
    // The first scan only sets the baseline for events: what a fresh register holds is not news.
    added[rule] = !previous && sql.isEventRule(rule) ? 0 : rule === 'similarMarks' ? await similarMarkAlerts(ctx.db, since) : await sql.runRule(ctx.db, rule, scanDate, since);
  }
  const mailed = await mailDigests(ctx);
  const total = Object.values(added).reduce((a, b) => a + b, 0);
  await sql.finishScan(ctx.db, scanId, total, ctx.clock.now());
  return { scanDate, since: since.toISOString(), added, total, mailed };
}

/**
 * New trademarks, filed by others, close to a watched holder's marks in the same Nice class (see
 * similar-marks.ts for what "close" means); one alert per new mark and watch.
 */
async function similarMarkAlerts(q: Queryable, since: Date): Promise<number> {
  const watched = await sql.marksWatchedForSimilar(q);
  if (watched.length === 0) return 0;
  const fresh = await sql.freshMarks(q, since, [...new Set(watched.map((w) => w.nice_class))]);
  const byClass = new Map<number, typeof fresh>();
  for (const f of fresh) byClass.set(f.nice_class, [...(byClass.get(f.nice_class) ?? []), f]);
  const alerts = new Map<string, sql.NewAlert>();
  for (const w of watched) {
    for (const f of byClass.get(w.nice_class) ?? []) {
      if (f.holder_ids.includes(w.holder_id) || (w.uscc !== null && f.usccs.includes(w.uscc))) continue;
      const reason = markSimilarity(f.name, w.name);
      const key = `${w.user_id}:similar:${f.id}:${w.watch_id}`;
      if (!reason || alerts.has(key)) continue;
      alerts.set(key, {
        userId: w.user_id,
        kind: 'similar_mark',
        rightType: 'trademark',
        rightId: f.id,
        watchId: w.watch_id,
        dedupKey: `similar:${f.id}:${w.watch_id}`,
        dueDate: null,
        detail: { regNo: f.reg_no, class: f.nice_class, name: f.name, similarTo: { regNo: w.reg_no, name: w.name }, reason },
      });
    }
  }
  return sql.insertAlerts(q, [...alerts.values()]);
}

function alertLine(a: sql.AlertRow): string {
  const d = a.detail as Record<string, string | number | null>;
  const like = a.kind === 'similar_mark' ? `（近似于 ${String((d.similarTo as unknown as { name?: string } | null)?.name ?? '')}）` : '';
  const what = a.right_type === 'patent' ? `${d.appNo ?? ''} ${d.title ?? ''}` : `${d.regNo ?? ''} 第${d.class ?? ''}类 ${d.name ?? ''}${like}`;
  const when = a.due_date ? `（${a.due_date}）` : '';
  return `· ${KIND_ZH[a.kind] ?? a.kind}${when}：${what}`;
}

/** One mail per person listing the alerts not yet mailed (the outbox when no SMTP is set). */
async function mailDigests(ctx: AppContext): Promise<number> {
  let mailed = 0;
  for (const person of await sql.unmailedRecipients(ctx.db)) {
    await ctx.db.tx(async (tx) => {
      const list = await sql.claimUnmailed(tx, person.user_id, ctx.clock.now());
      if (list.length === 0) return;
      const shown = list.slice(0, 30);
      await ctx.mailer.enqueue(tx, {
        to: person.email,
        subject: `信知预警：${list.length} 条新提醒 / Xinzhi: ${list.length} new alert(s)`,
        body: [
          `${person.display_name}，您好：`,
          '',
          '您关注的知识产权有以下新的预警提醒：',
          ...shown.map(alertLine),
          ...(list.length > shown.length ? [`……另有 ${list.length - shown.length} 条，请登录平台查看。`] : []),
          '',
          '请登录信知平台「预警提醒」查看详情和原始记录。',
          'Sign in to Xinzhi (Alerts) for the details and the records.',
        ].join('\n'),
      });
      mailed++;
    });
  }
  return mailed;
}

export const alertScanJobHandler: JobHandler = {
  kind: ALERT_SCAN_JOB,
  permission: 'alerts.scan',
  daily: true,
  async run(ctx, jc) {
    const result = await scanAlerts(ctx, jc.job.id, (rule, i) => jc.progress(i, sql.RULES.length, `alerts.${rule}`));
    await jc.progress(sql.RULES.length, sql.RULES.length, 'alerts.done');
    return result;
  },
};

function alertView(a: sql.AlertRow): AlertView {
  const d = a.detail as Record<string, unknown>;
  const link = a.right_type === 'patent' ? `/registry/patents/${encodeURIComponent(String(d.appNo ?? ''))}` : `/registry/trademarks/${encodeURIComponent(String(d.regNo ?? ''))}/${String(d.class ?? '')}`;
  return {
    id: a.id,
    kind: a.kind as AlertView['kind'],
    rightType: a.right_type,
    rightId: a.right_id,
    watch: a.watch_id ? { id: a.watch_id, label: a.watch_label ?? '' } : null,
    dueDate: a.due_date,
    detail: d,
    link,
    createdAt: a.created_at.toISOString(),
    readAt: a.read_at?.toISOString() ?? null,
  };
}

const ownerOf = (actor: Actor): string => {
  if (actor.kind !== 'user' || !actor.id) throw invalid({ zh: '预警提醒只属于登录的个人账号', en: 'Alerts belong to signed-in people' });
  return actor.id;
};

export async function listAlerts(ctx: AppContext, actor: Actor, q: { unread?: boolean | undefined; kind?: string | undefined; page: number; pageSize: number }) {
  const user = ownerOf(actor);
  const [rows, counts] = await Promise.all([
    sql.alertsOf(ctx.db, user, { unread: q.unread ?? false, kind: q.kind ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    sql.alertCounts(ctx.db, user),
  ]);
  const total = counts.filter((c) => !q.kind || c.kind === q.kind).reduce((n, c) => n + (q.unread ? c.unread : c.total), 0);
  return {
    items: rows.map(alertView),
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: counts.map((c) => ({ kind: c.kind as AlertView['kind'], total: c.total, unread: c.unread })),
    unread: counts.reduce((n, c) => n + c.unread, 0),
  };
}

export async function markAlertsRead(ctx: AppContext, actor: Actor, ids: number[] | null): Promise<{ marked: number }> {
  return ctx.db.tx(async (tx) => {
    const marked = await sql.markRead(tx, ownerOf(actor), ids, ctx.clock.now());
    if (marked > 0) await appendAudit(tx, ctx.clock, { actor, action: 'alerts.read', targetType: 'alert', details: { marked, ids: ids ?? 'all' } });
    return { marked };
  });
}

/** Queues a scan now (the city office); audited. */
export async function requestScan(ctx: AppContext, actor: Actor) {
  const job = await enqueueJob(ctx, actor, ALERT_SCAN_JOB, {});
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'alerts.scan', targetType: 'job', targetId: job.id });
  return job;
}

const watchView = (w: sql.WatchRow) => ({ id: w.id, kind: w.kind as WatchBody['kind'], value: w.value, label: w.label, createdAt: w.created_at.toISOString() });

export async function listWatches(ctx: AppContext, actor: Actor) {
  return (await sql.watchesOf(ctx.db, ownerOf(actor))).map(watchView);
}

/** Checks and normalises what is watched, and names it for lists and mails. */
async function resolveWatch(ctx: AppContext, body: WatchBody): Promise<{ value: string; label: string; query: string | null }> {
  const text = body.value.trim();
  switch (body.kind) {
    case 'holder': {
      const [h] = await ctx.db.query<{ id: number; name: string }>('SELECT id::int AS id, name FROM holders WHERE id = $1', [Number(text) || 0]);
      if (!h) throw notFound({ zh: `没有这个权利人：${text}`, en: `No such holder: ${text}` });
      return { value: String(h.id), label: h.name, query: null };
    }
    case 'patent': {
      const n = parseApplicationNumber(text);
      if (!n.ok) throw invalid({ zh: `申请号格式不对：${text}`, en: `Not an application number: ${text}` });
      const [p] = await ctx.db.query<{ title: string }>("SELECT title FROM patents WHERE app_no = $1 AND visibility = 'public'", [n.canonical]);
      if (!p) throw notFound({ zh: `没有找到专利 ${text}`, en: `Patent ${text} not found` });
      return { value: n.canonical, label: `${n.canonical} ${p.title}`, query: null };
    }
    case 'trademark': {
      const [t] = await ctx.db.query<{ id: number; reg_no: string; nice_class: number; name: string }>(
        "SELECT id::int AS id, reg_no, nice_class, name FROM trademarks WHERE id = $1 AND visibility = 'public'",
        [Number(text) || 0],
      );
      if (!t) throw notFound({ zh: `没有这个商标：${text}`, en: `No such trademark: ${text}` });
      return { value: String(t.id), label: `${t.reg_no} 第${t.nice_class}类 ${t.name}`, query: null };
    }
    case 'ipc': {
      const r = normaliseIpcArea(text);
      if (!r.ok) throw invalid(r.reason);
      return { value: r.code, label: `IPC ${r.code}`, query: null };
    }
    case 'similar_marks': {
      const [h] = await ctx.db.query<{ id: number; name: string; uscc: string | null }>('SELECT id::int AS id, name, uscc FROM holders WHERE id = $1', [Number(text) || 0]);
      if (!h) throw notFound({ zh: `没有这个权利人：${text}`, en: `No such holder: ${text}` });
      return { value: String(h.id), label: `近似商标：${h.name}`, query: null };
    }
    case 'keyword': {
      const q = queryTokens(text).tsquery;
      if (!q) throw invalid({ zh: '关键词至少要有两个汉字或一个英文词', en: 'Give at least two Chinese characters or one word' });
      return { value: text, label: `关键词：${text}`, query: q };
    }
  }
}

export async function addWatch(ctx: AppContext, actor: Actor, body: WatchBody) {
  const user = ownerOf(actor);
  const w = await resolveWatch(ctx, body);
  return ctx.db.tx(async (tx) => {
    const row = await sql.insertWatch(tx, { userId: user, kind: body.kind, ...w });
    if (!row) throw conflict({ zh: `已经在关注：${w.label}`, en: `Already watched: ${w.label}` });
    await appendAudit(tx, ctx.clock, { actor, action: 'watch.add', targetType: 'watch', targetId: String(row.id), after: watchView(row) });
    return watchView(row);
  });
}

export async function removeWatch(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const user = ownerOf(actor);
  await ctx.db.tx(async (tx) => {
    const row = await sql.deleteWatch(tx, user, id);
    if (!row) throw notFound({ zh: '没有这条关注', en: 'No such watch' });
    await appendAudit(tx, ctx.clock, { actor, action: 'watch.remove', targetType: 'watch', targetId: String(id), before: watchView(row) });
  });
}

/**
 * Makes people follow rights on another domain's behalf (a firm listed for key protection: its
 * holders and IPC areas, for the firm and its desk), in the caller's transaction. Existing watches
 * stay as they are; returns how many were added.
 */
export async function followOnBehalf(
  tx: Queryable,
  userIds: readonly string[],
  watches: ReadonlyArray<{ kind: 'holder' | 'ipc' | 'similar_marks'; value: string; label: string; excludeUscc?: string | null }>,
): Promise<number> {
  let added = 0;
  for (const userId of new Set(userIds)) {
    for (const w of watches) if (await sql.insertWatch(tx, { userId, kind: w.kind, value: w.value, label: w.label, query: null, excludeUscc: w.excludeUscc ?? null })) added++;
  }
  return added;
}
