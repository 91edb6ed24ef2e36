import { Space } from 'antd';
import { Link } from 'react-router';
import type { PatentSummary } from '../../../app/api-types';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useAreaName } from '../common/areas';
import { Highlight } from '../common/Highlight';
import { DemoTag, InternalTag, LegalStatusTag, PatentTypeTag } from '../common/labels';

export const patentPath = (p: Pick<PatentSummary, 'appNo'>) => `/registry/patents/${encodeURIComponent(p.appNo)}`;

/** One search result: highlighted title, its numbers and dates, applicants, county, the abstract around the hit. */
export function PatentHit({ p }: { p: PatentSummary }) {
  const { t, lang } = useI18n();
  const areaName = useAreaName();
  const sep = lang === 'zh' ? '；' : '; ';
  const snippet = p.snippet.length > 0 && p.snippet.some((s) => s.text.trim());
  return (
    <article className="xz-hit">
      <h3 className="xz-hit-title">
        <Link to={patentPath(p)}>
          <Highlight segments={p.titleHighlight} fallback={p.title} />
        </Link>
      </h3>
      <Space size={[6, 4]} wrap className="xz-hit-tags">
        <PatentTypeTag type={p.type} pct={p.pct} />
        <LegalStatusTag status={p.status} raw={p.statusRaw} />
        {p.visibility === 'internal' && <InternalTag />}
        {p.isDemo && <DemoTag inList />}
      </Space>
      <dl className="xz-hit-meta">
        <div>
          <dt>{t('patent.appNo')}</dt>
          <dd className="xz-mono">{p.appNoDisplay}</dd>
        </div>
        <div>
          <dt>{t('patent.appDate')}</dt>
          <dd className="xz-num">{formatDate(p.appDate)}</dd>
        </div>
        {(p.grantNo ?? p.pubNo) && (
          <div>
            <dt>{p.grantNo ? t('patent.grantNo') : t('patent.pubNo')}</dt>
            <dd className="xz-mono">{p.grantNo ?? p.pubNo}</dd>
          </div>
        )}
        <div className="xz-hit-wide">
          <dt>{t('patent.applicants')}</dt>
          <dd>{p.applicants.join(sep) || '—'}</dd>
        </div>
        <div>
          <dt>{t('reg.area')}</dt>
          <dd>{areaName(p.areaCode, p.areaName)}</dd>
        </div>
        {p.ipcMain && (
          <div>
            <dt>{t('patent.ipcMain')}</dt>
            <dd className="xz-mono">{p.ipcMain}</dd>
          </div>
        )}
      </dl>
      {snippet && (
        <p className="xz-hit-snippet">
          <Highlight segments={p.snippet} />
        </p>
      )}
    </article>
  );
}
