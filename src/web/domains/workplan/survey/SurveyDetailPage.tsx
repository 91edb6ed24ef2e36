import { CopyOutlined, DeleteOutlined, DownloadOutlined, ExportOutlined, LinkOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntdApp, Button, Card, Col, Descriptions, Dropdown, Flex, Row, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useReportError } from '../../../app/errors';
import { isNotFound } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { surveyApi, type SurveyView } from './api';
import { respondentTypeName, SurveyPhaseTag } from './labels';
import { SurveyBuilder } from './SurveyBuilder';
import { SurveyResults } from './SurveyResults';

/** One survey: the builder while it is a draft; afterwards its public link, QR code and results. */
export default function SurveyDetailPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const survey = useQuery({ queryKey: ['survey', id], queryFn: ({ signal }) => surveyApi.get(id, signal), enabled: Number.isInteger(id) && id > 0 });
  if (survey.isError) {
    if (isNotFound(survey.error)) return <RecordNotFound backTo="/workplan/surveys" backLabel={t('nav.surveys')} />;
    return <LoadError error={survey.error} onRetry={() => survey.refetch()} />;
  }
  if (!survey.data) return <Card loading />;
  return <SurveyDetail s={survey.data} />;
}

function SurveyDetail({ s }: { s: SurveyView }) {
  const { t } = useI18n();
  const { modal } = AntdApp.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const reportError = useReportError();
  const done = (v: SurveyView) => {
    qc.setQueryData(['survey', s.id], v);
    void qc.invalidateQueries({ queryKey: ['surveys'] });
    void qc.invalidateQueries({ queryKey: ['survey-results', s.id] });
  };
  const publish = useMutation({ mutationFn: () => surveyApi.publish(s.id), onSuccess: done, onError: reportError });
  const close = useMutation({ mutationFn: () => surveyApi.close(s.id), onSuccess: done, onError: reportError });
  const remove = useMutation({
    mutationFn: () => surveyApi.remove(s.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['surveys'] });
      navigate('/workplan/surveys');
    },
    onError: reportError,
  });
  const can = (a: SurveyView['actions'][number]) => s.actions.includes(a);

  const actions = (
    <Space wrap>
      {can('publish') && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={publish.isPending}
          onClick={() => modal.confirm({ title: t('sv.publishConfirm'), content: t('sv.publishHint', { from: formatDateTime(s.opensAt), to: formatDateTime(s.closesAt) }), okText: t('sv.publish'), onOk: () => publish.mutateAsync() })}
        >
          {t('sv.publish')}
        </Button>
      )}
      {can('close') && (
        <Button danger icon={<StopOutlined />} loading={close.isPending} onClick={() => modal.confirm({ title: t('sv.closeConfirm'), content: t('sv.closeHint'), okText: t('sv.close'), okButtonProps: { danger: true }, onOk: () => close.mutateAsync() })}>
          {t('sv.close')}
        </Button>
      )}
      {can('results') && (
        <Dropdown
          menu={{
            items: [
              { key: 'xlsx', label: <a href={surveyApi.exportUrl(s.id, 'xlsx')} download>{t('sv.exportXlsx')}</a> },
              { key: 'csv', label: <a href={surveyApi.exportUrl(s.id, 'csv')} download>{t('sv.exportCsv')}</a> },
            ],
          }}
        >
          <Button icon={<DownloadOutlined />}>{t('sv.export')}</Button>
        </Dropdown>
      )}
      {can('delete') && (
        <Button danger type="text" icon={<DeleteOutlined />} onClick={() => modal.confirm({ title: t('sv.deleteConfirm'), okText: t('common.delete'), okButtonProps: { danger: true }, onOk: () => remove.mutateAsync() })}>
          {t('common.delete')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={s.title}
        back="/workplan/surveys"
        tags={
          <>
            <SurveyPhaseTag phase={s.phase} />
            {s.isDemo && <DemoTag />}
          </>
        }
        extra={actions}
        subtitle={s.status === 'draft' ? t('sv.draftHint') : undefined}
      />
      {s.status !== 'draft' && <LinkCard s={s} />}
      {can('edit') ? <SurveyBuilder survey={s} /> : s.status === 'draft' ? <Overview s={s} /> : <SurveyResults id={s.id} />}
    </>
  );
}

function Overview({ s }: { s: SurveyView }) {
  const { t } = useI18n();
  return (
    <Card size="small">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('sv.period')}>{`${formatDateTime(s.opensAt)} ~ ${formatDateTime(s.closesAt)}`}</Descriptions.Item>
        <Descriptions.Item label={t('sv.respondentTypes')}>{s.respondentTypes.map((rt) => respondentTypeName(t, rt)).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('sv.questions', { n: s.questions.length })}>{s.questions.map((q) => `${q.seq}. ${q.text}`).join('；')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The public link and its QR code, for posters, notices and WeChat groups. */
function LinkCard({ s }: { s: SurveyView }) {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const url = `${window.location.origin}${s.publicPath}`;
  const manager = useUser().permissions.includes('survey.manage');
  return (
    <Card size="small" title={t('sv.linkTitle')} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 12]} align="middle">
        <Col xs={24} md={16}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('sv.link')}>
              <Typography.Text className="xz-mono xz-break">{url}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('sv.period')}>
              <span className="xz-num">
                {formatDateTime(s.opensAt)} ~ {formatDateTime(s.closesAt)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('sv.respondentTypes')}>{s.respondentTypes.map((rt) => respondentTypeName(t, rt)).join('、')}</Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginTop: 8 }}>
            <Button
              icon={<CopyOutlined />}
              onClick={() =>
                void navigator.clipboard?.writeText(url).then(
                  () => message.success(t('sv.copied')),
                  () => message.info(url),
                )
              }
            >
              {t('sv.copyLink')}
            </Button>
            <Button icon={<LinkOutlined />} href={s.publicPath} target="_blank" rel="noopener">
              {t('sv.openLink')}
            </Button>
            {manager && (
              <>
                <Button icon={<ExportOutlined />} href={surveyApi.qrUrl(s.id, 'png')} download>
                  {t('sv.qrPng')}
                </Button>
                <Button icon={<ExportOutlined />} href={surveyApi.qrUrl(s.id, 'svg')} download>
                  {t('sv.qrSvg')}
                </Button>
              </>
            )}
          </Space>
        </Col>
        {manager && (
          <Col xs={24} md={8}>
            <Flex vertical align="center" gap={4}>
              <img src={surveyApi.qrUrl(s.id, 'svg')} alt={t('sv.qrAlt')} width={148} height={148} />
              <Typography.Text type="secondary" className="xz-small">
                {t('sv.qrHint')}
              </Typography.Text>
            </Flex>
          </Col>
        )}
      </Row>
    </Card>
  );
}
