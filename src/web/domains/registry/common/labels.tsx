import { ExperimentOutlined, TrophyOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { AreaSource, GiKind, LegalStatus, MarkType, PatentType, TrademarkStatus } from '../../../app/api-types';
import { useI18n, useT, type Lang, type Translate } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';
import { useSession } from '../../../app/session';
import { ipcTitle } from '../../../../shared/reference/ipc';
import { niceClass } from '../../../../shared/reference/nice';
import { VALUE_CRITERION_LABELS, type ValueCriterion } from '../../../../shared/registry/types';

/** Names of the register's codes in the UI language (unknown codes as sent). */
export const patentTypeName = (t: Translate, v: string) => codeLabel(t, 'patentType', v);
export const legalStatusName = (t: Translate, v: string) => codeLabel(t, 'legalStatus', v);
export const tmStatusName = (t: Translate, v: string) => codeLabel(t, 'tmStatus', v);
export const markTypeName = (t: Translate, v: string) => codeLabel(t, 'markType', v);
export const giKindName = (t: Translate, v: string) => codeLabel(t, 'giKind', v);
export const areaSourceName = (t: Translate, v: string) => codeLabel(t, 'areaSource', v);
/** IPC titles from the shared reference data (the server sends Chinese titles only). */
export const ipcName = (lang: Lang, code: string) => ipcTitle(code, lang);
export const holderKindName = (t: Translate, v: string) => codeLabel(t, 'holderKind', v);

/** 质押融资1000万元以上 / Pledged for ≥ 10 million yuan: a high-value criterion; an unknown code as sent. */
export const valueCriterionName = (lang: Lang, c: string): string => VALUE_CRITERION_LABELS[c as ValueCriterion]?.[lang] ?? c;

/** 第30类 / Class 30. */
export const niceClassName = (t: Translate, cls: number | string) => t('tm.classN', { n: cls });

/** A class's name for lists: its common trade name in Chinese (30 → 方便食品), the heading's first phrase in English. */
export function niceShort(lang: Lang, cls: number | string): string | null {
  const c = niceClass(Number(cls));
  if (!c) return null;
  if (lang === 'zh') return c.short;
  // The English headings are long: keep the first phrase, and at most some 32 characters of it.
  const first = (c.en.split(/[;,]/)[0] ?? c.en).trim();
  return first.length > 32 ? `${first.slice(0, 30).replace(/\s+\S*$/, '')}…` : first;
}

/** The full class heading (类似商品和服务区分表). */
export function niceHeading(lang: Lang, cls: number | string): string | null {
  const c = niceClass(Number(cls));
  return c ? c[lang] : null;
}

/** 第30类 方便食品 / Class 30 Coffee, tea, cocoa and substitutes. */
export function niceLabel(t: Translate, lang: Lang, cls: number | string): string {
  const s = niceShort(lang, cls);
  return s ? `${niceClassName(t, cls)} ${s}` : niceClassName(t, cls);
}

const LEGAL_COLOR: Record<LegalStatus, string> = {
  pending: 'blue',
  valid: 'green',
  lapsed: 'orange',
  expired: 'default',
  withdrawn: 'default',
  rejected: 'red',
  invalidated: 'red',
  abandoned: 'default',
  unknown: 'default',
};

const TM_COLOR: Record<TrademarkStatus, string> = {
  pending: 'blue',
  registered: 'green',
  expired: 'default',
  cancelled: 'default',
  invalidated: 'red',
  rejected: 'red',
  unknown: 'default',
};

const TYPE_COLOR: Record<PatentType, string> = { invention: 'geekblue', utility: 'cyan', design: 'purple' };

/** Legal status, with the source's own wording on hover when it differs. */
export function LegalStatusTag({ status, raw }: { status: LegalStatus; raw?: string | null }) {
  const t = useT();
  const tag = <Tag color={LEGAL_COLOR[status] ?? 'default'}>{legalStatusName(t, status)}</Tag>;
  if (!raw || raw === legalStatusName(t, status)) return tag;
  return (
    <Tooltip title={t('reg.statusRaw', { raw })}>
      <span tabIndex={0} className="xz-tag-wrap">
        {tag}
      </span>
    </Tooltip>
  );
}

export function TrademarkStatusTag({ status }: { status: TrademarkStatus }) {
  const t = useT();
  return <Tag color={TM_COLOR[status] ?? 'default'}>{tmStatusName(t, status)}</Tag>;
}

export function PatentTypeTag({ type, pct }: { type: PatentType; pct?: boolean }) {
  const t = useT();
  return (
    <>
      <Tag color={TYPE_COLOR[type] ?? 'default'}>{patentTypeName(t, type)}</Tag>
      {pct && <Tag>PCT</Tag>}
    </>
  );
}

export function MarkTypeTag({ type }: { type: MarkType }) {
  const t = useT();
  if (type === 'ordinary') return null;
  return <Tag color="gold">{markTypeName(t, type)}</Tag>;
}

/** A high-value criterion a patent meets. */
export function ValueCriterionTag({ criterion }: { criterion: string }) {
  const { t, lang } = useI18n();
  const name = valueCriterionName(lang, criterion);
  return (
    <Tag color="gold" icon={<TrophyOutlined aria-hidden />} title={t('hv.tagTitle', { name })} className="xz-value-tag">
      {name}
    </Tag>
  );
}

export function GiKindTag({ kind }: { kind: GiKind }) {
  const t = useT();
  return <Tag color={kind === 'product' ? 'green' : 'cyan'}>{giKindName(t, kind)}</Tag>;
}

/**
 * A record generated for the demo: never mistaken for a real right. In lists it shows only on a
 * platform that is not in demo mode (demo rows left among real ones); in demo mode the banner on
 * every page already says so, and a tag on every row would only be noise.
 */
export function DemoTag({ inList }: { inList?: boolean }) {
  const t = useT();
  const { meta } = useSession();
  if (inList && meta.demo) return null;
  return (
    <Tooltip title={t('reg.demoHint')}>
      <Tag color="orange" icon={<ExperimentOutlined aria-hidden />} tabIndex={0}>
        {t('reg.demo')}
      </Tag>
    </Tooltip>
  );
}

/** A record not yet public: county desks see it only in their own area. */
export function InternalTag() {
  const t = useT();
  return (
    <Tooltip title={t('reg.internalHint')}>
      <Tag tabIndex={0}>{t('reg.internal')}</Tag>
    </Tooltip>
  );
}

/** How a holder's county was worked out, as a quiet tag (unresolved stands out). */
export function AreaSourceTag({ source }: { source: AreaSource | string }) {
  const t = useT();
  const color = source === 'unresolved' ? 'red' : source === 'outside' ? 'default' : source === 'manual' ? 'purple' : 'default';
  return (
    <Tooltip title={codeLabel(t, 'areaSourceHint', source)}>
      <Tag color={color} tabIndex={0} variant="filled">
        {areaSourceName(t, source)}
      </Tag>
    </Tooltip>
  );
}
