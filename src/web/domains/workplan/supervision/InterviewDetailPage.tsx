import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Skeleton, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { supervisionApi, type InterviewDetail } from './api';
import { RectificationModal, TextStepModal } from './forms';
import { InterviewStatusTag, interviewStatusName } from './labels';
import { DocxButton, History, Prose, RelatedRectifications } from './parts';

/** One 约谈: who, when, where, the issues and commitments, and the follow-ups until it is closed. */
export default function InterviewDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const qc = useQueryClient();
  const key = ['supervision', 'interview', id];
  const result = useQuery({ queryKey: key, queryFn: ({ signal }) => supervisionApi.interview(id, signal), enabled: valid });
  const [dialog, setDialog] = useState<'follow' | 'rectify' | null>(null);

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo="/workplan/supervision?tab=interviews" backLabel={t('sup.back')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const i = result.data;
  if (!i) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <>
      <PageHeader
        back="/workplan/supervision?tab=interviews"
        title={`${t('sup.interviewTitle')} ${i.ref}`}
        tags={
          <Flex gap={4} align="center">
            <InterviewStatusTag status={i.status} overdue={i.overdue} />
            {i.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={t('sup.interviewSubtitle', { unit: i.unit.name, date: formatDateTime(i.heldAt) })}
        extra={
          <>
            {i.actions.includes('follow-up') && (
              <Button type="primary" onClick={() => setDialog('follow')}>
                {t('sup.act.followUp')}
              </Button>
            )}
            <DocxButton kind="interviews" id={i.id} />
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('sup.f.interviewedUnit')}>{i.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('sup.f.interviewees')}>{i.interviewees}</Descriptions.Item>
            <Descriptions.Item label={t('sup.f.interviewers')}>{i.interviewers}</Descriptions.Item>
            <Descriptions.Item label={t('sup.f.heldAt')}>{formatDateTime(i.heldAt)}</Descriptions.Item>
            <Descriptions.Item label={t('sup.f.place')}>{i.place}</Descriptions.Item>
            <Descriptions.Item label={t('sup.f.followUpDue')}>
              <Typography.Text type={i.overdue ? 'danger' : undefined}>{i.followUpDue}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.f.issuesRaised')} span={2}>
              <Prose text={i.issues} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.f.commitments')} span={2}>
              {i.commitments ? <Prose text={i.commitments} /> : '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('sup.followUps')}>
          {i.followUps.length === 0 ? (
            <Typography.Text type="secondary">{t('sup.noFollowUps')}</Typography.Text>
          ) : (
            <Timeline items={i.followUps.map((f, k) => ({ key: k, content: (<Flex vertical gap={2}><Prose text={f.body} /><Typography.Text type="secondary" className="xz-small">{f.by} · {formatDateTime(f.at)}</Typography.Text></Flex>) }))} />
          )}
        </Card>
        <RelatedRectifications
          kind="interview"
          id={i.id}
          extra={
            i.actions.includes('rectify') && (
              <Button size="small" onClick={() => setDialog('rectify')}>
                {t('sup.newRectification')}
              </Button>
            )
          }
        />
        <History entries={i.history} statusName={(s) => interviewStatusName(t, s)} firstLabel={t('sup.hist.interviewed')} />
      </Flex>
      <TextStepModal
        open={dialog === 'follow'}
        title={t('sup.act.followUp')}
        label={t('sup.followUpBody')}
        required
        closeLabel={t('sup.followUpClose')}
        onClose={() => setDialog(null)}
        run={(v) => supervisionApi.followUp(i.id, { body: v.text ?? '', close: !!v.close })}
        onDone={(r: InterviewDetail) => {
          qc.setQueryData(key, r);
          void qc.invalidateQueries({ queryKey: ['supervision'], predicate: (q) => q.queryKey[1] !== 'interview' });
          setDialog(null);
        }}
      />
      <RectificationModal
        open={dialog === 'rectify'}
        source={{ kind: 'interview', id: i.id, ref: i.ref }}
        units={[i.unit.id]}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          void qc.invalidateQueries({ queryKey: ['supervision'] });
        }}
      />
    </>
  );
}
