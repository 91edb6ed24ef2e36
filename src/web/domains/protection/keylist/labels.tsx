import { Flex, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { areaByCode } from '../../../../shared/validators/region';
import { useT, type Lang, type Translate } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';
import { legalStatusName, tmStatusName } from '../../registry/common/labels';
import type { KeyListStatus, RightView } from './api';
import { DueText } from '../labels';

export const KEY_LIST_STATUSES: readonly KeyListStatus[] = ['submitted', 'county_passed', 'returned', 'listed', 'exited', 'withdrawn'];

export const keyListStatusName = (t: Translate, s: string) => codeLabel(t, 'kl.status', s);

const STATUS_COLOR: Record<KeyListStatus, string> = {
  submitted: 'blue',
  county_passed: 'cyan',
  returned: 'orange',
  listed: 'green',
  exited: 'default',
  withdrawn: 'default',
};

export function KeyListStatusTag({ status }: { status: KeyListStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{keyListStatusName(t, status)}</Tag>;
}

/** 专利 / 商标. */
export const rightTypeName = (t: Translate, type: string) => codeLabel(t, 'pr.right', type);

/** A right's legal status in the register's own words (patents and trademarks have their own codes). */
export function rightStatusName(t: Translate, r: Pick<RightView, 'type' | 'status'>): string {
  return r.type === 'patent' ? legalStatusName(t, r.status) : tmStatusName(t, r.status);
}

/** In force (or still under examination): the rights worth watching. */
const LIVE = new Set(['valid', 'registered', 'pending']);

export function RightStatusTag({ right }: { right: Pick<RightView, 'type' | 'status'> }) {
  const t = useT();
  const color = right.status === 'valid' || right.status === 'registered' ? 'green' : right.status === 'pending' ? 'blue' : 'default';
  return <Tag color={color}>{rightStatusName(t, right)}</Tag>;
}

export const rightIsLive = (r: Pick<RightView, 'status'>) => LIVE.has(r.status);

/** The register's page of a right (trademark numbers read "第12345678号（第5类）"). */
export function rightPath(r: Pick<RightView, 'type' | 'number'>): string {
  if (r.type === 'patent') return `/registry/patents/${encodeURIComponent(r.number)}`;
  const m = /^\D*(\w+?)号?(?:（第(\d+)类）)?$/.exec(r.number.trim());
  if (!m) return `/registry/trademarks?q=${encodeURIComponent(r.number)}`;
  return `/registry/trademarks/${encodeURIComponent(m[1] ?? '')}${m[2] ? `/${m[2]}` : ''}`;
}

/** A right as one line: its kind, number and title; linked to the register when `linked`. */
export function RightLine({ right, linked }: { right: Pick<RightView, 'type' | 'number' | 'title'>; linked?: boolean }) {
  const t = useT();
  return (
    <Flex gap={6} align="baseline" wrap="wrap">
      <Tag className="xz-tag-inline">{rightTypeName(t, right.type)}</Tag>
      {linked ? (
        <Link to={rightPath(right)} className="xz-mono">
          {right.number}
        </Link>
      ) : (
        <span className="xz-mono">{right.number}</span>
      )}
      <span>{right.title}</span>
    </Flex>
  );
}

/** The yearly review date, with a red mark once it has passed. */
export function ReviewDue({ date, overdue }: { date: string | null; overdue: boolean }) {
  return <DueText date={date} overdue={overdue} label="kl.reviewOverdue" hint="kl.reviewOverdueHint" />;
}

/** The rights of an application as a compact count with the numbers on hover. */
export function RightsCount({ rights }: { rights: readonly Pick<RightView, 'type' | 'number' | 'title'>[] }) {
  const t = useT();
  const patents = rights.filter((r) => r.type === 'patent').length;
  const marks = rights.length - patents;
  const parts = [patents > 0 ? t('kl.nPatents', { n: patents }) : null, marks > 0 ? t('kl.nMarks', { n: marks }) : null].filter(Boolean).join('，');
  return (
    <Tooltip
      title={
        <Flex vertical gap={2}>
          {rights.map((r) => (
            <span key={`${r.type}:${r.number}`}>
              {rightTypeName(t, r.type)} {r.number} {r.title}
            </span>
          ))}
        </Flex>
      }
    >
      <Typography.Text tabIndex={0} className="xz-nowrap">
        {parts || '—'}
      </Typography.Text>
    </Tooltip>
  );
}

/** The record's own words for each step of an application (in place of "from → to"). */
export function keyListStepName(t: Translate, from: string, to: string): string | undefined {
  if (to === 'submitted' && from === 'returned') return t('kl.hist.resubmitted');
  if (to === 'county_passed') return t('kl.hist.countyPassed');
  if (to === 'returned') return t('kl.hist.returned');
  if (to === 'listed' && from === 'listed') return t('kl.hist.renewed');
  if (to === 'listed') return t('kl.hist.listed');
  if (to === 'exited') return t('kl.hist.exited');
  if (to === 'withdrawn') return t('kl.hist.withdrawn');
  return undefined;
}

/** An area's name in the UI language (the server sends the Chinese name). */
export function areaText(lang: Lang, code: string, name: string): string {
  if (lang === 'zh') return name;
  return areaByCode(code)?.nameEn ?? name;
}

/** The yearly review is worth flagging from a month before it falls due. */
export function reviewSoon(r: { reviewDue: string | null; reviewOverdue: boolean }): boolean {
  if (r.reviewOverdue) return true;
  if (!r.reviewDue) return false;
  return dayjs(r.reviewDue).diff(dayjs().startOf('day'), 'day') <= 30;
}
