import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { supervisionApi } from './api';
import { RectificationModal } from './forms';
import { CircularKindTag } from './labels';
import { DocxButton, History, Prose, RelatedRectifications } from './parts';

/** One 通报: its text, the units it names and why, who it went to, and (criticism) the rectification that follows. */
export default function CircularDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const qc = useQueryClient();
  const result = useQuery({ queryKey: ['supervision', 'circular', id], queryFn: ({ signal }) => supervisionApi.circular(id, signal), enabled: valid });
  const [rectify, setRectify] = useState(false);

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo="/workplan/supervision?tab=circulars" backLabel={t('sup.back')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const c = result.data;
  if (!c) return <Skeleton active paragraph={{ rows: 10 }} />;
  const criticism = c.kind === 'criticism';

  return (
    <>
      <PageHeader
        back="/workplan/supervision?tab=circulars"
        title={c.title}
        tags={
          <Flex gap={4} align="center">
            <CircularKindTag kind={c.kind} />
            {c.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={`${c.ref} · ${c.circularDate}`}
        extra={<DocxButton kind="circulars" id={c.id} />}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('sup.col.ref')}>{c.ref}</Descriptions.Item>
            <Descriptions.Item label={t('sup.f.circulateTo')}>{c.circulateTo === 'all' ? t('sup.f.toAll') : c.recipients.map((r) => r.name).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('sup.f.body')}>
              <Prose text={c.body} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={criticism ? t('sup.f.unitsCriticised') : t('sup.f.unitsPraised')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.units}
            columns={[
              { title: t('sup.col.unit'), dataIndex: 'name' },
              { title: t('sup.col.area'), dataIndex: 'areaName', width: 140 },
              { title: criticism ? t('sup.f.reasonCriticism') : t('sup.f.reasonPraise'), dataIndex: 'reason', render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
            ]}
          />
        </Card>
        {criticism && (
          <RelatedRectifications
            kind="circular"
            id={c.id}
            extra={
              c.actions.includes('rectify') && (
                <Button size="small" onClick={() => setRectify(true)}>
                  {t('sup.newRectification')}
                </Button>
              )
            }
          />
        )}
        <History entries={c.history} statusName={(s) => t(`sup.circularKind.${s as 'praise' | 'criticism'}`)} firstLabel={t('sup.hist.circulated')} />
      </Flex>
      <RectificationModal
        open={rectify}
        source={{ kind: 'circular', id: c.id, ref: c.ref }}
        units={c.units.map((u) => u.id)}
        onClose={() => setRectify(false)}
        onDone={() => {
          setRectify(false);
          void qc.invalidateQueries({ queryKey: ['supervision'] });
        }}
      />
    </>
  );
}
