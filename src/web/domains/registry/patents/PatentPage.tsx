import { QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { patentsApi } from '../../../app/endpoints';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useAreaName } from '../common/areas';
import { AreaSourceTag, ipcName, LegalStatusTag, legalStatusName, patentTypeName, PatentTypeTag, valueCriterionName, ValueCriterionTag } from '../common/labels';
import { RecordDeadlines } from '../../insight/RecordDeadlines';
import { RecordFacts, RecordHeader, RecordPending, RecordSide } from '../common/RecordParts';
import { VALUE_CRITERIA } from '../../../../shared/registry/types';

const none = '—';

/** 高价值发明专利（2025 年）, with the five criteria on hover or focus. */
function HighValueLabel({ year }: { year: number }) {
  const { t, lang } = useI18n();
  return (
    <Space size={4}>
      {t('hv.title', { year })}
      <Tooltip
        trigger={['hover', 'focus']}
        title={
          <>
            {t('hv.help')}
            <ol style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {VALUE_CRITERIA.map((c) => (
                <li key={c}>{valueCriterionName(lang, c)}</li>
              ))}
            </ol>
            {t('hv.helpNote')}
          </>
        }
      >
        <QuestionCircleOutlined className="xz-muted" tabIndex={0} aria-label={t('hv.helpLabel')} />
      </Tooltip>
    </Space>
  );
}

export default function PatentPage() {
  const { t, lang } = useI18n();
  const { number = '' } = useParams();
  const areaName = useAreaName();
  const patent = useQuery({ queryKey: ['patent', number], queryFn: () => patentsApi.get(number) });

  if (patent.isError || !patent.data) return <RecordPending query={patent} backTo="/registry/patents" backLabel={t('patent.backToSearch')} />;

  const p = patent.data;
  const sep = lang === 'zh' ? '；' : '; ';
  const list = (xs: readonly string[]) => (xs.length ? xs.join(sep) : none);
  const mono = (v: string | null) => (v ? <span className="xz-mono">{v}</span> : none);

  return (
    <>
      <RecordHeader
        title={p.title}
        back="/registry/patents"
        tags={
          <>
            <PatentTypeTag type={p.type} pct={p.pct} />
            <LegalStatusTag status={p.status} raw={p.statusRaw} />
          </>
        }
        isDemo={p.isDemo}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('patent.biblio')} className="xz-card">
            <RecordFacts
              items={[
                { key: 'appNo', label: t('patent.appNo'), children: mono(p.appNoDisplay) },
                { key: 'appDate', label: t('patent.appDate'), children: formatDate(p.appDate) },
                { key: 'pubNo', label: t('patent.pubNo'), children: mono(p.pubNo) },
                { key: 'pubDate', label: t('patent.pubDate'), children: formatDate(p.pubDate) },
                { key: 'grantNo', label: t('patent.grantNo'), children: mono(p.grantNo) },
                { key: 'grantDate', label: t('patent.grantDate'), children: formatDate(p.grantDate) },
                { key: 'type', label: t('patent.type'), children: patentTypeName(t, p.type) + (p.pct ? ' · PCT' : '') },
                {
                  key: 'status',
                  label: t('patent.status'),
                  children: (
                    <>
                      {legalStatusName(t, p.status)}
                      {p.statusDate && <span className="xz-muted">{t('patent.statusSince', { date: formatDate(p.statusDate) })}</span>}
                      {p.statusRaw && p.statusRaw !== legalStatusName(t, p.status) && <div className="xz-muted">{t('reg.statusRaw', { raw: p.statusRaw })}</div>}
                    </>
                  ),
                },
                { key: 'applicants', label: t('patent.applicants'), children: list(p.applicants), span: { xs: 1, md: 2 } },
                ...(p.patentees.length ? [{ key: 'patentees', label: t('patent.patentees'), children: list(p.patentees), span: { xs: 1, md: 2 } }] : []),
                { key: 'inventors', label: t('patent.inventors'), children: list(p.inventors), span: { xs: 1, md: 2 } },
                { key: 'address', label: t('patent.address'), children: p.address ?? none, span: { xs: 1, md: 2 } },
                {
                  key: 'area',
                  label: t('reg.area'),
                  children: (
                    <Space size={4} wrap>
                      {areaName(p.areaCode, p.areaName)}
                      <AreaSourceTag source={p.areaSource} />
                    </Space>
                  ),
                },
                { key: 'ipcMain', label: t('patent.ipcMain'), children: mono(p.ipcMain) },
                { key: 'agency', label: t('patent.agency'), children: p.agency ?? none },
                { key: 'agents', label: t('patent.agents'), children: list(p.agents) },
                { key: 'priority', label: t('patent.priority'), children: p.priority ?? none },
                { key: 'claims', label: t('patent.claimsCount'), children: p.claimsCount ?? none },
                {
                  key: 'family',
                  label: t('patent.family'),
                  span: { xs: 1, md: 2 },
                  children: p.family.length ? (
                    <Space size={[4, 4]} wrap>
                      {p.family.map((f) => (
                        <Tag key={f} className="xz-mono">
                          {f}
                        </Tag>
                      ))}
                    </Space>
                  ) : (
                    none
                  ),
                },
                {
                  key: 'industries',
                  label: t('patent.industry'),
                  span: { xs: 1, md: 2 },
                  children: (
                    <Space size={[4, 4]} wrap>
                      {p.industryNames.length === 0
                        ? t('patent.noIndustry')
                        : p.industryNames.map((i) => (
                            <Link key={i.code} to={`/registry/patents?industry=${encodeURIComponent(i.code)}`}>
                              <Tag color="blue">{i.name}</Tag>
                            </Link>
                          ))}
                      {p.industryMapIsDemo && (
                        <Tooltip title={t('industry.demoHint')}>
                          <Link to="/registry/industries">
                            <Tag color="orange">{t('industry.demoShort')}</Tag>
                          </Link>
                        </Tooltip>
                      )}
                    </Space>
                  ),
                },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(p.updatedAt) },
              ]}
            />
          </Card>
          <Card title={<HighValueLabel year={p.highValue.year} />} className="xz-card xz-hv-card">
            {!p.highValue.counted ? (
              <Typography.Text type="secondary">{t('hv.notCounted')}</Typography.Text>
            ) : p.highValue.criteria.length === 0 ? (
              <Typography.Text>{t('hv.notMet')}</Typography.Text>
            ) : (
              <Space size={[4, 4]} wrap>
                {p.highValue.criteria.map((c) => (
                  <Link key={c} to={`/registry/patents?highValue=${p.highValue.year}&criterion=${c}`}>
                    <ValueCriterionTag criterion={c} />
                  </Link>
                ))}
              </Space>
            )}
          </Card>
          <Card title={t('patent.abstract')} className="xz-card">
            {p.abstract ? <Typography.Paragraph className="xz-abstract">{p.abstract}</Typography.Paragraph> : <Typography.Text type="secondary">{t('patent.noAbstract')}</Typography.Text>}
          </Card>
          <Card title={t('patent.ipcCodes')} className="xz-card">
            {p.ipc.length === 0 ? (
              <Typography.Text type="secondary">{none}</Typography.Text>
            ) : (
              <ul className="xz-ipc-list">
                {p.ipc.map((c) => (
                  <li key={c.code}>
                    <Link to={`/registry/patents?ipc=${encodeURIComponent(c.code.slice(0, 4))}`} className="xz-mono" title={t('patent.ipcSearch', { code: c.code.slice(0, 4) })}>
                      {c.code}
                    </Link>
                    {c.code === p.ipcMain && <Tag className="xz-ipc-main">{t('patent.mainShort')}</Tag>}
                    <span className="xz-ipc-title">{(lang === 'zh' ? c.title : ipcName('en', c.code)) ?? t('patent.ipcNoTitle')}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        <RecordSide
          holdersTitle={t('patent.holders')}
          holders={p.holders}
          history={p.history}
          statusName={(s) => legalStatusName(t, s)}
          deadlines={<RecordDeadlines right="patent" appNo={p.appNo} type={p.type} appDate={p.appDate} grantDate={p.grantDate} status={p.status} />}
        />
      </Row>
    </>
  );
}
