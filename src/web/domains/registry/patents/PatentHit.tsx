import type { PatentSummary } from '../../../app/api-types';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useAreaName } from '../common/areas';
import { Highlight } from '../common/Highlight';
import { Hit, HitField } from '../common/Hit';
import { DemoTag, InternalTag, LegalStatusTag, PatentTypeTag, ValueCriterionTag } from '../common/labels';

export const patentPath = (p: Pick<PatentSummary, 'appNo'>) => `/registry/patents/${encodeURIComponent(p.appNo)}`;

/**
 * One search result: highlighted title, its numbers and dates, applicants, county, the abstract around
 * the hit; in a list of high-value patents, the criteria each one meets.
 */
export function PatentHit({ p }: { p: PatentSummary }) {
  const { t, lang } = useI18n();
  const areaName = useAreaName();
  const sep = lang === 'zh' ? '；' : '; ';
  const snippet = p.snippet.length > 0 && p.snippet.some((s) => s.text.trim());
  return (
    <Hit
      to={patentPath(p)}
      title={p.titleHighlight}
      fallback={p.title}
      tags={
        <>
          <PatentTypeTag type={p.type} pct={p.pct} />
          <LegalStatusTag status={p.status} raw={p.statusRaw} />
          {p.valueCriteria?.map((c) => <ValueCriterionTag key={c} criterion={c} />)}
          {p.visibility === 'internal' && <InternalTag />}
          {p.isDemo && <DemoTag inList />}
        </>
      }
      after={
        snippet && (
          <p className="xz-hit-snippet">
            <Highlight segments={p.snippet} />
          </p>
        )
      }
    >
      <HitField label={t('patent.appNo')} className="xz-mono">
        {p.appNoDisplay}
      </HitField>
      <HitField label={t('patent.appDate')} className="xz-num">
        {formatDate(p.appDate)}
      </HitField>
      {(p.grantNo ?? p.pubNo) && (
        <HitField label={p.grantNo ? t('patent.grantNo') : t('patent.pubNo')} className="xz-mono">
          {p.grantNo ?? p.pubNo}
        </HitField>
      )}
      <HitField label={t('patent.applicants')} wide>
        {p.applicants.join(sep) || '—'}
      </HitField>
      <HitField label={t('reg.area')}>{areaName(p.areaCode, p.areaName)}</HitField>
      {p.ipcMain && (
        <HitField label={t('patent.ipcMain')} className="xz-mono">
          {p.ipcMain}
        </HitField>
      )}
    </Hit>
  );
}
