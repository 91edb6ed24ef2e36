import type { ReactNode } from 'react';
import type { Lang, Translate } from '../../../app/i18n';
import type { ChainEntry } from '../api';
import { formatYuan } from '../labels';
import { caseLabel } from './labels';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** A case's evidence-chain entry in words: recorded, updated, linked, transferred, answered by the police. */
export function describeCaseEntry(t: Translate, lang: Lang, e: ChainEntry): { title: ReactNode; lines: string[] } | undefined {
  if (e.kind !== 'state') return undefined;
  const p = e.payload;
  const lines: string[] = [];
  switch (p.action) {
    case 'record':
    case 'update': {
      if (str(p.stage)) lines.push(t('cs.hist.stage', { stage: caseLabel(lang, 'stage', p.stage as string) }));
      if (str(p.closedOn)) lines.push(t('cs.hist.closedOn', { date: p.closedOn as string }));
      if (typeof p.amount === 'number') lines.push(t('cs.hist.amount', { amount: formatYuan(p.amount) }));
      if (str(p.result)) lines.push(t('cs.hist.result', { text: p.result as string }));
      const via = str(p.via);
      const how = via === 'import' ? t('cs.hist.viaImport') : via === 'api' ? t('cs.hist.viaApi') : null;
      const title = p.action === 'record' ? t('cs.hist.record') : t('cs.hist.update');
      return { title: how ? (lang === 'zh' ? `${title}（${how}）` : `${title} (${how})`) : title, lines };
    }
    case 'link':
      if (str(p.note)) lines.push(t('prd.hist.note', { text: p.note as string }));
      return { title: t('cs.hist.link', { no: str(p.with) ?? '—' }), lines };
    case 'transfer':
      if (str(p.reason)) lines.push(t('cs.hist.reason', { text: p.reason as string }));
      return { title: t('cs.hist.transfer', { to: str(p.to) ?? '—' }), lines };
    case 'transfer-received':
      if (str(p.from)) return { title: t('cs.hist.receivedFrom', { no: p.from as string }), lines };
      return { title: t('cs.hist.received', { by: str(p.by) ?? '—', receipt: str(p.receiptNo) ?? '—' }), lines };
    case 'transfer-refused':
      if (str(p.reason)) lines.push(t('cs.hist.reason', { text: p.reason as string }));
      return { title: t('cs.hist.refused', { by: str(p.by) ?? '—' }), lines };
    default:
      return undefined;
  }
}
