import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Steps, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { publicApi, type TrackView } from '../api';
import { rightKindName } from '../labels';
import { PublicTitle } from './PublicTitle';
import { RewardSection } from './RewardSection';
import { TrackingLookup } from './TrackingLookup';

/** 举报查询 / 领奖: the reporter follows the report by its tracking code, and claims an approved reward. */
export default function TrackPage() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('pub.trackTitle')} · ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <PublicTitle title={t('pub.trackTitle')} intro={t('pub.trackIntro')} />
      <TrackingLookup fetch={publicApi.track}>
        {({ view, code, busy, refresh, setView }) => (
          <>
            <Progress view={view} onRefresh={refresh} busy={busy} />
            <RewardSection view={view} code={code} onChange={setView} />
          </>
        )}
      </TrackingLookup>
    </>
  );
}

function Progress({ view, onRefresh, busy }: { view: TrackView; onRefresh: () => void; busy: boolean }) {
  const { t } = useI18n();
  const at = (s: string) => view.timeline.find((e) => e.status === s)?.at;
  const order = ['received', 'accepted', 'investigating', 'concluded'];
  const reached = view.status === 'rejected' ? 1 : order.indexOf(view.status);
  const stepStatus = (i: number): 'finish' | 'process' | 'wait' | 'error' => {
    if (view.status === 'rejected' && i === 1) return 'error';
    if (i <= reached) return 'finish';
    return i === reached + 1 ? 'process' : 'wait';
  };
  const when = (s: string) => {
    const a = at(s);
    return a ? formatDateTime(a) : undefined;
  };
  const items = [
    { title: t('pub.step.received'), content: when('received') ?? formatDateTime(view.receivedAt) },
    view.status === 'rejected'
      ? { title: t('pub.step.rejected'), content: when('rejected') }
      : { title: t('pub.step.accepted'), content: when('accepted') ?? (view.status === 'received' ? t('pub.acceptBy', { date: formatDate(view.acceptDue) }) : undefined) },
    ...(view.status === 'rejected'
      ? []
      : [
          { title: t('pub.step.investigating'), content: when('investigating') },
          { title: t('pub.step.concluded'), content: when('concluded') ?? (view.concludedAt ? formatDateTime(view.concludedAt) : undefined) },
        ]),
  ].map((it, i) => ({ ...it, status: stepStatus(i) }));

  return (
    <Card
      className="xz-public-card"
      title={<h2 className="xz-public-h2">{t('pub.progressTitle')}</h2>}
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={onRefresh} loading={busy}>
          {t('pub.refresh')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <div className="xz-track-status" data-testid="track-status">
          <span>{t('pub.currentStatus')}</span>
          <Tag color={view.status === 'rejected' ? 'default' : view.status === 'concluded' ? 'green' : 'blue'} className="xz-track-status-tag">
            {t(`pub.step.${view.status}`)}
          </Tag>
        </div>
        <Steps items={items} current={Math.max(0, reached)} responsive size="small" />
        {view.status === 'rejected' && view.reason && <Alert type="warning" showIcon title={t('pub.rejectedReason')} description={view.reason} />}
        {view.status === 'concluded' && (
          <Alert
            type={view.violation ? 'success' : 'info'}
            showIcon
            title={view.violation ? t('pub.concludedViolation') : t('pub.concludedNoViolation')}
            description={view.conclusion ?? undefined}
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'subject', label: t('pr.subject'), children: view.subject },
            { key: 'kind', label: t('pr.rightKind'), children: rightKindName(t, view.rightKind) },
            { key: 'area', label: t('pub.handledBy'), children: view.areaName ?? t('pub.areaPending') },
            { key: 'received', label: t('pub.receivedAt'), children: formatDateTime(view.receivedAt) },
          ]}
        />
        <Typography.Text type="secondary" className="xz-small">
          {t('pub.trackPrivacy')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
