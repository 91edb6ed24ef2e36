import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { AttachButton, FileTable } from '../../protection/FileTable';
import { DemoTag } from '../../registry/common/labels';
import { supervisionApi, type NoticeDetail } from './api';
import { RectificationModal, TextStepModal } from './forms';
import { NoticeStatusTag, noticeStatusName } from './labels';
import { DocxButton, History, Prose, RelatedRectifications } from './parts';

type Dialog = 'reply' | 'accept' | 'return' | 'rectify';

/** One 督办: what it asks, the unit's reply and files, the city's review, its history and the document. */
export default function NoticeDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const qc = useQueryClient();
  const key = ['supervision', 'notice', id];
  const result = useQuery({ queryKey: key, queryFn: ({ signal }) => supervisionApi.notice(id, signal), enabled: valid });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const update = (n: NoticeDetail) => {
    qc.setQueryData(key, n);
    void qc.invalidateQueries({ queryKey: ['supervision'], predicate: (q) => q.queryKey[1] !== 'notice' });
    setDialog(null);
  };

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo="/workplan/supervision" backLabel={t('sup.back')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const n = result.data;
  if (!n) return <Skeleton active paragraph={{ rows: 10 }} />;
  const can = (a: string) => n.actions.includes(a);
  const step = n.status === 'accepted' ? 2 : n.status === 'replied' ? 1 : 0;

  return (
    <>
      <PageHeader
        back="/workplan/supervision?tab=notices"
        title={`${t('sup.noticeTitle')} ${n.ref}`}
        tags={
          <Flex gap={4} align="center">
            <NoticeStatusTag status={n.status} overdue={n.overdue} />
            {n.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={t('sup.noticeSubtitle', { unit: n.unit.name, date: n.issueDate, due: n.replyDue })}
        extra={
          <>
            {can('reply') && (
              <Button type="primary" onClick={() => setDialog('reply')}>
                {n.status === 'returned' ? t('sup.act.replyAgain') : t('sup.act.reply')}
              </Button>
            )}
            {can('accept') && (
              <Button type="primary" onClick={() => setDialog('accept')}>
                {t('sup.act.accept')}
              </Button>
            )}
            {can('return') && (
              <Button danger onClick={() => setDialog('return')}>
                {t('sup.act.return')}
              </Button>
            )}
            <DocxButton kind="notices" id={n.id} />
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Steps
            size="small"
            current={step}
            status={n.overdue ? 'error' : n.status === 'returned' ? 'warning' as never : undefined}
            items={[
              { title: n.status === 'returned' ? t('sup.step.returned') : t('sup.step.issued'), description: n.status === 'returned' ? t('sup.step.replyBy', { date: n.replyDue }) : n.issueDate },
              { title: t('sup.step.replied'), description: n.repliedAt ? formatDateTime(n.repliedAt) : t('sup.step.replyBy', { date: n.replyDue }) },
              { title: t('sup.step.accepted'), description: n.status === 'accepted' && n.reviewedAt ? formatDateTime(n.reviewedAt) : undefined },
            ]}
          />
          {n.overdue && <Alert style={{ marginTop: 12 }} type="error" showIcon message={t('sup.overdueNote', { date: n.replyDue })} />}
          {n.status === 'returned' && n.reviewComment && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={t('sup.returnedNote')} description={<Prose text={n.reviewComment} />} />}
        </Card>
        <Card size="small" title={t('sup.noticeContent')}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('sup.col.unit')}>{n.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('sup.col.ref')}>{n.ref}</Descriptions.Item>
            <Descriptions.Item label={t('sup.f.issueDate')}>{n.issueDate}</Descriptions.Item>
            <Descriptions.Item label={t('sup.f.replyDue')}>
              <Typography.Text type={n.overdue ? 'danger' : undefined}>{n.replyDue}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.f.issues')} span={2}>
              <Prose text={n.issues} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.f.requirement')} span={2}>
              <Prose text={n.requirement} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.f.replyContent')} span={2}>
              <Prose text={n.replyContent} />
            </Descriptions.Item>
          </Descriptions>
          {n.assignments.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={n.assignments}
              columns={[
                { title: t('sup.col.assignment'), dataIndex: 'title' },
                { title: t('sup.col.task'), key: 'task', render: (_v, a) => `${a.planYear} · ${a.taskTitle}` },
                { title: t('sup.col.due'), dataIndex: 'dueDate', width: 110 },
              ]}
            />
          )}
        </Card>
        <Card
          size="small"
          title={t('sup.replyTitle', { n: n.replies })}
          extra={can('attach') && <AttachButton label={t('sup.attachReply')} upload={(f, p) => supervisionApi.attachNotice(n.id, f, p)} onDone={(r) => qc.setQueryData(key, r)} />}
        >
          {n.replyBody ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('sup.replyBody')}>
                <Prose text={n.replyBody} />
              </Descriptions.Item>
              <Descriptions.Item label={t('sup.repliedBy')}>
                {n.repliedBy} · {n.repliedAt ? formatDateTime(n.repliedAt) : ''}
              </Descriptions.Item>
              {n.reviewComment && n.status === 'accepted' && <Descriptions.Item label={t('sup.reviewComment')}>{n.reviewComment}</Descriptions.Item>}
            </Descriptions>
          ) : (
            <Typography.Paragraph type="secondary">{can('reply') ? t('sup.replyHint') : t('sup.noReply')}</Typography.Paragraph>
          )}
          <FileTable files={n.files} urlOf={(f) => supervisionApi.noticeFileUrl(n.id, f)} emptyText={t('sup.noFiles')} />
        </Card>
        <RelatedRectifications
          kind="notice"
          id={n.id}
          extra={
            can('rectify') && (
              <Button size="small" onClick={() => setDialog('rectify')}>
                {t('sup.newRectification')}
              </Button>
            )
          }
        />
        <History entries={n.history} statusName={(s) => noticeStatusName(t, s)} firstLabel={t('sup.hist.issued')} />
      </Flex>
      <TextStepModal
        open={dialog === 'reply'}
        title={t('sup.act.reply')}
        label={t('sup.replyBody')}
        required
        onClose={() => setDialog(null)}
        run={(v) => supervisionApi.noticeStep(n.id, 'reply', { body: v.text })}
        onDone={update}
      />
      <TextStepModal open={dialog === 'accept'} title={t('sup.act.accept')} label={t('sup.reviewComment')} required={false} okText={t('sup.act.accept')} onClose={() => setDialog(null)} run={(v) => supervisionApi.noticeStep(n.id, 'accept', { comment: v.text })} onDone={update} />
      <TextStepModal
        open={dialog === 'return'}
        title={t('sup.act.return')}
        label={t('sup.returnReason')}
        required
        deadlineLabel={t('sup.newReplyDue')}
        okText={t('sup.act.return')}
        onClose={() => setDialog(null)}
        run={(v) => supervisionApi.noticeStep(n.id, 'return', { comment: v.text, replyDue: v.deadline })}
        onDone={update}
      />
      <RectificationModal
        open={dialog === 'rectify'}
        source={{ kind: 'notice', id: n.id, ref: n.ref }}
        units={[n.unit.id]}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          void qc.invalidateQueries({ queryKey: ['supervision'] });
        }}
      />
    </>
  );
}
