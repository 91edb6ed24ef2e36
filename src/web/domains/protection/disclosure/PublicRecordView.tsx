import { Descriptions, Typography } from 'antd';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { formatYuan } from '../labels';
import type { PublicRecord } from './api';
import { decisionKindName } from './labels';

/**
 * A decision as the public sees it, laid out like the 行政处罚信息公示表 offices post: the same
 * component shows the officer's preview and the public page, so the preview is what goes out.
 */
export function PublicRecordView({ record: r, headingLevel = 2 }: { record: PublicRecord; headingLevel?: 1 | 2 | 3 }) {
  const { t, lang } = useI18n();
  const person = r.party.kind === 'natural_person';
  const sep = lang === 'zh' ? '、' : ', ';
  return (
    <div className="xz-dc-record">
      <Typography.Title level={headingLevel} className="xz-dc-record-title">
        {t('dc.rec.title')}
      </Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 168 } }}
        items={[
          { key: 'no', label: t('dc.rec.decisionNo'), children: <span className="xz-dc-no">{r.decisionNo}</span> },
          { key: 'party', label: person ? t('dc.rec.personName') : t('dc.rec.orgName'), children: r.party.name },
          person
            ? { key: 'id', label: t('dc.rec.idNumber'), children: <span className="xz-num">{r.party.idNumber ?? '—'}</span> }
            : { key: 'uscc', label: t('dc.rec.uscc'), children: <span className="xz-mono">{r.party.uscc ?? '—'}</span> },
          { key: 'address', label: person ? t('dc.rec.personAddress') : t('dc.rec.orgAddress'), children: r.party.address ?? '—' },
          { key: 'facts', label: t('dc.rec.facts'), children: <div className="xz-pre">{r.facts}</div> },
          { key: 'provisions', label: t('dc.rec.provisions'), children: <div className="xz-pre">{r.provisions}</div> },
          { key: 'basis', label: t('dc.rec.basis'), children: <div className="xz-pre">{r.basis}</div> },
          { key: 'kinds', label: t('dc.rec.kinds'), children: r.kinds.map((k) => decisionKindName(t, k)).join(sep) },
          { key: 'penalty', label: t('dc.rec.penalty'), children: <div className="xz-pre">{r.penalty}</div> },
          ...(r.fineAmount !== null ? [{ key: 'fine', label: t('dc.rec.fine'), children: <span className="xz-num">{formatYuan(r.fineAmount)}</span> }] : []),
          ...(r.confiscatedAmount !== null ? [{ key: 'confiscated', label: t('dc.rec.confiscated'), children: <span className="xz-num">{formatYuan(r.confiscatedAmount)}</span> }] : []),
          { key: 'authority', label: t('dc.rec.authority'), children: r.authority },
          { key: 'decided', label: t('dc.rec.decidedOn'), children: <span className="xz-num">{formatDate(r.decidedOn)}</span> },
          { key: 'published', label: t('dc.rec.publishedOn'), children: <span className="xz-num">{formatDate(r.publishedOn)}</span> },
        ]}
      />
    </div>
  );
}
