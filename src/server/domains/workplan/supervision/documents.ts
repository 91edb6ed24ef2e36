import type { z } from 'zod';
import { SUPERVISION_ISSUER } from '../../../../shared/workplan/supervision';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { recordAudit } from '../../identity/audit/service';
import type { ReportDocument, ReportSection } from '../../../reports/document';
import { formatDate } from '../../../reports/document';
import { renderReport } from '../../../reports/render';
import type * as schema from './schema';
import * as service from './service';

const DEMO_NOTICE = '演示数据：本文件由系统根据合成的演示数据生成，不是真实公文。';
const paragraphs = (text: string) => text.split(/\n+/).map((t) => t.trim()).filter(Boolean).map((t) => ({ kind: 'paragraph' as const, text: t }));

/** 督办通知书: red header, number, addressed to the unit, the matters, the requirement, the reply asked for and its deadline. */
export function noticeDocument(n: z.infer<typeof schema.noticeDetail>): ReportDocument {
  const sections: ReportSection[] = [{ heading: '督办事项', blocks: paragraphs(n.issues) }];
  const first = sections[0] as ReportSection;
  if (n.assignments.length) {
    first.blocks.push({
      kind: 'table',
      caption: '逾期未完成的工作任务',
      columns: ['序号', '工作方案', '重点任务', '承担事项', '完成期限'],
      rows: n.assignments.map((a, i) => [String(i + 1), `${a.planYear}年 ${a.planTitle}`, a.taskTitle, a.title, formatDate(a.dueDate)]),
    });
  }
  sections.push({ heading: '督办要求', blocks: paragraphs(n.requirement) });
  sections.push({ heading: '回复要求', blocks: [...paragraphs(n.replyContent), { kind: 'paragraph', text: `请于${formatDate(n.replyDue)}前通过信知平台回复办理情况，并上传相关佐证材料。逾期未回复的，将予以通报。` }] });
  return {
    issuer: SUPERVISION_ISSUER,
    docNumber: n.ref,
    title: '督办通知书',
    date: n.issueDate,
    addressee: n.unit.name,
    notice: n.isDemo ? DEMO_NOTICE : undefined,
    sections,
    source: '',
  };
}

/** 通报: the circular's body, then the units named with the reasons. */
export function circularDocument(c: z.infer<typeof schema.circularDetail>): ReportDocument {
  const praise = c.kind === 'praise';
  return {
    issuer: SUPERVISION_ISSUER,
    docNumber: c.ref,
    title: c.title,
    date: c.circularDate,
    addressee: c.circulateTo === 'all' ? '各县（区）、管理区知识产权工作部门，市知识产权联席会议各成员单位' : c.recipients.map((r) => r.name).join('、'),
    notice: c.isDemo ? DEMO_NOTICE : undefined,
    sections: [
      { heading: '基本情况', blocks: paragraphs(c.body) },
      {
        heading: praise ? '予以表扬的单位' : '予以通报批评的单位',
        blocks: [{ kind: 'table', caption: praise ? '受表扬单位' : '被通报批评单位', columns: ['序号', '单位', '所在地区', praise ? '主要成绩' : '存在问题'], rows: c.units.map((u, i) => [String(i + 1), u.name, u.areaName, u.reason ?? '—']) }],
      },
      {
        heading: praise ? '有关要求' : '整改要求',
        blocks: [{ kind: 'paragraph', text: praise ? '希望受表扬的单位再接再厉，其他单位以先进为榜样，确保全年目标任务按期完成。' : '被通报批评的单位要认真查找原因，明确整改措施和时限，整改情况通过信知平台报送，市联席会议办公室将跟踪督办。' }],
      },
    ],
    source: '',
  };
}

/** 约谈记录: who, when, where, the issues raised and the commitments made. */
export function interviewDocument(i: z.infer<typeof schema.interviewDetail>): ReportDocument {
  const held = i.heldAt;
  const day = service.dayOf(held);
  return {
    issuer: SUPERVISION_ISSUER,
    docNumber: i.ref,
    title: '约谈记录',
    date: day,
    notice: i.isDemo ? DEMO_NOTICE : undefined,
    sections: [
      {
        heading: '约谈基本情况',
        blocks: [{ kind: 'table', caption: '约谈信息', columns: ['项目', '内容'], rows: [['被约谈单位', i.unit.name], ['被约谈人', i.interviewees], ['约谈人', i.interviewers], ['约谈时间', `${formatDate(day)} ${service.timeOf(held)}`], ['约谈地点', i.place], ['跟踪期限', formatDate(i.followUpDue)]] }],
      },
      { heading: '指出的问题', blocks: paragraphs(i.issues) },
      { heading: '作出的承诺', blocks: i.commitments ? paragraphs(i.commitments) : [{ kind: 'paragraph', text: '（未记录）' }] },
      ...(i.followUps.length ? [{ heading: '跟踪情况', blocks: i.followUps.map((f) => ({ kind: 'paragraph' as const, text: `${formatDate(service.dayOf(f.at))}（${f.by}）：${f.body}` })) }] : []),
    ],
    source: '',
  };
}

export type DocKind = 'notice' | 'circular' | 'interview';

/** Renders one document as .docx for a caller who may see the record; the download is audited. */
export async function documentOf(ctx: AppContext, actor: Actor, kind: DocKind, id: number): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
  let doc: ReportDocument;
  let name: string;
  if (kind === 'notice') {
    const n = await service.getNotice(ctx, actor, id);
    doc = noticeDocument(n);
    name = `督办通知书_${n.ref}_${n.unit.name}`;
  } else if (kind === 'circular') {
    const c = await service.getCircular(ctx, actor, id);
    doc = circularDocument(c);
    name = `通报_${c.ref}`;
  } else {
    const i = await service.getInterview(ctx, actor, id);
    doc = interviewDocument(i);
    name = `约谈记录_${i.ref}_${i.unit.name}`;
  }
  const out = await renderReport(doc, 'docx');
  await recordAudit(ctx.db, ctx.clock, { actor, action: `workplan.${kind}.document`, targetType: `workplan_${kind}`, targetId: String(id) });
  return { bytes: out.bytes, fileName: `${name}.docx`, contentType: out.contentType };
}
