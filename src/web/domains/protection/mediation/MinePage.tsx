import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Col, Divider, Flex, Form, Input, Modal, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { mobileRule } from '../forms';
import { rightKindName } from '../labels';
import { EvidenceUpload, uploadTokens, uploading, type EvidenceFile } from '../public/EvidenceUpload';
import { mediationApi, type CaseListItem } from './api';
import { CASE_FIELDS, CaseFields, PartyList, caseCore, caseError, type CaseValues } from './CaseForm';
import { DueCell } from './DueCell';
import { CaseStateTag, kindName } from './labels';

/** 维权援助申请 (enterprise): the firm's own applications and their outcomes, and a new application. */
export default function MinePage() {
  const { t } = useI18n();
  const result = useQuery({ queryKey: ['mediation-mine'], queryFn: ({ signal }) => mediationApi.mine(signal) });
  const [applying, setApplying] = useState(false);
  const org = result.data?.organisation;

  return (
    <>
      <PageHeader
        title={t('nav.mediationApply')}
        subtitle={org ? t('md.mine.subtitle', { org: org.name, area: org.areaName }) : undefined}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>
            {t('md.mine.apply')}
          </Button>
        }
      />
      <Alert type="info" showIcon className="xz-card" title={t('md.mine.noteTitle')} description={t('md.mine.note')} />
      <Card size="small" title={t('md.mine.listTitle')}>
        {result.isError ? (
          <LoadError error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <Table<CaseListItem>
            rowKey="id"
            size="middle"
            loading={result.isLoading}
            dataSource={result.data?.items ?? []}
            pagination={false}
            scroll={{ x: 860 }}
            locale={{ emptyText: <EmptyState description={t('md.mine.empty')} /> }}
            columns={[
              {
                title: t('md.ref'),
                dataIndex: 'ref',
                width: 130,
                render: (ref: string, r) => (
                  <Flex vertical gap={2} align="flex-start">
                    <Link to={`/protection/mediation/mine/${r.id}`} className="xz-mono">
                      {ref}
                    </Link>
                    {r.isDemo && <DemoTag inList />}
                  </Flex>
                ),
              },
              { title: t('common.status'), key: 'state', width: 110, render: (_v, r) => <CaseStateTag c={r} /> },
              { title: t('md.field.kind'), dataIndex: 'kind', width: 100, render: (k: string) => <Tag>{kindName(t, k)}</Tag> },
              { title: t('md.respondent'), dataIndex: 'respondents' },
              { title: t('pr.rightKind'), dataIndex: 'rightKind', width: 96, render: (k: string) => rightKindName(t, k) },
              { title: t('md.mediatedBy'), key: 'body', width: 200, render: (_v, r) => r.body?.name ?? (r.handler ? t('md.handledBy', { name: r.handler }) : <span className="xz-muted">{t('md.pub.bodyPending')}</span>) },
              { title: t('md.receivedAt'), dataIndex: 'receivedAt', width: 104, render: (v: string) => <span className="xz-num">{formatDate(v)}</span> },
              { title: t('md.due'), key: 'due', width: 150, render: (_v, r) => <DueCell c={r} /> },
            ]}
          />
        )}
      </Card>
      {applying && <ApplyModal orgName={org?.name ?? ''} onClose={() => setApplying(false)} />}
    </>
  );
}

type ApplyValues = CaseValues & { contactName?: string; contactPhone?: string; files?: EvidenceFile[] };

function ApplyModal({ orgName, onClose }: { orgName: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ApplyValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: ApplyValues) => {
    if (uploading(v.files)) {
      message.warning(t('pub.waitUploads'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const sent = await mediationApi.apply({ ...caseCore(v), contactName: v.contactName?.trim() ?? '', contactPhone: v.contactPhone?.trim() ?? '', files: uploadTokens(v.files) });
      void queryClient.invalidateQueries({ queryKey: ['mediation-mine'] });
      message.success(t('md.mine.sent', { ref: sent.ref }));
      onClose();
      navigate(`/protection/mediation/mine/${sent.id}`);
    } catch (e) {
      setProblem(caseError(form, e, lang, [...CASE_FIELDS, 'contactName', 'contactPhone', 'files'], t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('md.mine.applyTitle')} okText={t('md.mine.submit')} okButtonProps={{ loading: busy }} onOk={() => form.submit()} onCancel={onClose} width={880} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">{t('md.mine.applyIntro', { org: orgName })}</Typography.Paragraph>
      <Form<ApplyValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={() => setProblem(t('pub.fixFields'))}
        disabled={busy}
        initialValues={{ kind: 'assistance', respondents: [{ kind: 'org' }], files: [] }}
        scrollToFirstError={{ block: 'center' }}
      >
        <CaseFields />
        <Divider titlePlacement="start">{t('md.respondents')}</Divider>
        <PartyList name="respondents" title={t('md.respondent')} />
        <Divider titlePlacement="start">{t('md.mine.contact')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label={t('md.party.contact')} rules={[{ required: true, whitespace: true, message: t('kl.form.contactNameRequired') }, { max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label={t('md.party.phone')} required rules={[mobileRule(t, lang, true)]}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="files" label={t('md.pub.sectionFiles')} extra={t('md.pub.filesHint')} valuePropName="value">
          <EvidenceUpload />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
