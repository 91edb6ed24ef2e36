import { BellOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Descriptions, Flex, List, Skeleton, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useReportError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError } from '../../../app/ui/States';
import { HistoryTimeline } from '../reports/HistoryTimeline';
import { keyListApi, type ApplicationBody, type ApplicationView, type MineView } from './api';
import { ApplicationForm } from './ApplicationForm';
import { RightsTable } from './RightsTable';
import { KeyListSteps } from './KeyListSteps';
import { areaText, KeyListStatusTag, keyListStatusName, keyListStepName } from './labels';

const OPEN = new Set(['submitted', 'county_passed', 'returned', 'listed']);

/** 重点关注名录申请: the firm applies, follows its application, corrects a returned one, or withdraws it. */
export default function KeyListMinePage() {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ['key-list-mine'], queryFn: ({ signal }) => keyListApi.mine(signal) });
  const [editing, setEditing] = useState(false);
  const top = useRef<HTMLDivElement>(null);

  if (mine.isError) return <LoadError error={mine.error} onRetry={() => mine.refetch()} />;
  const data = mine.data;

  const current = data?.applications.find((a) => OPEN.has(a.status));
  const past = data?.applications.filter((a) => a !== current) ?? [];

  const refreshWith = async (app: ApplicationView) => {
    queryClient.setQueryData<MineView>(['key-list-mine'], (prev) => (prev ? { ...prev, applications: [app, ...prev.applications.filter((a) => a.id !== app.id)] } : prev));
    await queryClient.invalidateQueries({ queryKey: ['key-list-mine'] });
    requestAnimationFrame(() => top.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const apply = async (body: ApplicationBody) => {
    const app = await keyListApi.apply(body);
    message.success(t('kl.mine.submitted'));
    await refreshWith(app);
  };
  const resubmit = async (body: ApplicationBody) => {
    if (!current) return;
    const app = await keyListApi.resubmit(current.id, body);
    setEditing(false);
    message.success(t('kl.mine.resubmitted'));
    await refreshWith(app);
  };

  return (
    <div ref={top}>
      <PageHeader title={t('nav.keyListApply')} subtitle={t('kl.mine.subtitle')} />
      {!data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'name', label: t('kl.orgName'), children: data.organisation.name },
                { key: 'uscc', label: t('kl.uscc'), children: <span className="xz-mono">{data.organisation.uscc ?? t('kl.mine.noUscc')}</span> },
                { key: 'area', label: t('kl.area'), children: areaText(lang, data.organisation.areaCode, data.organisation.areaName) },
              ]}
            />
          </Card>
          {current ? (
            <>
              <CurrentApplication app={current} onEdit={() => setEditing(true)} editing={editing} onChanged={refreshWith} />
              {editing && current.status === 'returned' && (
                <Card title={t('kl.mine.editTitle', { ref: current.ref })}>
                  <ApplicationForm mine={data} returned={current} onSubmit={resubmit} onCancel={() => setEditing(false)} />
                </Card>
              )}
              <Card size="small" title={t('kl.application')}>
                <Flex vertical gap={16}>
                  <Descriptions
                    size="small"
                    bordered
                    column={{ xs: 1, md: 2 }}
                    items={[
                      { key: 'industry', label: t('kl.industry'), children: current.industry, span: 2 },
                      { key: 'reasons', label: t('kl.reasons'), children: <div className="xz-pre">{current.reasons}</div>, span: 2 },
                      { key: 'contact', label: t('kl.contactName'), children: current.contactName },
                      { key: 'phone', label: t('kl.contactPhone'), children: <span className="xz-num">{current.contactPhone}</span> },
                    ]}
                  />
                  <RightsTable rights={current.rights} linked />
                </Flex>
              </Card>
              <Card size="small" title={t('kl.history')}>
                <HistoryTimeline entries={current.history} statusName={(s) => keyListStatusName(t, s)} stepName={(from, to) => keyListStepName(t, from, to)} submittedLabel={t('kl.hist.submitted')} actorAnonymous={current.orgName} />
              </Card>
            </>
          ) : (
            <Card title={t('kl.mine.applyTitle')}>
              <Typography.Paragraph>{t('kl.mine.applyIntro')}</Typography.Paragraph>
              <ol className="xz-kl-howto">
                <li>{t('kl.mine.how1')}</li>
                <li>{t('kl.mine.how2', { area: areaText(lang, data.organisation.areaCode, data.organisation.areaName) })}</li>
                <li>{t('kl.mine.how3')}</li>
                <li>{t('kl.mine.how4')}</li>
              </ol>
              <ApplicationForm mine={data} onSubmit={apply} />
            </Card>
          )}
          {past.length > 0 && <PastApplications apps={past} />}
        </Flex>
      )}
    </div>
  );
}

/** Where the application stands, what happens next, and what the firm may do now. */
function CurrentApplication({ app, editing, onEdit, onChanged }: { app: ApplicationView; editing: boolean; onEdit: () => void; onChanged: (app: ApplicationView) => Promise<void> }) {
  const { t, lang } = useI18n();
  const area = areaText(lang, app.areaCode, app.areaName);
  const { modal, message } = AntdApp.useApp();
  const report = useReportError();
  const { can } = useSession();
  const canWithdraw = app.actions.includes('withdraw');
  const canEdit = app.actions.includes('edit');

  const withdraw = () =>
    modal.confirm({
      title: t('kl.mine.withdrawTitle'),
      content: t('kl.mine.withdrawText'),
      okText: t('kl.mine.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const next = await keyListApi.withdraw(app.id);
          message.success(t('kl.mine.withdrawn'));
          await onChanged(next);
        } catch (e) {
          report(e);
        }
      },
    });

  const withdrawButton = canWithdraw ? (
    <Button icon={<RollbackOutlined />} onClick={withdraw}>
      {t('kl.mine.withdraw')}
    </Button>
  ) : null;

  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap="wrap">
          <span>{t('kl.mine.currentTitle')}</span>
          <Typography.Text type="secondary" className="xz-mono xz-small">
            {app.ref}
          </Typography.Text>
          <KeyListStatusTag status={app.status} />
        </Flex>
      }
      extra={app.status !== 'returned' ? withdrawButton : null}
    >
      <Flex vertical gap={16}>
        <KeyListSteps app={app} />
        {app.status === 'submitted' && <Alert type="info" showIcon title={t('kl.mine.waitCounty', { area })} description={t('kl.mine.waitCountyText')} />}
        {app.status === 'county_passed' && <Alert type="info" showIcon title={t('kl.mine.waitCity')} description={app.countyNote ? t('kl.mine.countyNote', { note: app.countyNote }) : t('kl.mine.waitCityText')} />}
        {app.status === 'returned' && (
          <Alert
            type="warning"
            showIcon
            className="xz-kl-returned"
            title={t('kl.mine.returned')}
            description={
              <Flex vertical gap={12}>
                <div>
                  <Typography.Text strong>{t('kl.returnReason')}：</Typography.Text>
                  <div className="xz-pre xz-kl-reason" data-testid="return-reason">
                    {app.returnReason ?? '—'}
                  </div>
                </div>
                <Typography.Text type="secondary">{t('kl.mine.returnedText')}</Typography.Text>
                <Flex gap={8} wrap="wrap">
                  {canEdit && !editing && (
                    <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>
                      {t('kl.mine.edit')}
                    </Button>
                  )}
                  {withdrawButton}
                </Flex>
              </Flex>
            }
          />
        )}
        {app.status === 'listed' && (
          <Alert
            type="success"
            showIcon
            title={t('kl.mine.listed', { date: formatDate(app.listedOn) })}
            description={
              <Flex vertical gap={6}>
                <span>{t('kl.mine.listedText', { due: formatDate(app.reviewDue) })}</span>
                <span>
                  <BellOutlined aria-hidden /> {t('kl.monitorNoteFirm', { area })}
                </span>
                <Flex gap={16} wrap="wrap">
                  {can('alerts.read') && <Link to="/insight/alerts">{t('kl.mine.toAlerts')}</Link>}
                  <Link to="/public/key-list">{t('kl.mine.toPublic')}</Link>
                </Flex>
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}

function PastApplications({ apps }: { apps: ApplicationView[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('kl.mine.past')}>
      <List
        size="small"
        dataSource={apps}
        renderItem={(a) => (
          <List.Item>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex gap={8} align="center" wrap="wrap">
                <span className="xz-mono">{a.ref}</span>
                <KeyListStatusTag status={a.status} />
                <Typography.Text type="secondary" className="xz-small">
                  {t('kl.mine.pastLine', { date: formatDateTime(a.submittedAt), n: a.rights.length })}
                </Typography.Text>
              </Flex>
              {a.exitReason && (
                <Typography.Text type="secondary" className="xz-small">
                  {t('kl.exitReason')}：{a.exitReason}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
