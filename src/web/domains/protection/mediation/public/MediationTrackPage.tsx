import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Steps, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { formatDate, formatDateTime } from '../../../../app/format';
import { useI18n } from '../../../../app/i18n';
import { rightKindName } from '../../labels';
import { PublicTitle } from '../../public/PublicTitle';
import { TrackingLookup } from '../../public/TrackingLookup';
import { publicMediationApi, type TrackView } from '../api';
import { OUTCOME_COLOR, kindName, outcomeName } from '../labels';

/** 维权援助进度查询: the applicant follows the case by its tracking code: stage, mediation body, next session, outcome. */
export default function MediationTrackPage() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('md.pub.trackTitle')} · ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <PublicTitle title={t('md.pub.trackTitle')} intro={t('md.pub.trackIntro')} />
      <TrackingLookup fetch={publicMediationApi.track}>{({ view, busy, refresh }) => <Progress view={view} busy={busy} onRefresh={refresh} />}</TrackingLookup>
    </>
  );
}

function Progress({ view, busy, onRefresh }: { view: TrackView; busy: boolean; onRefresh: () => void }) {
  const { t } = useI18n();
  const at = (s: string) => view.timeline.find((e) => e.status === s)?.at;
  const current = view.status === 'received' ? 1 : view.status === 'closed' ? 3 : 2;
  const items = [
    { title: t('md.step.received'), content: formatDateTime(view.receivedAt) },
    { title: t('md.step.assigned'), content: at('assigned') ? formatDateTime(at('assigned')) : t('md.by', { date: formatDate(view.assignDue) }) },
    { title: t('md.step.in_mediation'), content: at('in_mediation') ? formatDateTime(at('in_mediation')) : undefined },
    { title: view.outcome ? outcomeName(t, view.outcome) : t('md.step.closed'), content: view.closedAt ? formatDateTime(view.closedAt) : undefined },
  ];
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
          <Tag color={view.outcome ? OUTCOME_COLOR[view.outcome] : 'blue'} className="xz-track-status-tag">
            {view.outcome ? outcomeName(t, view.outcome) : t(`md.pub.status.${view.status}`)}
          </Tag>
        </div>
        <Steps items={items} current={current} status={view.status === 'closed' ? 'finish' : 'process'} responsive size="small" />
        {view.nextSession && (
          <Alert
            type="info"
            showIcon
            title={t('md.pub.nextSession', { time: formatDateTime(view.nextSession.scheduledAt) })}
            description={`${view.nextSession.online ? `${t('md.onlineYes')} · ` : ''}${view.nextSession.place}`}
          />
        )}
        {view.status === 'closed' && view.outcomeNote && <Alert type={view.outcome === 'settled' ? 'success' : 'info'} showIcon title={t('md.outcomeTitle')} description={<div className="xz-pre">{view.outcomeNote}</div>} />}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'ref', label: t('md.ref'), children: <span className="xz-mono">{view.ref}</span> },
            { key: 'kind', label: t('md.field.kind'), children: kindName(t, view.kind) },
            { key: 'right', label: t('pr.rightKind'), children: rightKindName(t, view.rightKind) },
            { key: 'area', label: t('pub.handledBy'), children: view.areaName },
            { key: 'body', label: t('md.body'), children: view.bodyName ?? t('md.pub.bodyPending') },
            { key: 'due', label: t('md.mediationDue'), children: formatDate(view.mediationDue) },
          ]}
        />
        <Typography.Text type="secondary" className="xz-small">
          {t('md.pub.trackPrivacy')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
