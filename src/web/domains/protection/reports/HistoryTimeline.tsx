import { FileOutlined, MessageOutlined, SwapRightOutlined } from '@ant-design/icons';
import { Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { areaByCode } from '../../../../shared/validators/region';
import { formatDateTime } from '../../../app/format';
import { useI18n, type Lang, type Translate } from '../../../app/i18n';
import type { ChainEntry } from '../api';
import { shortHash } from '../hash';
import { formatYuan, reportStatusName, rewardStatusName } from '../labels';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const areaText = (code: unknown, lang: Lang) => {
  const a = typeof code === 'string' ? areaByCode(code) : undefined;
  return a ? (lang === 'zh' ? a.name : a.nameEn) : str(code);
};

function sizeText(n: unknown): string {
  if (typeof n !== 'number') return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

interface Naming {
  statusName: (status: string) => string;
  submittedLabel: string;
  /** A record's own words for a step (企业修改后重新提交), in place of "from → to". */
  stepName?: (from: string, to: string, payload: Record<string, unknown>) => string | undefined;
  /** A record's own reading of a state entry whose payload names no from/to (a case's {action: 'transfer'}). */
  describeEntry?: (e: ChainEntry) => { title: ReactNode; lines: string[] } | undefined;
  /** A record's own facts about an entry, shown under the common ones (the kind of file, who reviewed). */
  extraLines?: (e: ChainEntry) => string[];
}

/** What one entry says, in words. */
function describe(e: ChainEntry, t: Translate, lang: Lang, naming: Naming): { title: ReactNode; lines: string[] } {
  const p = e.payload;
  const lines: string[] = [];
  if (e.kind === 'file') {
    lines.push(...(naming.extraLines?.(e) ?? []));
    if (str(p.sha256)) lines.push(`SHA-256 ${p.sha256 as string}`);
    return { title: t('prd.hist.file', { name: str(p.name) ?? `#${e.fileId ?? ''}`, size: sizeText(p.size) }), lines };
  }
  if (e.kind === 'note') {
    return { title: str(p.text) ?? str(p.note) ?? JSON.stringify(p), lines };
  }
  const own = naming.describeEntry?.(e);
  if (own) return own;
  const reward = p.reward && typeof p.reward === 'object' ? (p.reward as Record<string, unknown>) : null;
  if (reward) {
    if (typeof reward.level === 'number') lines.push(t('prd.hist.level', { n: reward.level }));
    if (typeof reward.amount === 'number') lines.push(t('prd.hist.amount', { amount: formatYuan(reward.amount) }));
    if (str(reward.reason)) lines.push(t('prd.hist.reason', { text: reward.reason as string }));
    return {
      title: (
        <>
          {t('prd.hist.reward')}：{str(reward.from) ? rewardStatusName(t, reward.from as string) : '—'} <SwapRightOutlined aria-label="→" /> {rewardStatusName(t, String(reward.to))}
        </>
      ),
      lines,
    };
  }
  const from = str(p.from);
  const to = str(p.to);
  if (str(p.areaFrom) !== null || (from && from === to && p.areaCode)) {
    lines.push(t('prd.hist.assigned', { from: areaText(p.areaFrom, lang) ?? t('prl.areaNone'), to: areaText(p.areaCode, lang) ?? '—' }));
  } else if (p.areaCode) {
    lines.push(t('prd.hist.area', { area: areaText(p.areaCode, lang) ?? '—' }));
  }
  if (str(p.reason)) lines.push(t('prd.hist.reason', { text: p.reason as string }));
  if (typeof p.duplicateOf === 'number') lines.push(t('prd.hist.duplicateOf', { id: p.duplicateOf }));
  if (typeof p.violation === 'boolean') lines.push(p.violation ? t('prd.violationYes') : t('prd.violationNo'));
  if (typeof p.caseValue === 'number') lines.push(`${t('prd.caseValue')}：${formatYuan(p.caseValue)}`);
  if (str(p.decisionNo)) lines.push(`${t('prd.decisionNo')}：${p.decisionNo as string}`);
  if (str(p.note)) lines.push(t('prd.hist.note', { text: p.note as string }));
  if (typeof p.rights === 'number') lines.push(t('prd.hist.rights', { n: p.rights }));
  if (typeof p.listedOn === 'string') lines.push(t('prd.hist.listedOn', { date: p.listedOn }));
  lines.push(...(naming.extraLines?.(e) ?? []));
  const named = from !== null && to !== null ? naming.stepName?.(from, to, p) : undefined;
  let title: ReactNode;
  if (named) title = named;
  else if (from === null) title = naming.submittedLabel;
  else if (from === to) title = t('prd.hist.assign');
  else
    title = (
      <>
        {naming.statusName(from)} <SwapRightOutlined aria-label="→" /> {naming.statusName(to ?? '')}
      </>
    );
  return { title, lines };
}

const KIND_COLOR: Record<ChainEntry['kind'], string> = { file: 'geekblue', state: 'blue', note: 'default' };

/**
 * A record's evidence chain: every state change and file, each entry sealed with the hash of the one
 * before. Reports by default; other records name their own statuses and first entry.
 */
export function HistoryTimeline({
  entries,
  statusName,
  stepName,
  describeEntry,
  extraLines,
  submittedLabel,
  actorAnonymous,
}: {
  entries: ChainEntry[];
  statusName?: (status: string) => string;
  stepName?: Naming['stepName'];
  describeEntry?: Naming['describeEntry'];
  extraLines?: Naming['extraLines'];
  submittedLabel?: string;
  actorAnonymous?: string;
}) {
  const { t, lang } = useI18n();
  const naming: Naming = { statusName: statusName ?? ((s) => reportStatusName(t, s)), stepName, describeEntry, extraLines, submittedLabel: submittedLabel ?? t('prd.hist.submitted') };
  return (
    <Timeline
      className="xz-history"
      items={entries.map((e) => {
        const d = describe(e, t, lang, naming);
        return {
          key: e.seq,
          icon: e.kind === 'file' ? <FileOutlined /> : e.kind === 'note' ? <MessageOutlined /> : undefined,
          content: (
            <Flex vertical gap={2} className="xz-history-entry">
              <Flex gap={8} wrap="wrap" align="center">
                <span className="xz-history-seq xz-num">#{e.seq}</span>
                <Tag color={KIND_COLOR[e.kind]}>{t(`prd.kind.${e.kind}`)}</Tag>
                <span className="xz-history-title">{d.title}</span>
              </Flex>
              {d.lines.map((l) => (
                <Typography.Text key={l} type="secondary" className="xz-small xz-break">
                  {l}
                </Typography.Text>
              ))}
              <Typography.Text type="secondary" className="xz-small">
                {e.actor === 'anonymous' ? (actorAnonymous ?? t('prd.actorAnonymous')) : e.actor} · <span className="xz-num">{formatDateTime(e.at)}</span> ·{' '}
                <Tooltip
                  title={
                    <span className="xz-mono xz-break">
                      {t('prd.hash')}：{e.hash}
                      <br />
                      {t('prd.prevHash')}：{e.prevHash}
                    </span>
                  }
                >
                  <code className="xz-mono" tabIndex={0}>
                    {shortHash(e.hash)}
                  </code>
                </Tooltip>
              </Typography.Text>
            </Flex>
          ),
        };
      })}
    />
  );
}
