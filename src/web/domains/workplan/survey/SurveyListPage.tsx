import { FileAddOutlined, FormOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { useReportError } from '../../../app/errors';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { surveyApi, type SurveySummary } from './api';
import { SurveyPhaseTag } from './labels';

/** 满意度调查: the city's questionnaires by year; the city office builds and publishes them. */
export default function SurveyListPage() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const reportError = useReportError();
  const manager = user.permissions.includes('survey.manage');
  const list = useQuery({ queryKey: ['surveys'], queryFn: ({ signal }) => surveyApi.list({}, signal) });
  const open = (s: { id: number }) => navigate(`/workplan/surveys/${s.id}`);
  const fromTemplate = useMutation({ mutationFn: () => surveyApi.fromTemplate(), onSuccess: open, onError: reportError });
  const blank = useMutation({ mutationFn: () => surveyApi.fromTemplate(true), onSuccess: open, onError: reportError });

  return (
    <>
      <PageHeader
        title={t('nav.surveys')}
        subtitle={t('sv.subtitle')}
        extra={
          manager && (
            <Space wrap>
              <Button type="primary" icon={<FileAddOutlined />} loading={fromTemplate.isPending} onClick={() => fromTemplate.mutate()}>
                {t('sv.fromTemplate')}
              </Button>
              <Button icon={<FormOutlined />} loading={blank.isPending} onClick={() => blank.mutate()}>
                {t('sv.newBlank')}
              </Button>
            </Space>
          )
        }
      />
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<SurveySummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: 820 }}
            locale={{ emptyText: <EmptyState description={manager ? t('sv.emptyManager') : t('sv.empty')} /> }}
            columns={[
              {
                title: t('sv.title'),
                key: 'title',
                render: (_v, s) => (
                  <Flex vertical gap={2} align="flex-start">
                    <Link to={`/workplan/surveys/${s.id}`}>{s.title}</Link>
                    {s.isDemo && <DemoTag inList />}
                  </Flex>
                ),
              },
              { title: t('sv.year'), dataIndex: 'year', width: 80, render: (v: number) => <span className="xz-num">{v}</span> },
              {
                title: t('sv.period'),
                key: 'period',
                width: 220,
                render: (_v, s) => (
                  <span className="xz-num">
                    {formatDate(s.opensAt)} ~ {formatDate(s.closesAt)}
                  </span>
                ),
              },
              { title: t('common.status'), key: 'phase', width: 100, render: (_v, s) => <SurveyPhaseTag phase={s.phase} /> },
              {
                title: t('sv.responses'),
                dataIndex: 'responses',
                width: 100,
                align: 'right',
                render: (v: number, s) => (s.status === 'draft' ? <Typography.Text type="secondary">—</Typography.Text> : <span className="xz-num">{v}</span>),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
