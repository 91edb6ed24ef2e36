import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { HistoryTimeline } from '../reports/HistoryTimeline';
import { keyListApi, type ApplicationView, type OfficerAction } from './api';
import { KeyListActionModal } from './KeyListActionModal';
import { KeyListSteps } from './KeyListSteps';
import { areaText, KeyListStatusTag, keyListStatusName, keyListStepName, ReviewDue, reviewSoon } from './labels';
import { RightsTable } from './RightsTable';

const ORDER: OfficerAction[] = ['county-pass', 'approve', 'review', 'return'];
const PRIMARY: readonly OfficerAction[] = ['county-pass', 'approve', 'review'];

/** One application or listed firm: its rights, reasons, contact (masked), the steps open to the officer, and its record. */
export default function KeyListDetailPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const result = useQuery({ queryKey: ['key-list-application', id], queryFn: ({ signal }) => keyListApi.get(id, signal), enabled: valid });
  const [dialog, setDialog] = useState<OfficerAction | null>(null);

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo="/protection/key-list" backLabel={t('kl.backToList')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const app = result.data;
  if (!app) return <Skeleton active paragraph={{ rows: 10 }} />;

  const actions = ORDER.filter((a) => app.actions.includes(a));

  return (
    <>
      <PageHeader
        back="/protection/key-list"
        title={app.orgName}
        tags={
          <Flex gap={4} wrap="wrap" align="center">
            <KeyListStatusTag status={app.status} />
            {app.reviewOverdue && <Tag color="red">{t('kl.reviewOverdue')}</Tag>}
            {app.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={t('kl.detailSubtitle', { ref: app.ref, area: areaText(lang, app.areaCode, app.areaName), date: formatDateTime(app.submittedAt) })}
        extra={actions.map((a) => (
          <Button key={a} type={PRIMARY.includes(a) && (a !== 'review' || reviewSoon(app)) ? 'primary' : 'default'} danger={a === 'return'} onClick={() => setDialog(a)}>
            {t(`kl.action.${a}`)}
          </Button>
        ))}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex vertical gap={16}>
            <KeyListSteps app={app} />
            <StatusNote app={app} />
          </Flex>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('kl.application')}>
                <ApplicationFacts app={app} />
              </Card>
              <Card size="small" title={t('kl.rightsN', { n: app.rights.length })}>
                <RightsTable rights={app.rights} linked />
              </Card>
              <Card size="small" title={t('kl.history')} extra={<Typography.Text type="secondary" className="xz-small">{t('prd.historyHint')}</Typography.Text>}>
                <HistoryTimeline entries={app.history} statusName={(s) => keyListStatusName(t, s)} stepName={(from, to) => keyListStepName(t, from, to)} submittedLabel={t('kl.hist.submitted')} actorAnonymous={app.orgName} />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('kl.listing')}>
                <Listing app={app} />
              </Card>
              <Card size="small" title={t('kl.opinions')}>
                <Opinions app={app} />
              </Card>
            </Flex>
          </Col>
        </Row>
      </Flex>
      {dialog && <KeyListActionModal action={dialog} app={app} onClose={() => setDialog(null)} />}
    </>
  );
}

/** What the status means now, in one line, and the reason when the application was sent back or the firm left the list. */
function StatusNote({ app }: { app: ApplicationView }) {
  const { t, lang } = useI18n();
  const area = areaText(lang, app.areaCode, app.areaName);
  switch (app.status) {
    case 'submitted':
      return <Alert type="info" showIcon title={t('kl.officer.submitted', { area })} />;
    case 'county_passed':
      return <Alert type="info" showIcon title={t('kl.officer.countyPassed')} />;
    case 'returned':
      return <Alert type="warning" showIcon title={t('kl.officer.returned')} description={<div className="xz-pre">{app.returnReason ?? '—'}</div>} />;
    case 'listed':
      return (
        <Alert
          type={app.reviewOverdue ? 'error' : 'success'}
          showIcon
          icon={app.reviewOverdue ? undefined : <BellOutlined />}
          title={app.reviewOverdue ? t('kl.officer.overdue', { date: formatDate(app.reviewDue) }) : t('kl.officer.listed', { date: formatDate(app.listedOn), due: formatDate(app.reviewDue) })}
          description={t('kl.monitorNoteOfficer', { area })}
        />
      );
    case 'exited':
      return <Alert type="warning" showIcon title={t('kl.officer.exited')} description={<div className="xz-pre">{app.exitReason ?? '—'}</div>} />;
    case 'withdrawn':
      return <Alert type="info" showIcon title={t('kl.officer.withdrawn')} />;
  }
}

function ApplicationFacts({ app }: { app: ApplicationView }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'org', label: t('kl.orgName'), children: app.orgName, span: 2 },
        { key: 'uscc', label: t('kl.uscc'), children: <span className="xz-mono">{app.uscc ?? '—'}</span> },
        { key: 'area', label: t('kl.area'), children: areaText(lang, app.areaCode, app.areaName) },
        { key: 'industry', label: t('kl.industry'), children: app.industry, span: 2 },
        { key: 'reasons', label: t('kl.reasons'), children: <div className="xz-pre">{app.reasons}</div>, span: 2 },
        { key: 'contact', label: t('kl.contactName'), children: app.contactName },
        { key: 'phone', label: t('kl.contactPhone'), children: <span className="xz-num">{app.contactPhone}</span> },
      ]}
    />
  );
}

function Listing({ app }: { app: ApplicationView }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'status', label: t('common.status'), children: <KeyListStatusTag status={app.status} /> },
        { key: 'ref', label: t('kl.ref'), children: <span className="xz-mono">{app.ref}</span> },
        { key: 'submitted', label: t('kl.submittedAt'), children: <span className="xz-num">{formatDateTime(app.submittedAt)}</span> },
        { key: 'listed', label: t('kl.listedOn'), children: <span className="xz-num">{formatDate(app.listedOn)}</span> },
        { key: 'due', label: t('kl.reviewDue'), children: <ReviewDue date={app.reviewDue} overdue={app.reviewOverdue} /> },
      ]}
    />
  );
}

function Opinions({ app }: { app: ApplicationView }) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">{t('kl.noOpinion')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      layout="vertical"
      items={[
        { key: 'county', label: t('kl.countyNote'), children: app.countyNote ? <div className="xz-pre">{app.countyNote}</div> : none },
        { key: 'city', label: t('kl.cityNote'), children: app.cityNote ? <div className="xz-pre">{app.cityNote}</div> : none },
        ...(app.returnReason ? [{ key: 'return', label: t('kl.lastReturnReason'), children: <div className="xz-pre">{app.returnReason}</div> }] : []),
        ...(app.exitReason ? [{ key: 'exit', label: t('kl.exitReason'), children: <div className="xz-pre">{app.exitReason}</div> }] : []),
      ]}
    />
  );
}
