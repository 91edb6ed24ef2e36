import { Tag } from 'antd';
import type { TrademarkSummary } from '../../../app/api-types';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useAreaName } from '../common/areas';
import { Hit, HitField } from '../common/Hit';
import { DemoTag, MarkTypeTag, niceLabel, TrademarkStatusTag } from '../common/labels';

export const trademarkPath = (m: Pick<TrademarkSummary, 'regNo' | 'niceClass'>) => `/registry/trademarks/${encodeURIComponent(m.regNo)}/${m.niceClass}`;

export function TrademarkHit({ m }: { m: TrademarkSummary }) {
  const { t, lang } = useI18n();
  const areaName = useAreaName();
  return (
    <Hit
      to={trademarkPath(m)}
      title={m.nameHighlight}
      fallback={m.name}
      tags={
        <>
          <Tag color="geekblue">{niceLabel(t, lang, m.niceClass)}</Tag>
          <TrademarkStatusTag status={m.status} />
          <MarkTypeTag type={m.markType} />
          {m.isDemo && <DemoTag inList />}
        </>
      }
    >
      <HitField label={t('tm.regNo')} className="xz-mono">
        {m.regNo}
      </HitField>
      <HitField label={t('tm.appDate')} className="xz-num">
        {formatDate(m.appDate)}
      </HitField>
      {m.regDate && (
        <HitField label={t('tm.regDate')} className="xz-num">
          {formatDate(m.regDate)}
        </HitField>
      )}
      {m.termEnd && (
        <HitField label={t('tm.termEnd')} className="xz-num">
          {formatDate(m.termEnd)}
        </HitField>
      )}
      <HitField label={t('tm.applicants')} wide>
        {m.applicants.join(lang === 'zh' ? '；' : '; ') || '—'}
      </HitField>
      <HitField label={t('reg.area')}>{areaName(m.areaCode, m.areaName)}</HitField>
    </Hit>
  );
}
