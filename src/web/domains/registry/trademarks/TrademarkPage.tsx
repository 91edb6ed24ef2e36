import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { trademarksApi } from '../../../app/endpoints';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useAreaName } from '../common/areas';
import { AreaSourceTag, markTypeName, MarkTypeTag, niceHeading, niceLabel, tmStatusName, TrademarkStatusTag } from '../common/labels';
import { RecordDeadlines } from '../../insight/RecordDeadlines';
import { RecordFacts, RecordHeader, RecordPending, RecordSide } from '../common/RecordParts';
import { trademarkPath } from './TrademarkHit';

const none = '—';

export default function TrademarkPage() {
  const { t, lang } = useI18n();
  const { regNo = '', cls } = useParams();
  const niceClass = cls && /^\d{1,2}$/.test(cls) ? Number(cls) : undefined;
  const areaName = useAreaName();
  const mark = useQuery({ queryKey: ['trademark', regNo, niceClass], queryFn: () => trademarksApi.get(regNo, niceClass) });

  if (mark.isError || !mark.data) return <RecordPending query={mark} backTo="/registry/trademarks" backLabel={t('tm.backToSearch')} />;

  const m = mark.data;
  const sep = lang === 'zh' ? '；' : '; ';
  const term = m.termStart || m.termEnd ? `${formatDate(m.termStart)} ~ ${formatDate(m.termEnd)}` : none;

  return (
    <>
      <RecordHeader
        title={m.name}
        docTitle={`${m.name} · ${m.regNo}`}
        back="/registry/trademarks"
        tags={
          <>
            <Tag color="geekblue">{niceLabel(t, lang, m.niceClass)}</Tag>
            <TrademarkStatusTag status={m.status} />
            <MarkTypeTag type={m.markType} />
          </>
        }
        isDemo={m.isDemo}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('tm.biblio')} className="xz-card">
            <RecordFacts
              items={[
                { key: 'regNo', label: t('tm.regNo'), children: <span className="xz-mono">{m.regNo}</span> },
                { key: 'name', label: t('tm.name'), children: m.name },
                { key: 'markType', label: t('tm.markType'), children: markTypeName(t, m.markType) },
                {
                  key: 'status',
                  label: t('tm.status'),
                  children: (
                    <>
                      {tmStatusName(t, m.status)}
                      {m.statusRaw && m.statusRaw !== tmStatusName(t, m.status) && <div className="xz-muted">{t('reg.statusRaw', { raw: m.statusRaw })}</div>}
                    </>
                  ),
                },
                { key: 'appDate', label: t('tm.appDate'), children: formatDate(m.appDate) },
                { key: 'regDate', label: t('tm.regDate'), children: formatDate(m.regDate) },
                { key: 'term', label: t('tm.term'), children: <span className="xz-num">{term}</span> },
                { key: 'agency', label: t('tm.agency'), children: m.agency ?? none },
                {
                  key: 'class',
                  label: t('tm.class'),
                  span: 'filled',
                  children: (
                    <>
                      {niceLabel(t, lang, m.niceClass)}
                      {(niceHeading(lang, m.niceClass) ?? m.niceTitle) && <div className="xz-muted xz-small">{niceHeading(lang, m.niceClass) ?? m.niceTitle}</div>}
                    </>
                  ),
                },
                { key: 'applicants', label: t('tm.applicants'), children: m.applicants.join(sep) || none, span: 'filled' },
                { key: 'address', label: t('tm.address'), children: m.address ?? none, span: 'filled' },
                {
                  key: 'area',
                  label: t('reg.area'),
                  span: 'filled',
                  children: (
                    <Space size={4} wrap>
                      {areaName(m.areaCode, m.areaName)}
                      <AreaSourceTag source={m.areaSource} />
                    </Space>
                  ),
                },
                {
                  key: 'other',
                  label: t('tm.otherClasses'),
                  span: 'filled',
                  children: m.otherClasses.length ? (
                    <Space size={[4, 4]} wrap>
                      {m.otherClasses.map((c) => (
                        <Link key={c} to={trademarkPath({ regNo: m.regNo, niceClass: c })}>
                          <Tag>{niceLabel(t, lang, c)}</Tag>
                        </Link>
                      ))}
                    </Space>
                  ) : (
                    none
                  ),
                },
              ]}
            />
          </Card>
          <Card title={t('tm.goods')} className="xz-card">
            {m.goods ? <Typography.Paragraph className="xz-abstract">{m.goods}</Typography.Paragraph> : <Typography.Text type="secondary">{none}</Typography.Text>}
          </Card>
        </Col>
        <RecordSide
          holdersTitle={t('tm.holders')}
          holders={m.holders}
          history={m.history}
          statusName={(s) => tmStatusName(t, s)}
          deadlines={<RecordDeadlines right="trademark" id={m.id} termEnd={m.termEnd} status={m.status} />}
        />
      </Row>
    </>
  );
}
