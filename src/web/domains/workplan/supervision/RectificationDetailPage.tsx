import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { AttachButton, FileTable } from '../../protection/FileTable';
import { DemoTag } from '../../registry/common/labels';
import { supervisionApi, type RectificationDetail } from './api';
import { TextStepModal } from './forms';
import { RectStatusTag, rectStatusName, sourceName } from './labels';
import { History, Prose } from './parts';

const SOURCE_PATH = { notice: 'notices', circular: 'circulars', interview: 'interviews' } as const;

/** One rectification item: what is to be put right, by when, the unit's report and files, the city's check. */
export default function RectificationDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const qc = useQueryClient();
  const key = ['supervision', 'rectification', id];
  const result = useQuery({ queryKey: key, queryFn: ({ signal }) => supervisionApi.rectification(id, signal), enabled: valid });
  const [dialog, setDialog] = useState<'submit' | 'close' | 'return' | null>(null);
  const update = (r: RectificationDetail) => {
    qc.setQueryData(key, r);
    void qc.invalidateQueries({ queryKey: ['supervision'], predicate: (q) => q.queryKey[1] !== 'rectification' });
    setDialog(null);
  };

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo="/workplan/supervision?tab=rectifications" backLabel={t('sup.back')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const r = result.data;
  if (!r) return <Skeleton active paragraph={{ rows: 10 }} />;
  const can = (a: string) => r.actions.includes(a);

  return (
    <>
      <PageHeader
        back="/workplan/supervision?tab=rectifications"
        title={`${t('sup.rectTitle')} ${r.ref}`}
        tags={
          <Flex gap={4} align="center">
            <RectStatusTag status={r.status} overdue={r.overdue} />
            {r.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={t('sup.rectSubtitle', { unit: r.unit.name, date: r.deadline })}
        extra={
          <>
            {can('submit') && <Button type="primary" onClick={() => setDialog('submit')}>{t('sup.act.submit')}</Button>}
            {can('close') && <Button type="primary" onClick={() => setDialog('close')}>{t('sup.act.close')}</Button>}
            {can('return') && <Button danger onClick={() => setDialog('return')}>{t('sup.act.return')}</Button>}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Steps
            size="small"
            current={r.status === 'closed' ? 2 : r.status === 'submitted' ? 1 : 0}
            status={r.overdue ? 'error' : undefined}
            items={[
              { title: r.status === 'returned' ? t('sup.rectStatus.returned') : t('sup.rectStatus.open'), description: t('sup.step.by', { date: r.deadline }) },
              { title: t('sup.rectStatus.submitted'), description: r.submittedAt ? formatDateTime(r.submittedAt) : undefined },
              { title: t('sup.rectStatus.closed'), description: r.closedAt ? formatDateTime(r.closedAt) : undefined },
            ]}
          />
          {r.status === 'returned' && r.reviewComment && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={t('sup.returnedNote')} description={<Prose text={r.reviewComment} />} />}
        </Card>
        <Card size="small" title={t('sup.rectContent')}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('sup.f.responsibleUnit')}>{r.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('sup.col.source')}>
              <Link to={`/workplan/supervision/${SOURCE_PATH[r.source.kind]}/${r.source.id}`}>
                {sourceName(t, r.source.kind)} {r.source.ref}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.f.rectDescription')} span={2}>
              <Prose text={r.description} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.f.deadline')}>
              <Typography.Text type={r.overdue ? 'danger' : undefined}>{r.deadline}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>{rectStatusName(t, r.status)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('sup.rectReport')} extra={can('attach') && <AttachButton label={t('sup.attachReply')} upload={(f, p) => supervisionApi.attachRect(r.id, f, p)} onDone={(x) => qc.setQueryData(key, x)} />}>
          {r.reportBody ? <Typography.Paragraph><Prose text={r.reportBody} /></Typography.Paragraph> : <Typography.Paragraph type="secondary">{can('submit') ? t('sup.rectHint') : t('sup.noReport')}</Typography.Paragraph>}
          {r.status === 'closed' && r.reviewComment && <Typography.Paragraph>{t('sup.reviewComment')}：{r.reviewComment}</Typography.Paragraph>}
          <FileTable files={r.files} urlOf={(f) => supervisionApi.rectFileUrl(r.id, f)} emptyText={t('sup.noFiles')} />
        </Card>
        <History entries={r.history} statusName={(s) => rectStatusName(t, s)} firstLabel={t('sup.hist.rectSet')} />
      </Flex>
      <TextStepModal open={dialog === 'submit'} title={t('sup.act.submit')} label={t('sup.rectReport')} required onClose={() => setDialog(null)} run={(v) => supervisionApi.rectStep(r.id, 'submit', { body: v.text })} onDone={update} />
      <TextStepModal open={dialog === 'close'} title={t('sup.act.close')} label={t('sup.reviewComment')} required={false} okText={t('sup.act.close')} onClose={() => setDialog(null)} run={(v) => supervisionApi.rectStep(r.id, 'close', { comment: v.text })} onDone={update} />
      <TextStepModal open={dialog === 'return'} title={t('sup.act.return')} label={t('sup.returnReason')} required deadlineLabel={t('sup.newDeadline')} okText={t('sup.act.return')} onClose={() => setDialog(null)} run={(v) => supervisionApi.rectStep(r.id, 'return', { comment: v.text, deadline: v.deadline })} onDone={update} />
    </>
  );
}
