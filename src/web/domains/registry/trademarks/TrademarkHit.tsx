import { Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { TrademarkSummary } from '../../../app/api-types';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useAreaName } from '../common/areas';
import { Highlight } from '../common/Highlight';
import { DemoTag, MarkTypeTag, niceLabel, TrademarkStatusTag } from '../common/labels';

export const trademarkPath = (m: Pick<TrademarkSummary, 'regNo' | 'niceClass'>) => `/registry/trademarks/${encodeURIComponent(m.regNo)}/${m.niceClass}`;

export function TrademarkHit({ m }: { m: TrademarkSummary }) {
  const { t, lang } = useI18n();
  const areaName = useAreaName();
  return (
    <article className="xz-hit">
      <h3 className="xz-hit-title">
        <Link to={trademarkPath(m)}>
          <Highlight segments={m.nameHighlight} fallback={m.name} />
        </Link>
      </h3>
      <Space size={[6, 4]} wrap className="xz-hit-tags">
        <Tag color="geekblue">{niceLabel(t, lang, m.niceClass)}</Tag>
        <TrademarkStatusTag status={m.status} />
        <MarkTypeTag type={m.markType} />
        {m.isDemo && <DemoTag inList />}
      </Space>
      <dl className="xz-hit-meta">
        <div>
          <dt>{t('tm.regNo')}</dt>
          <dd className="xz-mono">{m.regNo}</dd>
        </div>
        <div>
          <dt>{t('tm.appDate')}</dt>
          <dd className="xz-num">{formatDate(m.appDate)}</dd>
        </div>
        {m.regDate && (
          <div>
            <dt>{t('tm.regDate')}</dt>
            <dd className="xz-num">{formatDate(m.regDate)}</dd>
          </div>
        )}
        {m.termEnd && (
          <div>
            <dt>{t('tm.termEnd')}</dt>
            <dd className="xz-num">{formatDate(m.termEnd)}</dd>
          </div>
        )}
        <div className="xz-hit-wide">
          <dt>{t('tm.applicants')}</dt>
          <dd>{m.applicants.join(lang === 'zh' ? '；' : '; ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('reg.area')}</dt>
          <dd>{areaName(m.areaCode, m.areaName)}</dd>
        </div>
      </dl>
    </article>
  );
}
